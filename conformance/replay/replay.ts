// Sends a recorded request to the emulator with plain `fetch` (undici: HTTP/1.1, no SDK in the
// way, so nothing normalizes the answer before we look at it) and reads the answer into the same
// `Observed` form as the recording (exchange.ts).
import { decodeEventStream, headerMap, isEventStream, withBody, type Observed } from './exchange.js';
import type { ReplayRequest } from './load.js';

export async function replay(baseUrl: string, request: ReplayRequest): Promise<Observed> {
  const response = await fetch(baseUrl + request.path, {
    method: request.method,
    headers: request.headers,
    // Bytes, not a string: fetch would otherwise add `Content-Type: text/plain`, and many
    // recorded requests (boto3 without contentType) deliberately send no Content-Type.
    body: request.body,
  });
  const observed: Observed = { status: response.status, headers: headerMap(response.headers) };
  if (isEventStream(response.headers.get('content-type') ?? undefined) && response.body) {
    // Decoded while it streams, as an SDK reads it.
    return { ...observed, frames: await decodeEventStream(response.body as unknown as AsyncIterable<Uint8Array>) };
  }
  return withBody(observed, await response.text());
}
