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
export const EXACT_VALUE = ['content-type', 'x-amzn-bedrock-content-type'];

const METRICS = 'amazon-bedrock-invocationMetrics';

/**
 * The normalized form of one answer: what the comparison looks at, and nothing else. Values that
 * differ from call to call (ids, text, counts, latencies) are not in it: headers keep their value
 * only where it is a constant (EXACT_VALUE, the error type, a redaction marker), bodies keep their
 * shape, streams their frame headers, payload keys, event kinds and chunk shapes. Contract
 * snapshots (conformance/support/snapshots.ts) store it as JSON.
 */
export interface Contract {
  status: number;
  headers: Map<string, string>;
  /** The shape of a JSON body. */
  json?: Shape;
  /** The body was neither JSON, nor an event stream, nor empty. */
  text?: boolean;
  stream?: StreamSummary;
}

export interface StreamSummary {
  /** How many frames were seen. */
  count: number;
  /** Frame headers `name=value …`, consecutive repeats collapsed. */
  frameHeaders: string[];
  /** The distinct key lists of the frame payloads (`bytes,p`), sorted. */
  payloadKeys: string[];
  /** The event kinds in order, consecutive repeats collapsed (see kindOf). */
  kinds: string[];
  /** The merged shape of the chunks of each kind. */
  chunks: Map<string, Shape>;
  /** The keys of amazon-bedrock-invocationMetrics in the last chunk. */
  metrics?: string;
  /** Only the first and last frames are known (a capture that kept only those). */
  partial?: boolean;
  /** The reader stopped before the end of the stream: what was seen is not the whole stream. */
  incomplete?: boolean;
}

const HEADER_KEPT = new Set([...EXACT_VALUE, 'x-amzn-errortype']);

/**
 * The contract of an answer. `firstAndLast`: keep only the first and last frames of a stream (to
 * compare with a recording that kept only those).
 */
export function contractOf(observed: Observed, firstAndLast = false): Contract {
  const headers = new Map<string, string>();
  for (const name of SIGNIFICANT_HEADERS) {
    const v = observed.headers.get(name);
    if (v !== undefined) headers.set(name, HEADER_KEPT.has(name) || v === REDACTED ? v : '*');
  }
  const contract: Contract = { status: observed.status, headers };
  if (observed.frames) {
    const frames = firstAndLast && observed.frames.length > 2 ? [observed.frames[0]!, observed.frames.at(-1)!] : observed.frames;
    contract.stream = streamSummary(frames);
    if (observed.partialFrames) contract.stream.partial = true;
    if (observed.incomplete) contract.stream.incomplete = true;
  } else if (observed.json) contract.json = shapeOf(observed.json);
  else if (observed.text !== undefined) contract.text = true;
  return contract;
}

export function compareObserved(label: string, real: Observed, emulated: Observed): string[] {
  // The emulator's error message says why it answered differently: show it.
  const why = emulated.json ? stringifyLiteral(emulated.json) : (emulated.text ?? '');
  return diffContracts(label, contractOf(real), contractOf(emulated, real.partialFrames), why);
}

/** The differences between a real answer's contract and the emulator's, as readable lines. */
export function diffContracts(label: string, real: Contract, emulated: Contract, why = ''): string[] {
  const out: string[] = [];
  if (real.status !== emulated.status) {
    out.push(`${label} status: real ${real.status}, emulator ${emulated.status} ${why.slice(0, 300)}`.trimEnd());
  }
  out.push(...compareHeaders(label, real.headers, emulated.headers));
  if (real.stream || emulated.stream) out.push(...compareStreams(label, real.stream, emulated.stream));
  else if (real.json || emulated.json) {
    if (!real.json || !emulated.json) out.push(`${label} body: real ${real.json ? 'JSON' : 'not JSON'}, emulator ${emulated.json ? 'JSON' : 'not JSON'}`);
    else out.push(...diffShapes(`${label} body`, real.json, emulated.json));
  }
  return out;
}

// Some suites redacted header values (langchain-aws: `**REDACTED**`) or kept only a few headers
// (pydantic-ai: no x-amzn-requestid, which every real answer carries). Neither says anything
// about the headers it hid, so only the headers they kept are compared.
const REDACTED = '**REDACTED**';

export function compareHeaders(label: string, real: Map<string, string>, emulated: Map<string, string>): string[] {
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
const payloadKeys = (f: Frame) => (f.payload?.t === 'object' ? f.payload.entries.map(([k]) => k).join(',') : `<${f.payload?.t ?? 'not JSON'}>`);

/** The stream part of a contract, from decoded frames. */
export function streamSummary(frames: Frame[]): StreamSummary {
  const chunks = new Map<string, Shape>();
  // Chunk shapes per kind: chunks of one kind are merged, so how many there are does not matter.
  for (const f of frames) {
    if (!f.chunk) continue;
    const kind = kindOf(f.chunk);
    if (!chunks.has(kind)) chunks.set(kind, emptyShape());
    shapeOf(f.chunk, chunks.get(kind));
  }
  // The last chunk closes the stream with the invocation metrics (cache keys in newer streams).
  const last = frames.at(-1)?.chunk;
  const m = last?.t === 'object' ? last.entries.find(([k]) => k === METRICS)?.[1] : undefined;
  return {
    count: frames.length,
    frameHeaders: collapse(frames.map(frameHeaders)),
    payloadKeys: [...new Set(frames.map(payloadKeys))].sort(),
    kinds: collapse(frames.map((f) => kindOf(f.chunk))),
    chunks,
    ...(m?.t === 'object' ? { metrics: m.entries.map(([k]) => k).join(', ') } : {}),
  };
}

function compareStreams(label: string, r: StreamSummary | undefined, e: StreamSummary | undefined): string[] {
  if (!r || !e) return [`${label} body: real ${r ? 'event stream' : 'not an event stream'}, emulator ${e ? 'event stream' : 'not an event stream'}`];
  const out: string[] = [];
  // A stream its reader left before the end says nothing about the order or the rest of its events.
  if (r.incomplete || e.incomplete) return out;
  if (e.count === 0) return [`${label} stream: the emulator sent no frames (real: ${r.count})`];

  const same = (a: string[], b: string[]) => a.join('\n') === b.join('\n');
  if (!same(r.frameHeaders, e.frameHeaders)) out.push(`${label} frame headers: real [${r.frameHeaders.join(' | ')}], emulator [${e.frameHeaders.join(' | ')}]`);

  // `p` (padding) appeared in 2025; older captures lack it, so it is only required where the real
  // stream has it.
  const realHasP = r.payloadKeys.every((k) => k.split(',').includes('p'));
  const keys = (s: StreamSummary) => [...new Set(s.payloadKeys.map((k) => (realHasP ? k : k.split(',').filter((x) => x !== 'p').join(','))))].sort();
  const rp = keys(r);
  const ep = keys(e);
  if (!same(rp, ep)) out.push(`${label} frame payload keys: real [${rp.join(' | ')}], emulator [${ep.join(' | ')}]`);

  if (!same(r.kinds, e.kinds)) out.push(`${label} event kinds: real [${r.kinds.join(' → ')}], emulator [${e.kinds.join(' → ')}]`);

  for (const [kind, shape] of r.chunks) {
    const got = e.chunks.get(kind);
    if (got) out.push(...diffShapes(`${label} chunk ${kind}`, shape, got));
  }

  if (r.metrics !== e.metrics) out.push(`${label} last chunk ${METRICS}: real ${r.metrics ? `[${r.metrics}]` : 'absent'}, emulator ${e.metrics ? `[${e.metrics}]` : 'absent'}`);
  return out;
}
