// Per-request plumbing shared by every route: a request id, the error answer, the log line.
import type { Context, MiddlewareHandler, Next } from 'hono';
import { asBedrockError, Errors } from '../errors.js';
import { requestId } from '../ids.js';
import type { Runtime } from '../runtime.js';
import { errorResponse } from './error-response.js';
import { asHonoResponse, type HttpReply } from './reply.js';
import { now } from '../clock.js';

/** Names the operation for the log line and runs its handler. */
export const operation =
  (name: string, handler: (c: Context) => Promise<HttpReply> | HttpReply) =>
  async (c: Context) => {
    c.set('operation', name);
    return asHonoResponse(await handler(c));
  };

export function requestContext(runtime: Runtime): MiddlewareHandler {
  return async (c: Context, next: Next) => {
    const started = now();
    c.set('requestId', requestId());
    await next();
    if (runtime.log) {
      const ms = (now() - started).toFixed(1);
      const model = (c.get('modelId') as string | undefined) ?? '-';
      const op = c.get('operation') ?? 'Unknown';
      // A client that hung up before its request was read: one line, no error answer to show.
      if (c.get('clientGone')) return void runtime.log(`${op} ${model} client closed the connection ${ms}ms`);
      // c.res is the reply a handler returned (src/http/reply.ts): reading it creates nothing.
      const reply = c.res as unknown as HttpReply;
      runtime.log(`${op} ${model} ${reply.status} ${ms}ms${reply.status >= 400 ? ` ${describeError(reply)}` : ''}`);
    }
  };
}

/** "ThrottlingException: Too many requests, ..." from an error answer (src/http/error-response.ts). */
function describeError(reply: HttpReply): string {
  const type = (reply.headers['x-amzn-ErrorType'] ?? 'UnknownError').split(':')[0];
  let message = '';
  try {
    const body = JSON.parse(typeof reply.body === 'string' ? reply.body : '{}') as { message?: string; Message?: string };
    message = body.message ?? body.Message ?? '';
  } catch {
    // Not JSON: the type alone.
  }
  return message ? `${type}: ${message}` : type;
}

/** Node's errors when the client closes the connection while its request body is being read. */
export function isClientGone(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ABORT_ERR' || (err instanceof Error && err.message === 'aborted');
}

/**
 * Real Bedrock refuses a request with no Authorization header before routing it (403, see
 * Errors.missingAuthorization). Any SigV4 signature or bearer token is accepted: the emulator has
 * no accounts to check them against.
 */
export function requireAuthorization(runtime: Runtime): MiddlewareHandler {
  return async (c: Context, next: Next) => {
    if (runtime.settings.requireAuth && !c.req.header('authorization')) throw Errors.missingAuthorization();
    await next();
  };
}

/** Any failure becomes Bedrock's error answer; an unexpected one is logged, never shown. */
export function onError(runtime: Runtime) {
  return (err: unknown, c: Context) => {
    const error = asBedrockError(err);
    if (error !== err && isClientGone(err)) c.set('clientGone', true);
    else if (error !== err) {
      // A bug, or a custom responder that threw: shown even at the default level, its stack at debug.
      const where = `${c.get('operation') ?? 'Unknown'} ${(c.get('modelId') as string | undefined) ?? '-'}`;
      const what = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      runtime.warn?.(`internal error in ${where}: ${what}${runtime.debug ? '' : ' (stack with --log-level debug)'}`);
      if (err instanceof Error) runtime.debug?.(err.stack ?? what);
    }
    return asHonoResponse(errorResponse(error, (c.get('requestId') as string | undefined) ?? 'unknown'));
  };
}

export const notFound = (c: Context) => asHonoResponse(errorResponse(Errors.unknownOperation(), (c.get('requestId') as string | undefined) ?? 'unknown'));
