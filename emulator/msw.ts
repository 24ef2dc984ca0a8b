// bedrock-emulator/msw (issue 9): the emulator's app served in-process by MSW request handlers, with
// the same rules and journal as startEmulator(), and no port.
//
// MSW intercepts `fetch` and Node's http/https modules (HTTP/1.1). It cannot intercept node:http2,
// which the JS SDK v3 uses by default for bedrock-runtime (NodeHttp2Handler): give the client
// `requestHandler: new FetchHttpHandler()` (@smithy/fetch-http-handler) or
// `new NodeHttpHandler()` (@smithy/node-http-handler). The Vercel AI SDK uses fetch and needs nothing.
//
// Routes answer with an HttpReply (src/http/reply.ts); here it becomes a Fetch Response: a JSON
// body as is, an event stream as a ReadableStream of its frames. Pacing is honoured with timers
// (time to first token, tokens per second, a non-streaming latency), and a scripted cut makes the
// body fail as a broken connection would (the reader's read() rejects).
import { http, type HttpHandler } from 'msw';
import { now } from '../src/clock.js';
import type { HttpReply, BodyPart } from '../src/http/reply.js';
import type { JournalEntry, JournalFilter } from '../src/journal.js';
import type { Rule, StoredRule } from '../src/rules/types.js';
import { controlledApp, type ControlHandle, type ControlledAppOptions } from './controlled-app.js';

export type { Rule, StoredRule, JournalEntry, JournalFilter };

/** The hosts of Bedrock Runtime and of the Bedrock control plane, every region (FIPS included). */
export const BEDROCK_URL_PATTERNS = ['https://bedrock-runtime*.amazonaws.com/*', 'https://bedrock.*.amazonaws.com/*', 'https://bedrock-fips.*.amazonaws.com/*'];

export interface BedrockHandlersOptions extends ControlledAppOptions {
  /** Other origins (and path prefixes) served too, e.g. a custom endpoint "http://bedrock.test". */
  baseUrl?: string | string[];
}

export interface BedrockHandlers extends ControlHandle {
  /** For setupServer(...handlers) / setupWorker, or server.use(...handlers). */
  handlers: HttpHandler[];
}

export function createBedrockHandlers(options: BedrockHandlersOptions = {}): BedrockHandlers {
  const { app, handle } = controlledApp(options);

  const custom = [options.baseUrl ?? []].flat().map((base) => base.replace(/\/+$/, ''));
  const serve = async ({ request }: { request: Request }): Promise<Response> => {
    const url = new URL(request.url);
    const prefix = custom.find((base) => request.url.startsWith(`${base}/`) && new URL(base).pathname !== '/');
    const path = prefix ? url.pathname.slice(new URL(prefix).pathname.replace(/\/+$/, '').length) : url.pathname;
    // What Hono reads of a request (url, method, headers), with a custom base URL's prefix removed.
    const view = { url: `http://localhost${path}${url.search}`, method: request.method, headers: request.headers };
    const body = new Uint8Array(await request.arrayBuffer());
    const incoming = (async function* () {
      if (body.byteLength) yield body;
    })();
    const reply = (await app.fetch(view as unknown as Request, { incoming })) as unknown as HttpReply;
    return toResponse(reply);
  };
  const handlers = [...BEDROCK_URL_PATTERNS, ...custom.map((base) => `${base}/*`)].map((pattern) => http.all(pattern, serve));
  return {
    handlers,
    ...handle,
  };
}

const sleepUntil = async (deadline: number): Promise<void> => {
  // Timers may fire a millisecond early by this clock: wait again for the rest.
  for (let ms = deadline - now(); ms >= 1; ms = deadline - now()) await new Promise((resolve) => setTimeout(resolve, Math.ceil(ms)));
};

/** A broken connection, as undici reports one to fetch's reader. */
const connectionLost = () => Object.assign(new TypeError('terminated'), { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) });

async function toResponse(reply: HttpReply): Promise<Response> {
  if (reply.notBefore !== undefined) await sleepUntil(reply.notBefore);
  const headers = new Headers(reply.headers);
  const init = { status: reply.status, headers };
  if (typeof reply.body === 'string') {
    const bytes = new TextEncoder().encode(reply.body);
    headers.set('content-length', String(bytes.byteLength));
    if (reply.cutAfterBytes === undefined) return new Response(bytes, init);
    const part = bytes.subarray(0, reply.cutAfterBytes);
    return new Response(
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(part);
          controller.error(connectionLost());
        },
      }),
      init,
    );
  }
  const frames = reply.body[Symbol.iterator]() as Iterator<BodyPart>;
  return new Response(
    new ReadableStream<Uint8Array>({
      // One frame per pull, waiting first for a paced frame's moment.
      async pull(controller) {
        for (;;) {
          const next = frames.next();
          if (next.done) return controller.close();
          const part = next.value;
          if (part instanceof Uint8Array) return controller.enqueue(part);
          if ('until' in part) await sleepUntil(part.until);
          else {
            frames.return?.();
            // One turn of the event loop first, as the Node writer does before its reset: the
            // reader, which reads ahead, handles the frames before the cut before seeing the break.
            await new Promise((resolve) => setTimeout(resolve, 0));
            return controller.error(connectionLost());
          }
        }
      },
      cancel() {
        frames.return?.();
      },
    }),
    init,
  );
}
