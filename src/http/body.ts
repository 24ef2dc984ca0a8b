// Reads a request body without ever holding more than the limit: InvokeModel's body blob is
// 0..25,000,000 bytes (SPEC.md §3). Past the limit the rest is read and dropped, not kept, so the
// client (HTTP/2 clients especially) receives the 400 instead of a reset stream; a body beyond
// DRAIN_LIMIT is cut off.
import { BedrockError } from '../errors.js';

export const MAX_BODY_BYTES = 25_000_000;
const DRAIN_LIMIT = 256 * 1024 * 1024;

// Coral's constraint message for the blob; the value is not echoed (langchain-aws#419).
export const bodyTooLarge = () =>
  new BedrockError(
    'ValidationException',
    `1 validation error detected: Value at 'body' failed to satisfy constraint: Member must have length less than or equal to ${MAX_BODY_BYTES}`,
  );

/** The request body of a route: Node's request stream, which the Node handler
 *  (emulator/node-handler.ts) hands over as `incoming`. */
export async function readRequestBody(c: { env: unknown; req: { header(name: string): string | undefined } }): Promise<Uint8Array> {
  const incoming = (c.env as { incoming?: AsyncIterable<Uint8Array> } | undefined)?.incoming;
  const bytes = await readBody(incoming ?? null, c.req.header('content-length'));
  bodiesRead.set(c, bytes);
  return bytes;
}

/** The body each request's route read, for the journal (src/http/journal.ts) to record at the edge. */
export const bodiesRead = new WeakMap<object, Uint8Array>();

export async function readBody(source: AsyncIterable<Uint8Array> | null, declaredLength: string | undefined, limit = MAX_BODY_BYTES): Promise<Uint8Array> {
  if (!source) return new Uint8Array(0);
  const declared = Number(declaredLength);
  const chunks: Uint8Array[] = [];
  let size = 0;
  let tooLarge = Number.isFinite(declared) && declared > limit;
  for await (const chunk of source) {
    size += chunk.byteLength;
    if (size > limit) tooLarge = true;
    if (size > DRAIN_LIMIT) break; // leaving the loop destroys the stream
    if (!tooLarge) chunks.push(chunk);
  }
  if (tooLarge) throw bodyTooLarge();
  return Buffer.concat(chunks, size);
}
