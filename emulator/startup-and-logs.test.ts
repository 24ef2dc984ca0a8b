// Issue 9, item 7: a user's fixtures folder wins over every built-in file and is checked at start;
// log lines say what went wrong (error type and message, bodies at debug, one line for a client
// that hangs up, a throwing responder shown at the default level); --seed makes ids and timestamps
// repeat.
import { connect } from 'node:net';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BedrockRuntimeClient, ConverseCommand, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect, it } from 'vitest';
import { emulatorDescribe } from '../conformance/support/markers.js';
import { builtinFixturesDir, readFixture } from '../src/responder/fixtures.js';
import { SEEDED_EPOCH_MS, startEmulator, type EmulatorOptions, type RunningEmulator } from './index.js';

const AUTH = 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/us-east-1/bedrock/aws4_request, SignedHeaders=host, Signature=0';
const CLAUDE = 'anthropic.claude-3-haiku-20240307-v1:0';
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };

function folder(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'fixtures-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  return dir;
}

async function withEmulator<T>(options: EmulatorOptions, fn: (e: RunningEmulator, client: BedrockRuntimeClient) => Promise<T>): Promise<T> {
  const emulator = await startEmulator({ port: 0, ...options });
  const client = new BedrockRuntimeClient({ region: 'us-east-1', endpoint: emulator.url, credentials, maxAttempts: 1 });
  try {
    return await fn(emulator, client);
  } finally {
    client.destroy();
    await emulator.close();
  }
}

async function converseText(client: BedrockRuntimeClient, modelId: string): Promise<string> {
  const out = await client.send(new ConverseCommand({ modelId, messages: [{ role: 'user', content: [{ text: 'Hi' }] }], inferenceConfig: { maxTokens: 50 } }));
  return out.output!.message!.content![0].text!;
}

const post = (url: string, body: string) => fetch(url, { method: 'POST', headers: { authorization: AUTH, 'content-type': 'application/json' }, body });

emulatorDescribe('a user fixtures folder', () => {
  it("its default.json wins over the built-in anthropic.json and amazon.json", async () => {
    const fixtures = folder({ 'default.json': { text: 'My default.' } });
    await withEmulator({ fixtures }, async (_, client) => {
      expect(await converseText(client, CLAUDE)).toBe('My default.');
      expect(await converseText(client, 'amazon.nova-micro-v1:0')).toBe('My default.');
    });
  });

  it('is searched whole (model file, provider file, default.json) before the built-in folder', async () => {
    // The built-in folder has amazon.nova-2-lite-v1_0.json; the user's amazon.json comes first.
    expect(readdirSync(builtinFixturesDir())).toContain('amazon.nova-2-lite-v1_0.json');
    const fixtures = folder({ 'amazon.json': { text: 'Amazon, mine.' }, [`${CLAUDE.replaceAll(':', '_')}.json`]: { text: 'Haiku, mine.' }, 'default.json': { text: 'Mine.' } });
    await withEmulator({ fixtures }, async (_, client) => {
      expect(await converseText(client, 'us.amazon.nova-2-lite-v1:0')).toBe('Amazon, mine.');
      expect(await converseText(client, CLAUDE)).toBe('Haiku, mine.');
      expect(await converseText(client, 'anthropic.claude-3-5-haiku-20241022-v1:0')).toBe('Mine.');
    });
  });

  it('without a default.json, models it does not cover get the built-in replies', async () => {
    const fixtures = folder({ 'amazon.json': { text: 'Amazon, mine.' } });
    await withEmulator({ fixtures }, async (_, client) => {
      expect(await converseText(client, CLAUDE)).toMatch(/^Hello! This is bedrock-emulator/);
    });
  });

  it.each([
    ['broken JSON', { 'default.json': '{"text": "a",\n  }' }, /fixture .*default\.json: not valid JSON \(line 2, column 3\)/],
    ['a text that is not a string', { 'default.json': { text: 1 } }, /fixture .*default\.json: \$\.text: must be a string/],
    ['an unknown key', { 'anthropic.json': { text: 'a', reasonning: 'b' } }, /fixture .*anthropic\.json: \$\.reasonning: unknown key; known keys: text, reasoning, toolPreamble, fault/],
    ['a mistyped fault name', { 'default.json': { text: 'a', fault: { name: 'Throttling', message: 'm' } } }, /fixture .*default\.json: \$\.fault\.name: "Throttling" is not a Bedrock error name; valid names: ValidationException, .*ThrottlingException/],
    ['a fault without a message', { 'default.json': { text: 'a', fault: { name: 'ThrottlingException' } } }, /\$\.fault\.message: must be a string/],
    ['a negative afterEvents', { 'default.json': { text: 'a', fault: { name: 'ModelStreamErrorException', message: 'm', afterEvents: -1 } } }, /\$\.fault\.afterEvents: must be an integer >= 0/],
  ])('with %s refuses to start, naming the file and the JSON path', async (_, files, message) => {
    await expect(startEmulator({ port: 0, fixtures: folder(files) })).rejects.toThrow(message);
  });

  it('that does not exist refuses to start', async () => {
    await expect(startEmulator({ port: 0, fixtures: '/nonexistent/fixtures' })).rejects.toThrow('--fixtures: no such folder: /nonexistent/fixtures');
  });

  it('with a valid fault starts and fails calls as scripted', async () => {
    const fixtures = folder({ 'default.json': { text: 'unused', fault: { name: 'ThrottlingException', message: 'Too many requests, please wait before trying again.' } } });
    await withEmulator({ fixtures }, async (_, client) => {
      await expect(converseText(client, CLAUDE)).rejects.toMatchObject({ name: 'ThrottlingException', message: 'Too many requests, please wait before trying again.' });
    });
  });
});

describe('the built-in fixtures', () => {
  emulatorDescribe('pass the same checks', () => {
    it('every built-in file', () => {
      const files = readdirSync(builtinFixturesDir()).filter((f) => f.endsWith('.json'));
      expect(files.length).toBeGreaterThan(3);
      for (const file of files) expect(readFixture(join(builtinFixturesDir(), file)).text).not.toBe('');
    });
  });
});

emulatorDescribe('log lines', () => {
  it('a 4xx line carries the error type and message', async () => {
    const lines: string[] = [];
    await withEmulator({ logLevel: 'info', logger: (l) => lines.push(l) }, async (e) => {
      const res = await post(`${e.url}/model/no-such-model/invoke`, '{}');
      expect(res.status).toBe(400);
      await res.text();
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^InvokeModel no-such-model 400 \d+\.\dms ValidationException: The provided model identifier is invalid\.$/);
  });

  it('debug shows request and response bodies, stream events one by one, long bodies truncated', async () => {
    const lines: string[] = [];
    await withEmulator({ logLevel: 'debug', logger: (l) => lines.push(l) }, async (e) => {
      const body = JSON.stringify({ inputText: `Hello ${'x'.repeat(5000)}` });
      await (await post(`${e.url}/model/amazon.titan-text-express-v1/invoke`, body)).text();
      await (await post(`${e.url}/model/amazon.titan-text-express-v1/invoke-with-response-stream`, '{"inputText": "hi"}')).arrayBuffer();
    });
    const request = lines.find((l) => l.startsWith('> POST /model/amazon.titan-text-express-v1/invoke '));
    expect(request).toMatch(/^> POST \S+ \{"inputText":"Hello x+… \(\d+ more characters\)$/);
    expect(request!.length).toBeLessThan(2100);
    expect(lines.some((l) => /^< 200 \{"inputTextTokenCount":\d+,"results":\[/.test(l))).toBe(true);
    expect(lines).toContain('> POST /model/amazon.titan-text-express-v1/invoke-with-response-stream {"inputText": "hi"}');
    expect(lines).toContain('< 200 event stream');
    // InvokeModelWithResponseStream's chunks carry the model's JSON in base64: shown decoded.
    expect(lines.some((l) => /^< event chunk \{"outputText":"\\nHello! This is bedrock-emulator/.test(l))).toBe(true);
    expect(lines.filter((l) => /^InvokeModel(WithResponseStream)? amazon\.titan-text-express-v1 200 /.test(l))).toHaveLength(2);
  });

  it('a client that hangs up while sending its body is one line, not an internal error', async () => {
    const lines: string[] = [];
    await withEmulator({ logLevel: 'debug', logger: (l) => lines.push(l) }, async (e) => {
      const socket = connect(e.port, '127.0.0.1');
      await new Promise((resolve) => socket.on('connect', resolve));
      socket.write(`POST /model/${CLAUDE}/converse HTTP/1.1\r\nHost: x\r\nAuthorization: ${AUTH}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"messages": [`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      socket.destroy();
      for (let i = 0; i < 50 && lines.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
      await new Promise((resolve) => setTimeout(resolve, 100));
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Converse ${CLAUDE.replace(/[.]/g, '\\.')} client closed the connection \\d+\\.\\dms$`));
  });

  it('a responder that throws is shown at the default level (one line), with its stack at debug', async () => {
    const responder = () => {
      throw new TypeError('my responder broke');
    };
    const quiet: string[] = [];
    await withEmulator({ responder, logger: (l) => quiet.push(l) }, async (_, client) => {
      await expect(converseText(client, CLAUDE)).rejects.toMatchObject({ name: 'InternalServerException' });
    });
    expect(quiet).toEqual([`internal error in Converse ${CLAUDE}: TypeError: my responder broke (stack with --log-level debug)`]);
    const debug: string[] = [];
    await withEmulator({ responder, logLevel: 'debug', logger: (l) => debug.push(l) }, async (_, client) => {
      await expect(converseText(client, CLAUDE)).rejects.toMatchObject({ name: 'InternalServerException' });
    });
    expect(debug).toContain(`internal error in Converse ${CLAUDE}: TypeError: my responder broke`);
    expect(debug.some((l) => /^TypeError: my responder broke\n\s+at /.test(l))).toBe(true);
    expect(debug.some((l) => /^Converse \S+ 500 \d+\.\dms InternalServerException: /.test(l))).toBe(true);
    const silent: string[] = [];
    await withEmulator({ responder, logLevel: 'silent', logger: (l) => silent.push(l) }, async (_, client) => {
      await expect(converseText(client, CLAUDE)).rejects.toMatchObject({ name: 'InternalServerException' });
    });
    expect(silent).toEqual([]);
  });
});

emulatorDescribe('--seed', () => {
  /** Ids and timestamps of a few answers from a fresh emulator. */
  async function sample(seed: number | undefined) {
    return withEmulator({ seed }, async (e, client) => {
      const claude = await post(`${e.url}/model/${CLAUDE}/invoke`, JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 20, messages: [{ role: 'user', content: 'Hi' }] }));
      const claudeBody = await claude.json();
      const gpt = await post(`${e.url}/model/openai.gpt-oss-20b-1:0/invoke`, JSON.stringify({ messages: [{ role: 'user', content: 'Hi' }], max_completion_tokens: 20 }));
      const gptBody = await gpt.json();
      const tool = await client.send(
        new ConverseCommand({
          modelId: CLAUDE,
          messages: [{ role: 'user', content: [{ text: 'Weather?' }] }],
          toolConfig: { tools: [{ toolSpec: { name: 'weather', inputSchema: { json: { type: 'object' } } } }], toolChoice: { any: {} } },
          inferenceConfig: { maxTokens: 100 },
        }),
      );
      const titan = await client.send(new InvokeModelCommand({ modelId: 'amazon.titan-text-express-v1', body: '{"inputText": "hi"}' }));
      return {
        requestIds: [claude.headers.get('x-amzn-requestid'), gpt.headers.get('x-amzn-requestid'), tool.$metadata.requestId, titan.$metadata.requestId],
        date: claude.headers.get('date'),
        messageId: claudeBody.id,
        gpt: [gptBody.id, gptBody.created],
        toolUseId: tool.output!.message!.content!.find((b) => b.toolUse)?.toolUse?.toolUseId,
      };
    });
  }

  it('gives the same ids and timestamps on every run, and other ids with another seed', async () => {
    const first = await sample(42);
    const again = await sample(42);
    const other = await sample(43);
    expect(again).toEqual(first);
    expect(first.date).toBe(new Date(SEEDED_EPOCH_MS).toUTCString());
    expect(first.gpt[1]).toBe(SEEDED_EPOCH_MS / 1000);
    expect(first.messageId).toMatch(/^msg_bdrk_01[0-9A-Za-z]{22}$/);
    expect(first.toolUseId).toMatch(/^tooluse_[0-9A-Za-z]{22}$/);
    expect(new Set(first.requestIds).size).toBe(4);
    expect(other.messageId).not.toBe(first.messageId);
    expect(other.requestIds[0]).not.toBe(first.requestIds[0]);
  });
});
