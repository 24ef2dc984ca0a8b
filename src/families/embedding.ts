// Deterministic embedding vectors: the same text and dimension always give the same vector.
import { createHash } from 'node:crypto';

/** A pseudo-random vector in [-1, 1) seeded by `text`, optionally scaled to unit length. */
export function embedText(text: string, dimension: number, normalize = false): number[] {
  const out: number[] = new Array(dimension);
  let block = Buffer.alloc(0);
  for (let i = 0; i < dimension; i++) {
    const offset = (i % 8) * 4;
    if (offset === 0) block = createHash('sha256').update(`${i}:${text}`).digest();
    out[i] = block.readUInt32BE(offset) / 2 ** 31 - 1;
  }
  if (normalize) {
    const norm = Math.hypot(...out) || 1;
    for (let i = 0; i < dimension; i++) out[i] = out[i] / norm;
  }
  // Real vectors carry float32 precision; keep values short like the captures.
  return out.map((v) => Math.round(v * 1e7) / 1e7);
}
