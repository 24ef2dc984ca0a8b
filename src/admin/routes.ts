// The admin API (issue 9), on the same port under /_emulator/, which no Bedrock route uses: plain
// JSON, no AWS signature. Users' test scripts rely on this minimal contract:
//   GET    /_emulator/health     200 {status: "ok", version}
//   POST   /_emulator/rules      one rule or a list → 201 {ids}; 400 {error, problems} when invalid
//   GET    /_emulator/rules      the rules in force, in the order they are tried
//   DELETE /_emulator/rules      removes them all (or ?id=a,b)
//   GET    /_emulator/requests   the journal, oldest first (?operation=&modelId=&status=&since=&ruleId=&afterSeq=)
//   GET    /_emulator/requests/:seq  one entry (404 once it has left the bounded journal)
//   GET    /_emulator/           the inspector page (src/admin/inspector-page.ts), also /index.html
//   DELETE /_emulator/requests   clears it
//   POST   /_emulator/reset      clears rules (file rules too, until the file changes) and journal
import type { Context } from 'hono';
import { HonoBase as Hono } from 'hono/hono-base';
import { LinearRouter } from 'hono/router/linear-router';
import type { HttpReply } from '../http/reply.js';
import { asHonoResponse } from '../http/reply.js';
import type { Journal, JournalFilter } from '../journal.js';
import type { RuleStore } from '../rules/store.js';
import { InvalidRuleError } from '../rules/validate.js';

export interface Control {
  rules: RuleStore;
  journal: Journal;
  version: () => string;
}

const json = (status: number, body: unknown): Response =>
  asHonoResponse({ status, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) } satisfies HttpReply);

async function readJson(c: Context): Promise<{ ok: true; value: unknown } | { ok: false; error: string }> {
  const incoming = (c.env as { incoming?: AsyncIterable<Uint8Array> } | undefined)?.incoming;
  const chunks: Uint8Array[] = [];
  if (incoming) for await (const chunk of incoming) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return { ok: false, error: `the body is not JSON: ${(err as Error).message}` };
  }
}

function filterOf(c: Context): JournalFilter {
  const filter: JournalFilter = {};
  const q = (name: string) => c.req.query(name);
  if (q('operation')) filter.operation = q('operation');
  if (q('modelId')) filter.modelId = q('modelId');
  if (q('status')) filter.status = Number(q('status'));
  if (q('since')) filter.since = /^\d+$/.test(q('since')!) ? Number(q('since')) : q('since');
  if (q('ruleId')) filter.ruleId = q('ruleId');
  if (q('afterSeq')) filter.afterSeq = Number(q('afterSeq'));
  return filter;
}

export function adminRoutes(control: Control): Hono {
  const admin = new Hono({ router: new LinearRouter() });
  // Named in the request log line (src/http/middleware.ts) as what it is.
  admin.use(async (c: Context, next: () => Promise<void>) => {
    c.set('operation', 'Admin');
    await next();
  });
  admin.get('/health', () => json(200, { status: 'ok', version: control.version() }));
  admin.get('/rules', () => json(200, control.rules.list()));
  admin.post('/rules', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return json(400, { error: body.error });
    try {
      return json(201, { ids: control.rules.add(body.value) });
    } catch (err) {
      if (err instanceof InvalidRuleError) return json(400, { error: err.message, problems: err.problems });
      throw err;
    }
  });
  admin.delete('/rules', (c) => {
    const ids = c.req.query('id')?.split(',').filter(Boolean);
    return json(200, { removed: control.rules.clear(ids) });
  });
  admin.get('/requests', (c) =>
    asHonoResponse({
      status: 200,
      // How many entries the journal holds: the inspector page sees a clear and starts over.
      headers: { 'Content-Type': 'application/json', 'x-emulator-journal-size': String(control.journal.size) },
      body: JSON.stringify(control.journal.list(filterOf(c))),
    }),
  );
  admin.get('/requests/:seq', (c) => {
    const entry = control.journal.get(Number(c.req.param('seq')));
    return entry ? json(200, entry) : json(404, { error: 'no such journal entry (cleared, or older than the journal holds)' });
  });
  // The page is loaded on first use: it stays out of start-up (conformance/bench).
  const page = async () => {
    const { INSPECTOR_PAGE } = await import('./inspector-page.js');
    return asHonoResponse({ status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }, body: INSPECTOR_PAGE });
  };
  admin.get('/', page);
  admin.get('/index.html', page);
  admin.delete('/requests', () => {
    control.journal.clear();
    return json(200, { cleared: true });
  });
  admin.post('/reset', () => {
    control.rules.clear();
    control.journal.clear();
    return json(200, { reset: true });
  });
  admin.notFound(() => json(404, { error: 'no such admin route' }));
  admin.onError((err) => json(500, { error: err instanceof Error ? err.message : String(err) }));
  return admin;
}
