// Records every Bedrock request in the journal (src/journal.ts), at the edge: what came in (headers,
// the body the route read), what went out (status, error type) and, through the request scope,
// what the responder decided (rule id, reply). Operations know nothing of it.
import type { Context, MiddlewareHandler, Next } from 'hono';
import type { IncomingHttpHeaders } from 'node:http';
import { now } from '../clock.js';
import type { Journal, ReplySummary } from '../journal.js';
import { runInScope, type RequestScope } from '../responder/request-scope.js';
import type { Reply } from '../responder/types.js';
import { bodiesRead } from './body.js';
import type { HttpReply } from './reply.js';

/** SigV4: the access key id of the Credential; a bearer token: "Bearer …". */
export function redactAuthorization(value: string): string {
  if (/^bearer\s/i.test(value)) return 'Bearer …';
  const credential = /Credential=([^/,\s]+)/.exec(value);
  return credential ? credential[1] : '…';
}

function headersOf(c: Context): Record<string, string> {
  const incoming = (c.env as { incoming?: { headers?: IncomingHttpHeaders } } | undefined)?.incoming?.headers;
  // Served without Node's request (a Fetch Request, in-process): its Headers. Never touched on the
  // Node path, where that would load undici (src/http/reply.ts).
  const raw: IncomingHttpHeaders = incoming ?? Object.fromEntries((c.req.raw.headers as Headers | undefined)?.entries?.() ?? []);
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (name.startsWith(':') || value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : value;
    out[name] = name === 'authorization' ? redactAuthorization(text) : text;
  }
  return out;
}

function parsedBody(bytes: Uint8Array | undefined): unknown {
  if (!bytes || bytes.byteLength === 0) return null;
  const text = Buffer.from(bytes).toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function summarize(reply: Reply): ReplySummary {
  let text = '';
  const toolNames: string[] = [];
  for (const block of reply.content) {
    if (block.type === 'text' || block.type === 'citation') text += block.text;
    if (block.type === 'tool_use') toolNames.push(block.name);
  }
  return { stopReason: reply.stopReason, textLength: text.length, text: text.slice(0, 200), toolNames, ...(reply.fault ? { fault: reply.fault.name } : {}) };
}

export function journalRequests(journal: Journal): MiddlewareHandler {
  return async (c: Context, next: Next) => {
    const startedAt = new Date().toISOString();
    const started = now();
    const seq = journal.nextSeq();
    const scope: RequestScope = {
      operation: () => c.get('operation') as string | undefined,
      modelId: () => c.get('modelId') as string | undefined,
      header: (name) => c.req.header(name),
    };
    try {
      await runInScope(scope, next);
    } finally {
      const res = c.res as unknown as HttpReply | undefined;
      const errorType = res?.headers?.['x-amzn-ErrorType']?.split(':')[0];
      const path = c.req.path;
      journal.record({
        seq,
        operation: scope.operation() ?? 'Unknown',
        modelId: scope.modelId() ?? null,
        ...(scope.resolvedModelId ? { resolvedModelId: scope.resolvedModelId } : {}),
        method: c.req.method,
        path,
        headers: headersOf(c),
        body: parsedBody(bodiesRead.get(c)),
        status: res?.status ?? 500,
        ...(errorType ? { errorType } : {}),
        ...(scope.ruleId ? { ruleId: scope.ruleId } : {}),
        ...(scope.reply ? { reply: summarize(scope.reply) } : {}),
        // The same array the stream body appends to while it is written (after this record).
        ...(scope.streamEvents ? { streamEvents: scope.streamEvents } : {}),
        startedAt,
        durationMs: Math.round((now() - started) * 10) / 10,
      });
    }
  };
}
