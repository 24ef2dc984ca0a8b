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
      // c.res is the reply a handler returned (src/http/reply.ts): reading it creates nothing.
      runtime.log(`${c.get('operation') ?? 'Unknown'} ${model} ${c.res.status} ${ms}ms`);
    }
  };
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
    if (error !== err) runtime.log?.(`internal error: ${err instanceof Error ? err.stack : String(err)}`);
    return asHonoResponse(errorResponse(error, (c.get('requestId') as string | undefined) ?? 'unknown'));
  };
}

export const notFound = (c: Context) => asHonoResponse(errorResponse(Errors.unknownOperation(), (c.get('requestId') as string | undefined) ?? 'unknown'));
