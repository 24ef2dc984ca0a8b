// Reads the recorded Bedrock exchanges (../shared/reference/captures, third-party data read at run
// time and never copied into this repository), decides which of them can be replayed, and turns
// each into the requests to send and the `Observed` real answers to compare against.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeEventStream, decodeFrame, headerMap, isEventStream, withBody, type Observed } from './exchange.js';
import { at, parseLiteral, stringifyLiteral, type JNode } from './json-literal.js';

/** The operation, read from the last segment of the request path. */
export type Operation = 'invoke' | 'invoke-with-response-stream' | 'converse' | 'converse-stream' | 'count-tokens' | 'unknown';

export interface ReplayRequest {
  method: string;
  /** Path and query exactly as recorded, percent-encoding kept (`/model/x-v1%3A0/invoke`). */
  path: string;
  headers: Record<string, string>;
  body?: Uint8Array<ArrayBuffer>;
}

export interface Capture {
  /** File name without `.json`: the test name and the KNOWN_DIFFERENCES key. */
  name: string;
  file: string;
  verdict: string;
  operation: Operation;
  /** Why the capture is not replayed at all (untrustworthy, not a runtime call, …), if so. */
  notReplayable?: string;
  /** Lazily built so a folder of captures costs nothing until a test runs. */
  interactions(): Promise<Array<{ request: ReplayRequest; real: Observed }>>;
}

// The emulator refuses unsigned requests, as Bedrock does; any well-formed SigV4 header passes.
const AUTHORIZATION =
  'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/us-east-1/bedrock/aws4_request, SignedHeaders=host, Signature=abc';

// Request headers that change what Bedrock answers. Everything else recorded (signatures, dates,
// user agents, trace ids, Content-Length) is either transport or would be wrong when replayed.
const FORWARDED = (name: string) => ['content-type', 'accept'].includes(name) || name.startsWith('x-amzn-bedrock-');

// Verdicts the INDEX marks as not ground truth: hand-written or copied from another recording.
const UNTRUSTED = /SUSPECT|SYNTHETIC|DERIVED/;

export function listCaptures(dir: string): Capture[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => describeCapture(join(dir, f)));
}

function describeCapture(file: string): Capture {
  const text = readFileSync(file, 'utf8');
  const doc = JSON.parse(text) as { verdict?: string; interactions?: Array<{ request: { uri: string } }> };
  const name = file.replace(/^.*\//, '').replace(/\.json$/, '');
  const verdict = doc.verdict ?? '';
  const uris = (doc.interactions ?? []).map((i) => i.request.uri);
  const operation = operationOf(uris[0], name);
  let notReplayable: string | undefined;
  if (UNTRUSTED.test(verdict)) notReplayable = `verdict ${verdict.split(' ')[0]}: not ground truth`;
  else if (uris.length === 0) notReplayable = 'no recorded HTTP request (fixture bodies or a lone frame only)';
  else if (!uris.every((u) => new URL(u).hostname.startsWith('bedrock-runtime.')))
    notReplayable = 'request does not target bedrock-runtime';
  else if (operation === 'unknown') notReplayable = 'operation unknown';
  return { name, file, verdict, operation, notReplayable, interactions: () => readInteractions(text) };
}

function operationOf(uri: string | undefined, name: string): Operation {
  const last = uri ? new URL(uri).pathname.split('/').pop() : undefined;
  const known: Operation[] = ['invoke', 'invoke-with-response-stream', 'converse', 'converse-stream', 'count-tokens'];
  if (last && (known as string[]).includes(last)) return last as Operation;
  // No request recorded: the file name carries the operation (`error__converse__…`).
  const fromName = name.split('__').find((part) => (known as string[]).includes(part));
  return (fromName as Operation | undefined) ?? 'unknown';
}

async function readInteractions(text: string) {
  // Parsed twice on purpose: plain JSON to navigate, the literal tree for bodies, so that number
  // literals and key order survive (see json-literal.ts).
  const doc = JSON.parse(text) as { interactions: any[] };
  const tree = parseLiteral(text);
  return Promise.all(
    doc.interactions.map(async (interaction, n) => ({
      request: requestOf(interaction.request, at(tree, 'interactions', n, 'request', 'body')),
      real: await realAnswer(interaction.response, at(tree, 'interactions', n, 'response')),
    })),
  );
}

function requestOf(recorded: { method: string; uri: string; headers?: Record<string, unknown> }, body: JNode | undefined): ReplayRequest {
  const url = new URL(recorded.uri);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(recorded.headers ?? {})) {
    const v = Array.isArray(value) ? value[0] : value;
    // Some suites replaced header values with a redaction marker: sending it would be a lie.
    if (FORWARDED(name.toLowerCase()) && typeof v === 'string' && !v.includes('REDACTED')) headers[name] = v;
  }
  headers.Authorization = AUTHORIZATION;
  // A parsed body is re-serialized compactly (the wire form SDKs send); a string body is sent as is.
  const text = !body || body.t === 'null' ? undefined : body.t === 'string' ? body.v : stringifyLiteral(body);
  // `pathname` keeps percent-encoding (`%3A` stays `%3A`), which model ids with versions depend on.
  return { method: recorded.method, path: url.pathname + url.search, headers, body: text === undefined ? undefined : new TextEncoder().encode(text) };
}

async function realAnswer(response: any, tree: JNode | undefined): Promise<Observed> {
  const base: Observed = { status: Number(response.status?.code ?? response.status), headers: headerMap(response.headers ?? {}) };
  // A recorded stream is one whether or not its content-type survived (langchain-aws redacts it).
  const contentType = base.headers.get('content-type');
  if (response.raw_body_base64 && (isEventStream(contentType) || (contentType === '**REDACTED**' && Array.isArray(response.eventstream)))) {
    return { ...base, frames: await decodeEventStream(Buffer.from(response.raw_body_base64, 'base64')) };
  }
  if (Array.isArray(response.eventstream_first_and_last)) {
    const frames = response.eventstream_first_and_last.map((f: any) => decodeFrame(Buffer.from(f.raw_frame_base64, 'base64')));
    return { ...base, frames, partialFrames: true };
  }
  // The raw text is the wire truth, unless the normalizer cut it short (long embeddings end in
  // `...<truncated; see raw cassette>`); then the parsed body, complete, is the fallback. Its key
  // order is still the recorded one: it is read from the capture file's own text.
  const raw = typeof response.raw_body_text === 'string' ? withBody(base, response.raw_body_text) : undefined;
  if (raw && (raw.json || !response.body)) return raw;
  const body = at(tree, 'body') ?? at(tree, 'body_vcr_normalized');
  return body && body.t !== 'null' ? { ...base, json: body } : (raw ?? base);
}
