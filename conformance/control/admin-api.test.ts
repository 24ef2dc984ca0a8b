// Issue 9, test control over HTTP: the admin API under /_emulator/ (plain JSON, no signature), the
// rules file (reloaded when it changes) and the CLI's --rules and --journal. Emulator-only.
import { ConverseCommand, BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { emulatorDescribe } from '../support/markers.js';
import { credentials } from '../support/target.js';

const NOVA = 'amazon.nova-micro-v1:0';
const AUTH = 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/us-east-1/bedrock/aws4_request, SignedHeaders=host, Signature=0';
const BIN = fileURLToPath(new URL('../../dist/bin/cli.cjs', import.meta.url));
const converseBody = (text: string) => ({ messages: [{ role: 'user', content: [{ text }] }], inferenceConfig: { maxTokens: 50 } });

/** What a script in any language does: plain HTTP with JSON. */
async function call(url: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url + path, { method, headers: { 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as any };
}
const converse = (url: string, text: string, modelId = NOVA) => call(url, 'POST', `/model/${modelId}/converse`, converseBody(text), { authorization: AUTH });

const until = async (check: () => Promise<boolean>, ms = 5000) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 25))) if (await check()) return true;
  return false;
};

emulatorDescribe('admin API /_emulator/', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => (emulator = await startEmulator()));
  beforeEach(() => emulator.reset());
  afterAll(() => emulator.close());

  it('GET /_emulator/health answers 200 with the version, without a signature', async () => {
    const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8'));
    expect(await call(emulator.url, 'GET', '/_emulator/health')).toEqual({ status: 200, body: { status: 'ok', version: pkg.version } });
  });

  it('POST /_emulator/rules (one or a list) returns ids; GET lists; DELETE clears', async () => {
    const one = await call(emulator.url, 'POST', '/_emulator/rules', { match: { prompt: 'capital of France' }, reply: { text: 'Paris.' } });
    expect(one.status).toBe(201);
    expect(one.body.ids).toEqual([expect.any(String)]);
    const two = await call(emulator.url, 'POST', '/_emulator/rules', [
      { id: 'slow', match: { prompt: 'slowly' }, reply: { text: 'one two three' }, pacing: { ttftMs: 1500, tokensPerSecond: 20 } },
      { match: { model: NOVA }, error: { name: 'ThrottlingException' }, times: 1 },
    ]);
    expect(two.body.ids[0]).toBe('slow');
    const listed = await call(emulator.url, 'GET', '/_emulator/rules');
    expect(listed.body.map((r: any) => r.id)).toEqual([one.body.ids[0], 'slow', two.body.ids[1]]);
    expect(listed.body[1]).toMatchObject({ pacing: { ttftMs: 1500, tokensPerSecond: 20 }, calls: 0, source: 'api' });

    expect((await converse(emulator.url, 'What is the capital of France?')).body.output.message.content).toEqual([{ text: 'Paris.' }]);
    expect(await call(emulator.url, 'DELETE', '/_emulator/rules')).toEqual({ status: 200, body: { removed: 3 } });
    expect((await converse(emulator.url, 'What is the capital of France?')).body.output.message.content[0].text).not.toBe('Paris.');
  });

  it('an invalid rule is refused with 400 and every problem by JSON path; nothing is added', async () => {
    const res = await call(emulator.url, 'POST', '/_emulator/rules', [{ reply: { text: 'fine' } }, { match: { model: NOVA }, error: { name: 'Throttled' }, times: 0 }]);
    expect(res.status).toBe(400);
    expect(res.body.problems).toEqual([
      expect.stringMatching(/^rules\[1\]\.error\.name: unknown error "Throttled" \(valid: ValidationException, .*ThrottlingException/),
      'rules[1].times: must be an integer >= 1, got 0',
    ]);
    expect(res.body.error).toContain('invalid rule');
    expect((await call(emulator.url, 'POST', '/_emulator/rules', '{not json')).status).toBe(400);
    expect((await call(emulator.url, 'GET', '/_emulator/rules')).body).toEqual([]);
  });

  it('GET /_emulator/requests: oldest first, operation, modelId and body as sent; filters; DELETE clears', async () => {
    await converse(emulator.url, 'first');
    await converse(emulator.url, 'second', 'us.amazon.nova-lite-v1:0');
    await call(emulator.url, 'POST', '/model/amazon.nova-micro-v1:0/converse', { messages: 'not a list' }, { authorization: AUTH });
    const all = await call(emulator.url, 'GET', '/_emulator/requests');
    expect(all.body.map((e: any) => [e.operation, e.modelId, e.status])).toEqual([
      ['Converse', NOVA, 200],
      ['Converse', 'us.amazon.nova-lite-v1:0', 200],
      ['Converse', NOVA, 400],
    ]);
    expect(all.body[0].body).toEqual(converseBody('first'));
    expect(all.body[2]).toMatchObject({ body: { messages: 'not a list' }, errorType: expect.stringMatching(/Exception$/) });
    expect(all.body[0].headers.authorization).toBe('AKIDEXAMPLE');
    expect((await call(emulator.url, 'GET', '/_emulator/requests?status=400')).body).toHaveLength(1);
    expect((await call(emulator.url, 'GET', `/_emulator/requests?modelId=${encodeURIComponent('amazon.nova-lite-v1:0')}`)).body).toHaveLength(1);
    expect((await call(emulator.url, 'GET', `/_emulator/requests?since=${encodeURIComponent(all.body[1].startedAt)}`)).body).toHaveLength(2);
    expect((await call(emulator.url, 'GET', '/_emulator/requests?operation=InvokeModel')).body).toEqual([]);
    expect((await call(emulator.url, 'DELETE', '/_emulator/requests')).status).toBe(200);
    expect((await call(emulator.url, 'GET', '/_emulator/requests')).body).toEqual([]);
  });

  it('POST /_emulator/reset clears rules and journal', async () => {
    await call(emulator.url, 'POST', '/_emulator/rules', { reply: { text: 'x' } });
    await converse(emulator.url, 'hi');
    expect(await call(emulator.url, 'POST', '/_emulator/reset')).toEqual({ status: 200, body: { reset: true } });
    expect((await call(emulator.url, 'GET', '/_emulator/rules')).body).toEqual([]);
    expect((await call(emulator.url, 'GET', '/_emulator/requests')).body).toEqual([]);
  });
});

emulatorDescribe('rules file', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'rules-file-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is read at start and again when it changes; a broken edit keeps the rules in force', async () => {
    const file = join(dir, 'rules.json');
    writeFileSync(file, JSON.stringify([{ match: { prompt: 'hello' }, reply: { text: 'from the file' } }]));
    const log: string[] = [];
    const emulator = await startEmulator({ rulesFile: file, logger: (line) => log.push(line) });
    const client = new BedrockRuntimeClient({ region: 'us-east-1', endpoint: emulator.url, credentials });
    const say = async () => (await client.send(new ConverseCommand({ modelId: NOVA, messages: [{ role: 'user', content: [{ text: 'hello there' }] }] }))).output?.message?.content?.[0].text;
    try {
      expect(await say()).toBe('from the file');
      emulator.rules.add({ match: { prompt: 'other' }, reply: { text: 'from the API' } });
      writeFileSync(file, JSON.stringify({ match: { prompt: 'hello' }, reply: { text: 'edited' } }));
      expect(await until(async () => (await say()) === 'edited')).toBe(true);
      // The API's rule survives a reload: only the file's rules are replaced.
      expect(emulator.rules.list().map((r) => r.source)).toEqual(['api', 'file']);
      writeFileSync(file, JSON.stringify({ reply: { txt: 'typo' } }));
      expect(await until(async () => log.some((l) => l.includes('rule.reply.txt: unknown field')))).toBe(true);
      expect(log.find((l) => l.includes('unknown field'))).toContain(file);
      expect(await say()).toBe('edited');
    } finally {
      client.destroy();
      await emulator.close();
    }
  });

  it('an invalid file is refused at start, naming the file and the JSON path', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify([{ reply: { text: 'ok' } }, { error: { name: 'Nope' } }]));
    await expect(startEmulator({ rulesFile: file })).rejects.toThrow(`rules file ${file}: invalid rule: rules[1].error.name: unknown error "Nope"`);
    await expect(startEmulator({ rulesFile: join(dir, 'missing.json') })).rejects.toThrow(/rules file .*missing\.json: not found/);
  });
});

emulatorDescribe.skipIf(!existsSync(BIN))('bin --rules FILE --journal FILE', () => {
  it('answers from the rules file and appends each request to the journal file as a JSON line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bin-rules-'));
    const rules = join(dir, 'rules.json');
    const journal = join(dir, 'journal.jsonl');
    writeFileSync(rules, JSON.stringify({ match: { prompt: 'capital of France' }, reply: { text: 'Paris.' } }));
    const child: ChildProcess = spawn(process.execPath, [BIN, '--port', '0', '--log-level', 'silent', '--rules', rules, '--journal', journal], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout!.on('data', (d) => {
          out += d;
          const found = /listening on (http:\/\/\S+)/.exec(out)?.[1];
          if (found) resolve(found);
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}`)));
      });
      expect((await call(url, 'GET', '/_emulator/health')).status).toBe(200);
      expect((await converse(url, 'the capital of France?')).body.output.message.content).toEqual([{ text: 'Paris.' }]);
      const lines = readFileSync(journal, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ operation: 'Converse', modelId: NOVA, status: 200, body: converseBody('the capital of France?'), ruleId: 'rule-1' });
    } finally {
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
