// Compares the emulator's answer with the recorded real one, as SDKs see it: status, error type,
// the significant headers, and the shape of the body or of the event stream. Returns readable
// difference lines; an empty list means "an SDK could not tell them apart by shape".
import type { Frame, Observed } from './exchange.js';
import { stringifyLiteral, type JNode } from './json-literal.js';
import { diffShapes, emptyShape, shapeOf, type Shape } from './shape.js';

// Headers whose PRESENCE is part of the contract (the SDK maps most of them to output members).
// Their values are per-call (ids, latencies, counts) except the ones in EXACT_VALUE.
// date/connection/set-cookie/content-length/transfer-encoding are transport and are ignored.
export const SIGNIFICANT_HEADERS = [
  'content-type',
  'x-amzn-requestid',
  'x-amzn-bedrock-invocation-latency',
  'x-amzn-bedrock-input-token-count',
  'x-amzn-bedrock-output-token-count',
  'x-amzn-bedrock-cache-read-input-token-count',
  'x-amzn-bedrock-cache-write-input-token-count',
  'x-amzn-bedrock-content-type',
  'x-amzn-errortype',
];
const EXACT_VALUE = ['content-type', 'x-amzn-bedrock-content-type'];

const METRICS = 'amazon-bedrock-invocationMetrics';

export function compareObserved(label: string, real: Observed, emulated: Observed): string[] {
  const out: string[] = [];
  if (real.status !== emulated.status) {
    // The emulator's error message says why it answered differently: show it.
    const why = emulated.json ? stringifyLiteral(emulated.json) : (emulated.text ?? '');
    out.push(`${label} status: real ${real.status}, emulator ${emulated.status} ${why.slice(0, 300)}`.trimEnd());
  }
  out.push(...compareHeaders(label, real.headers, emulated.headers));
  if (real.frames || emulated.frames) out.push(...compareStreams(label, real, emulated));
  else if (real.json || emulated.json) {
    if (!real.json || !emulated.json) out.push(`${label} body: real ${real.json ? 'JSON' : 'not JSON'}, emulator ${emulated.json ? 'JSON' : 'not JSON'}`);
    else out.push(...diffShapes(`${label} body`, shapeOf(real.json), shapeOf(emulated.json)));
  }
  return out;
}

// Some suites redacted header values (langchain-aws: `**REDACTED**`) or kept only a few headers
// (pydantic-ai: no x-amzn-requestid, which every real answer carries). Neither says anything
// about the headers it hid, so only the headers they kept are compared.
const REDACTED = '**REDACTED**';

function compareHeaders(label: string, real: Map<string, string>, emulated: Map<string, string>): string[] {
  const out: string[] = [];
  const filtered = !real.has('x-amzn-requestid');
  for (const name of SIGNIFICANT_HEADERS) {
    const r = real.get(name);
    const e = emulated.get(name);
    if (r === REDACTED || (filtered && r === undefined)) continue;
    if (r !== undefined && e === undefined) out.push(`${label} header ${name}: missing from the emulator's answer (real: ${r})`);
    else if (r === undefined && e !== undefined) out.push(`${label} header ${name}: not in the real answer (emulator: ${e})`);
    else if (r !== undefined && e !== undefined) {
      if (EXACT_VALUE.includes(name) && r !== e) out.push(`${label} header ${name}: real ${JSON.stringify(r)}, emulator ${JSON.stringify(e)}`);
      if (name === 'x-amzn-errortype') {
        // The SDKs read the error type before ':'; the coral namespace after it is a constant too.
        const [rType, ...rNs] = r.split(':');
        const [eType, ...eNs] = e.split(':');
        if (rType !== eType) out.push(`${label} error type: real ${rType}, emulator ${eType}`);
        else if (rNs.join(':') !== eNs.join(':')) out.push(`${label} header x-amzn-errortype namespace: real ${JSON.stringify(r)}, emulator ${JSON.stringify(e)}`);
      }
    }
  }
  return out;
}

/** Consecutive repeats collapsed, including repeated groups of up to 4 (e.g. Nova's delta/stop pairs). */
export function collapse<T>(items: T[], key: (item: T) => string = String): T[] {
  let seq = items.slice();
  for (let changed = true; changed; ) {
    changed = false;
    for (let len = 1; len <= 4 && !changed; len++) {
      for (let i = 0; i + 2 * len <= seq.length; i++) {
        const same = Array.from({ length: len }, (_, k) => key(seq[i + k]!) === key(seq[i + len + k]!)).every(Boolean);
        if (same) {
          seq = [...seq.slice(0, i + len), ...seq.slice(i + 2 * len)];
          changed = true;
          break;
        }
      }
    }
  }
  return seq;
}

/**
 * The "event kind" of a decoded chunk: Claude's Messages API chunks say it in `type`; the others
 * (Titan, Llama, Cohere, Nova, OpenAI) are told apart by their set of top-level keys.
 */
export function kindOf(chunk: JNode | undefined): string {
  if (!chunk || chunk.t !== 'object') return chunk ? `<${chunk.t}>` : '<no chunk>';
  const type = chunk.entries.find(([k]) => k === 'type')?.[1];
  if (type?.t === 'string') return `type=${type.v}`;
  return `{${chunk.entries.map(([k]) => k).sort().join(',')}}`;
}

const frameHeaders = (f: Frame) => f.headers.map(([n, v]) => `${n}=${v}`).join(' ');
const payloadKeys = (f: Frame, dropP: boolean) =>
  f.payload?.t === 'object' ? f.payload.entries.map(([k]) => k).filter((k) => !(dropP && k === 'p')).join(',') : `<${f.payload?.t ?? 'not JSON'}>`;

function compareStreams(label: string, real: Observed, emulated: Observed): string[] {
  if (!real.frames || !emulated.frames) return [`${label} body: real ${real.frames ? 'event stream' : 'not an event stream'}, emulator ${emulated.frames ? 'event stream' : 'not an event stream'}`];
  const out: string[] = [];
  const r = real.frames;
  // A capture that kept only the first and last frames is compared with our first and last.
  const e = real.partialFrames && emulated.frames.length > 2 ? [emulated.frames[0]!, emulated.frames.at(-1)!] : emulated.frames;
  if (e.length === 0) return [`${label} stream: the emulator sent no frames (real: ${r.length})`];

  const seq = (frames: Frame[], f: (x: Frame) => string) => collapse(frames.map(f));
  const same = (a: string[], b: string[]) => a.join('\n') === b.join('\n');
  const rh = seq(r, frameHeaders);
  const eh = seq(e, frameHeaders);
  if (!same(rh, eh)) out.push(`${label} frame headers: real [${rh.join(' | ')}], emulator [${eh.join(' | ')}]`);

  // `p` (padding) appeared in 2025; older captures lack it, so it is only required where the real
  // stream has it.
  const realHasP = r.every((f) => payloadKeys(f, false).split(',').includes('p'));
  const rp = [...new Set(r.map((f) => payloadKeys(f, !realHasP)))].sort();
  const ep = [...new Set(e.map((f) => payloadKeys(f, !realHasP)))].sort();
  if (!same(rp, ep)) out.push(`${label} frame payload keys: real [${rp.join(' | ')}], emulator [${ep.join(' | ')}]`);

  const rk = seq(r, (f) => kindOf(f.chunk));
  const ek = seq(e, (f) => kindOf(f.chunk));
  if (!same(rk, ek)) out.push(`${label} event kinds: real [${rk.join(' → ')}], emulator [${ek.join(' → ')}]`);

  // Chunk shapes per kind: chunks of one kind are merged, so how many there are does not matter.
  const byKind = (frames: Frame[]) => {
    const shapes = new Map<string, Shape>();
    for (const f of frames) {
      if (!f.chunk) continue;
      const kind = kindOf(f.chunk);
      if (!shapes.has(kind)) shapes.set(kind, emptyShape());
      shapeOf(f.chunk, shapes.get(kind));
    }
    return shapes;
  };
  const rs = byKind(r);
  const es = byKind(e);
  for (const [kind, shape] of rs) {
    const got = es.get(kind);
    if (got) out.push(...diffShapes(`${label} chunk ${kind}`, shape, got));
  }

  // The last chunk closes the stream with the invocation metrics (cache keys in newer streams).
  const metrics = (frames: Frame[]) => {
    const last = frames.at(-1)?.chunk;
    const m = last?.t === 'object' ? last.entries.find(([k]) => k === METRICS)?.[1] : undefined;
    return m?.t === 'object' ? m.entries.map(([k]) => k).join(', ') : undefined;
  };
  const rm = metrics(r);
  const em = metrics(e);
  if (rm !== em) out.push(`${label} last chunk ${METRICS}: real ${rm ? `[${rm}]` : 'absent'}, emulator ${em ? `[${em}]` : 'absent'}`);
  return out;
}
