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

export async function readBody(req: Request, limit = MAX_BODY_BYTES): Promise<Uint8Array> {
  if (!req.body) return new Uint8Array(0);
  const declared = Number(req.headers.get('content-length'));
  const chunks: Uint8Array[] = [];
  let size = 0;
  let tooLarge = Number.isFinite(declared) && declared > limit;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) tooLarge = true;
    if (size > DRAIN_LIMIT) {
      await reader.cancel().catch(() => {});
      break;
    }
    if (!tooLarge) chunks.push(value);
  }
  if (tooLarge) throw bodyTooLarge();
  return Buffer.concat(chunks, size);
}
