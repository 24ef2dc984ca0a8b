// What every route answers: a plain status, headers and body, not a Fetch `Response`.
// Why: Node 20 loads its whole Fetch implementation (undici, with node:http2 and node:tls) the
// first time anything touches `Response`, `Request` or `Headers`, which costs 45–75 ms on the CI
// machine, more than the entire start-up budget of issue #2 (conformance/bench/startup.mjs).
// Hono never inspects what a handler returns as long as no route calls c.json/c.text/c.header
// or reads c.res before returning, so a reply passes through it untouched; the Node handler
// (emulator/node-handler.ts) writes it out.

/** Scripted timing (issue 9): the writer waits until this moment (src/clock.ts `now()`) before going on. */
export interface Pause {
  readonly until: number;
}

/** Scripted connection cut (issue 9): the writer flushes what went before, then breaks the connection. */
export interface Cut {
  readonly cut: true;
}

/** What a streamed body yields: bytes, or an instruction to the writer. */
export type BodyPart = Uint8Array | Pause | Cut;

export interface HttpReply {
  readonly status: number;
  /** Written in this order and with this case (boto3 shows them as sent: seed 003). */
  readonly headers: Readonly<Record<string, string>>;
  /** JSON text, or event-stream frames written one by one as they are produced. */
  readonly body: string | Iterable<BodyPart>;
  /** Nothing is written before this moment (`now()` clock): a paced non-streaming answer. */
  readonly notBefore?: number;
  /** A JSON body is cut after this many bytes (its Content-Length still announces the whole). */
  readonly cutAfterBytes?: number;
}

/** A JSON answer: Content-Type first, then the request id, then any other headers. */
export function jsonReply(status: number, body: unknown, requestId: string, headers: Record<string, string> = {}): HttpReply {
  return { status, headers: { 'Content-Type': 'application/json', 'x-amzn-RequestId': requestId, ...headers }, body: JSON.stringify(body) };
}

/** Hono's handler types promise a Fetch `Response`; a reply stands in for one (see above). */
export const asHonoResponse = (reply: HttpReply): Response => reply as unknown as Response;
