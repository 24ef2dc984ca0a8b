// Reads a request body without ever holding more than the limit: InvokeModel's body blob is
// 0..25,000,000 bytes (SPEC.md §3), and a larger body is refused as soon as it is known to be.
import { BedrockError } from '../errors.js';

export const MAX_BODY_BYTES = 25_000_000;

export const bodyTooLarge = () =>
  new BedrockError(
    'ValidationException',
    `1 validation error detected: Value at 'body' failed to satisfy constraint: Member must have length less than or equal to ${MAX_BODY_BYTES}`,
  );

export async function readBody(req: Request, limit = MAX_BODY_BYTES): Promise<Uint8Array> {
  const declared = Number(req.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw bodyTooLarge();
  if (!req.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw bodyTooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}
