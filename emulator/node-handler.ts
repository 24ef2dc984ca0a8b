// Node's request/response (HTTP/1.1 or the HTTP/2 compatibility API) in, the Hono app's reply
// out, without ever touching the Fetch globals: in Node 20 the first touch of `Request`,
// `Response` or `Headers` loads undici (and node:http2, node:tls) at 45–75 ms on the CI machine,
// more than the whole start-up budget of issue #2 (conformance/bench/startup.mjs). That is also
// why this is not @hono/node-server, whose import alone reads `global.Request`.
// Routes answer with an HttpReply (src/http/reply.ts); Hono passes it through untouched.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Http2ServerRequest, Http2ServerResponse } from 'node:http2';
import { asBedrockError } from '../src/errors.js';
import { now, wallClock } from '../src/clock.js';
import { errorResponse } from '../src/http/error-response.js';
import type { HttpReply } from '../src/http/reply.js';
import { describeFrame, recorded, truncate } from './debug-log.js';

type NodeRequest = IncomingMessage | Http2ServerRequest;
type NodeResponse = ServerResponse | Http2ServerResponse;

/** What Hono reads of a request: `url` (path and query), `method`, and `headers.get()`. */
interface RequestView {
  url: string;
  method: string;
  headers: { get(name: string): string | null };
}

interface FetchApp {
  fetch(request: any, env: { incoming: AsyncIterable<Uint8Array>; outgoing: NodeResponse }): Response | Promise<Response>;
}

const BASE = 'http://localhost';

/** The request target as an absolute URL: dot segments resolved, an absolute-form target's own
 *  path kept, anything unparsable (`*`) left as a path no route matches. */
function requestUrl(target: string | undefined): string {
  try {
    const url = new URL(target ?? '/', BASE);
    return BASE + url.pathname + url.search;
  } catch {
    return `${BASE}/${target}`;
  }
}

function viewOf(req: NodeRequest): RequestView {
  return {
    url: requestUrl(req.url),
    // HEAD is answered as GET without a body, as Hono itself would (it builds a Fetch Response for that).
    method: req.method === 'HEAD' ? 'GET' : req.method ?? 'GET',
    headers: {
      get(name) {
        const value = req.headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    },
  };
}

/** Where the handler's lines go: `log` at info and debug, `warn` unless silent, `debug` at debug. */
export interface HandlerLogs {
  log?: (line: string) => void;
  warn?: (line: string) => void;
  debug?: (line: string) => void;
}

export function nodeHandler(app: FetchApp, logs: HandlerLogs = {}) {
  const { log, debug } = logs;
  return async (req: NodeRequest, res: NodeResponse): Promise<void> => {
    // A body the route never read (a refusal before reading it) is drained once the answer is
    // out, so an HTTP/1.1 connection stays usable and an HTTP/2 client finishes sending.
    res.once('finish', () => {
      if (!req.readableEnded) req.resume();
    });
    let reply: HttpReply;
    try {
      const incoming = debug ? recorded(req, debug) : req;
      reply = (await app.fetch(viewOf(req), { incoming, outgoing: res })) as unknown as HttpReply;
    } catch (err) {
      // The app's onError answers every thrown Error; this catches only non-Error throws.
      logs.warn?.(`internal error: ${err instanceof Error ? err.message : String(err)}`);
      reply = errorResponse(asBedrockError(err), 'unknown');
    }
    // A client gone before its request was read is already the request's one log line (middleware).
    if (res.destroyed && !req.complete) return;
    if (debug && typeof reply.body === 'string') debug(`< ${reply.status} ${truncate(reply.body)}`);
    try {
      const complete = await write(reply, req, res, debug);
      // A client that hangs up mid-stream is an ordinary event: one line, no stack.
      if (!complete) log?.(`${req.method} ${req.url}: client closed the connection before the response ended`);
    } catch (err) {
      // A failure while writing ends this response only.
      log?.(`response not completed: ${err instanceof Error ? err.message : String(err)}`);
      res.destroy();
    }
  };
}

/**
 * The response head. Over HTTP/1.1 in Bedrock's order and case, which boto3 shows as it came
 * (seed 003 prints HTTPHeaders; the HAR captures invoke__anthropic.claude-v2__text-completions__har
 * and invoke-with-response-stream__amazon.titan-text-express-v1__har): Date, Content-Type,
 * Content-Length or Transfer-Encoding, Connection, then x-amzn-RequestId and the rest. Over HTTP/2,
 * Node adds the date and there is no connection header.
 */
function head(reply: HttpReply, req: NodeRequest, res: NodeResponse): Array<[string, string]> {
  const rest = Object.entries(reply.headers);
  const length: [string, string] =
    typeof reply.body === 'string' ? ['Content-Length', String(Buffer.byteLength(reply.body))] : ['Transfer-Encoding', 'chunked'];
  if (req.httpVersionMajor === 2) return typeof reply.body === 'string' ? [...rest, ['content-length', length[1]]] : rest;
  const type = rest.filter(([name]) => name.toLowerCase() === 'content-type');
  // The keep-alive decision Node made for this request (its `Connection` would say the same).
  const connection = (res as ServerResponse).shouldKeepAlive ? 'keep-alive' : 'close';
  return [['Date', new Date(wallClock()).toUTCString()], ...type, length, ['Connection', connection], ...rest.filter(([name]) => name.toLowerCase() !== 'content-type')];
}

/** Writes the reply; false when the client was gone before it ended (a scripted cut counts as ended). */
async function write(reply: HttpReply, req: NodeRequest, res: NodeResponse, debug?: (line: string) => void): Promise<boolean> {
  if (res.writableEnded) return true;
  if (res.destroyed) return false;
  // Paced answers and streams (issue 9): a close listener, and a timer only while a pause lasts,
  // cleared at once when the client hangs up.
  const timer = reply.notBefore !== undefined || typeof reply.body !== 'string' ? new Timer(res) : undefined;
  try {
    if (reply.notBefore !== undefined && !(await timer!.until(reply.notBefore))) return false;
    res.statusCode = reply.status;
    for (const [name, value] of head(reply, req, res)) res.setHeader(name, value);
    const withBody = req.method !== 'HEAD';
    if (typeof reply.body === 'string') {
      if (reply.cutAfterBytes !== undefined && withBody) {
        await cut(res, Buffer.from(reply.body).subarray(0, reply.cutAfterBytes));
        return true;
      }
      if (withBody) res.end(reply.body);
      else res.end();
      return true;
    }
    // An event stream: each frame is written as it is produced, waiting whenever the socket is full,
    // and until a paced frame's moment.
    if (debug) debug(`< ${reply.status} event stream`);
    const frames = reply.body[Symbol.iterator]();
    try {
      for (let next = frames.next(); !next.done && withBody; next = frames.next()) {
        if (res.destroyed) return false;
        const part = next.value;
        if (part instanceof Uint8Array) {
          if (debug) debug(`< event ${describeFrame(part)}`);
          if (!(res as ServerResponse).write(part)) await drained(res);
        } else if ('until' in part) {
          if (!(await timer!.until(part.until))) return false;
        } else {
          // The bytes before the cut went into the last written part; flush and break the connection.
          await cut(res, new Uint8Array(0));
          return true;
        }
      }
    } finally {
      frames.return?.();
    }
    if (res.destroyed) return false;
    res.end();
    return true;
  } finally {
    timer?.dispose();
  }
}

/** Waits on the event loop (a timer, no CPU), and gives up as soon as the client hangs up. */
class Timer {
  private gone = false;
  private wake?: () => void;
  private readonly onClose = () => {
    this.gone = true;
    this.wake?.();
  };
  constructor(private readonly res: NodeResponse) {
    res.once('close', this.onClose);
  }
  /** True when `deadline` (now() clock) came; false when the client went away first. */
  until(deadline: number): Promise<boolean> {
    const ms = deadline - now();
    if (this.gone || this.res.destroyed) return Promise.resolve(false);
    if (ms < 1) return Promise.resolve(true);
    return new Promise((resolve) => {
      // libuv's timers may fire up to a millisecond early by this clock: wait again for the rest.
      const timeout = setTimeout(() => {
        this.wake = undefined;
        resolve(this.until(deadline));
      }, Math.ceil(ms));
      this.wake = () => {
        clearTimeout(timeout);
        this.wake = undefined;
        resolve(false);
      };
    });
  }
  dispose(): void {
    this.wake?.();
    this.res.off('close', this.onClose);
  }
}

/**
 * A scripted drop (issue 9): what a client sees as a broken connection, not an error frame. The
 * bytes before the cut are flushed first; then HTTP/1.1 loses its socket and HTTP/2 its stream,
 * reset with INTERNAL_ERROR (code 2, RFC 9113 §7), as a proxy or a crashed backend would.
 */
async function cut(res: NodeResponse, last: Uint8Array): Promise<void> {
  await new Promise<void>((resolve) => {
    if (res.destroyed) return resolve();
    (res as ServerResponse).write(last, () => resolve());
    res.once('close', () => resolve());
  });
  // One turn of the loop so the flushed bytes leave before the reset.
  await new Promise((resolve) => setImmediate(resolve));
  const stream = (res as Http2ServerResponse).stream;
  if (stream) stream.close(2);
  else (res as ServerResponse).socket?.destroy();
}

function drained(res: NodeResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
