// Node's request/response (HTTP/1.1 or the HTTP/2 compatibility API) in, the Hono app's reply
// out, without ever touching the Fetch globals: in Node 20 the first touch of `Request`,
// `Response` or `Headers` loads undici (and node:http2, node:tls) at 45–75 ms on the CI machine,
// more than the whole start-up budget of issue #2 (conformance/bench/startup.mjs). That is also
// why this is not @hono/node-server, whose import alone reads `global.Request`.
// Routes answer with an HttpReply (src/http/reply.ts); Hono passes it through untouched.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Http2ServerRequest, Http2ServerResponse } from 'node:http2';
import { asBedrockError } from '../src/errors.js';
import { errorResponse } from '../src/http/error-response.js';
import type { HttpReply } from '../src/http/reply.js';

type NodeRequest = IncomingMessage | Http2ServerRequest;
type NodeResponse = ServerResponse | Http2ServerResponse;

/** What Hono reads of a request: `url` (path and query), `method`, and `headers.get()`. */
interface RequestView {
  url: string;
  method: string;
  headers: { get(name: string): string | null };
}

interface FetchApp {
  fetch(request: any, env: { incoming: NodeRequest; outgoing: NodeResponse }): Response | Promise<Response>;
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

export function nodeHandler(app: FetchApp, log?: (line: string) => void) {
  return async (req: NodeRequest, res: NodeResponse): Promise<void> => {
    // A body the route never read (a refusal before reading it) is drained once the answer is
    // out, so an HTTP/1.1 connection stays usable and an HTTP/2 client finishes sending.
    res.once('finish', () => {
      if (!req.readableEnded) req.resume();
    });
    let reply: HttpReply;
    try {
      reply = (await app.fetch(viewOf(req), { incoming: req, outgoing: res })) as unknown as HttpReply;
    } catch (err) {
      // The app's onError answers every thrown Error; this catches only non-Error throws.
      log?.(`internal error: ${err instanceof Error ? err.stack : String(err)}`);
      reply = errorResponse(asBedrockError(err), 'unknown');
    }
    try {
      await write(reply, req, res);
    } catch (err) {
      // A failure while writing (a client gone mid-stream) ends this response only.
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
  return [['Date', new Date().toUTCString()], ...type, length, ['Connection', connection], ...rest.filter(([name]) => name.toLowerCase() !== 'content-type')];
}

async function write(reply: HttpReply, req: NodeRequest, res: NodeResponse): Promise<void> {
  if (res.writableEnded || res.destroyed) return;
  res.statusCode = reply.status;
  for (const [name, value] of head(reply, req, res)) res.setHeader(name, value);
  const withBody = req.method !== 'HEAD';
  if (typeof reply.body === 'string') return void (withBody ? res.end(reply.body) : res.end());
  // An event stream: each frame is written as it is produced, waiting whenever the socket is full.
  const frames = reply.body[Symbol.iterator]();
  try {
    for (let next = frames.next(); !next.done && withBody; next = frames.next()) {
      if (res.destroyed) return;
      if (!(res as ServerResponse).write(next.value)) await drained(res);
    }
  } finally {
    frames.return?.();
  }
  res.end();
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
