// One normalized form for an HTTP answer, whoever gave it: the recorded real Bedrock response and
// the emulator's live one both become an `Observed`, through the same decoding code, so that any
// difference the comparison finds is a difference in the answers, not in how they were read.
import { EventStreamCodec } from '@smithy/eventstream-codec';
// The SDK's own splitter of a byte stream into whole event-stream messages (the codec decodes one
// message at a time). It is what @aws-sdk/client-bedrock-runtime runs on a response body; we use
// it rather than reading message lengths ourselves.
import { getChunkedStream } from '@smithy/core/event-streams';
import { parseLiteral, type JNode } from './json-literal.js';

export interface Frame {
  /** Frame headers in wire order, values as strings. */
  headers: Array<[string, string]>;
  /** The frame payload (e.g. `{"bytes": …, "p": …}`), or undefined if it is not JSON. */
  payload?: JNode;
  /** The model's native JSON carried base64-encoded in `payload.bytes`, when there is one. */
  chunk?: JNode;
}

export interface Observed {
  status: number;
  /** Response headers, names lower-cased (HTTP header names are case-insensitive). */
  headers: Map<string, string>;
  /** A JSON body (absent for event streams, empty or non-JSON bodies). */
  json?: JNode;
  /** Raw text of a body that is neither JSON nor an event stream, for the failure message. */
  text?: string;
  /** Decoded frames of an application/vnd.amazon.eventstream body. */
  frames?: Frame[];
  /** The capture kept only the first and last frames (see `frames`), so compare only those. */
  partialFrames?: boolean;
  /** The reader stopped before the stream ended (contract snapshots): `frames` are what it saw. */
  incomplete?: boolean;
}

const utf8 = new TextDecoder();
const codec = new EventStreamCodec(
  (bytes: Uint8Array) => utf8.decode(bytes),
  (text: string) => new TextEncoder().encode(text),
);

const tryJson = (text: string): JNode | undefined => {
  try {
    return parseLiteral(text);
  } catch {
    return undefined;
  }
};

/** Decodes every message of an event-stream body, in order. */
export async function decodeEventStream(body: Uint8Array | AsyncIterable<Uint8Array>): Promise<Frame[]> {
  const source =
    body instanceof Uint8Array
      ? (async function* () {
          yield body;
        })()
      : body;
  const frames: Frame[] = [];
  for await (const message of getChunkedStream(source)) frames.push(frameOf(codec.decode(message)));
  return frames;
}

/** Decodes a single, already separated message (captures that kept frames one by one). */
export const decodeFrame = (message: Uint8Array): Frame => frameOf(codec.decode(message));

function frameOf(message: ReturnType<EventStreamCodec['decode']>): Frame {
  const headers = Object.entries(message.headers).map(([name, h]): [string, string] => [name, String(h.value)]);
  const payload = tryJson(utf8.decode(message.body));
  const bytes = payload?.t === 'object' ? payload.entries.find(([k]) => k === 'bytes')?.[1] : undefined;
  const chunk = bytes?.t === 'string' ? tryJson(Buffer.from(bytes.v, 'base64').toString('utf8')) : undefined;
  return { headers, payload, chunk };
}

export const isEventStream = (contentType: string | undefined) =>
  (contentType ?? '').toLowerCase().startsWith('application/vnd.amazon.eventstream');

/** Fills `json` or `text` from a non-stream body. */
export function withBody(observed: Observed, text: string): Observed {
  if (text.trim() === '') return observed;
  const json = tryJson(text);
  return json ? { ...observed, json } : { ...observed, text };
}

/** Lower-cases header names; a recorded header stored as a list keeps its first value. */
export function headerMap(headers: Record<string, unknown> | Headers): Map<string, string> {
  const out = new Map<string, string>();
  const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers);
  for (const [name, value] of entries) out.set(name.toLowerCase(), String(Array.isArray(value) ? value[0] : value));
  return out;
}
