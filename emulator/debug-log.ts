// What `--log-level debug` shows of a request and its answer: the request body as it is read,
// each event-stream frame as "<event-type> <payload>", long texts cut (issue 9, item 7).
import type { IncomingMessage } from 'node:http';
import type { Http2ServerRequest } from 'node:http2';

type NodeRequest = IncomingMessage | Http2ServerRequest;

/** At most this many characters of a body in a debug line. */
const SHOWN = 2000;

export const truncate = (text: string, max = SHOWN): string => (text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`);

/** The request body as it is read, copied into a debug line once complete. */
export async function* recorded(req: NodeRequest, debug: (line: string) => void): AsyncGenerator<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    yield chunk;
  }
  debug(`> ${req.method} ${req.url} ${truncate(Buffer.concat(chunks).toString('utf8'))}`);
}

/** One event-stream frame (prelude, headers, payload, CRC) as "<event-type> <payload>" for a debug line. */
export function describeFrame(frame: Uint8Array): string {
  const view = Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength);
  if (view.length < 16) return `(${view.length} bytes)`;
  const total = view.readUInt32BE(0);
  const headersLength = view.readUInt32BE(4);
  let type = '?';
  // Headers: name length, name, value type, value; string values (type 7) have a 2-byte length.
  for (let at = 12; at < 12 + headersLength; ) {
    const nameLength = view[at];
    const name = view.toString('utf8', at + 1, at + 1 + nameLength);
    at += 1 + nameLength;
    if (view[at] !== 7) break;
    const valueLength = view.readUInt16BE(at + 1);
    const value = view.toString('utf8', at + 3, at + 3 + valueLength);
    at += 3 + valueLength;
    if (name === ':event-type' || name === ':exception-type') type = value;
  }
  let payload = view.toString('utf8', 12 + headersLength, Math.min(total, view.length) - 4);
  // InvokeModelWithResponseStream chunks carry the model's JSON as base64 `bytes`: shown decoded.
  const bytes = /^\{"bytes":"([A-Za-z0-9+/=]*)"/.exec(payload)?.[1];
  if (bytes) payload = Buffer.from(bytes, 'base64').toString('utf8');
  return `${type} ${truncate(payload, 500)}`;
}
