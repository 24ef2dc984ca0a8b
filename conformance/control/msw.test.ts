// Issue 9: bedrock-emulator/msw serves the emulator in-process through MSW, with rules and journal:
// the JS SDK with its fetch handler and its HTTP/1.1 handler, and the Vercel AI SDK (fetch), all
// against AWS's own hostnames with no port open. Emulator-only: real Bedrock is not in-process.
import { BedrockRuntimeClient, ConverseCommand, ConverseStreamCommand, ThrottlingException } from '@aws-sdk/client-bedrock-runtime';
import { createAmazonBedrock } from '@ai-sdk/amazon-bedrock';
import { FetchHttpHandler } from '@smithy/fetch-http-handler';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { generateText, streamText } from 'ai';
import { setupServer } from 'msw/node';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createBedrockHandlers } from '../../emulator/msw.js';
import { credentials } from '../support/target.js';
import { emulatorDescribe } from '../support/markers.js';

const NOVA = 'amazon.nova-micro-v1:0';
const user = (text: string) => [{ role: 'user' as const, content: [{ text }] }];

emulatorDescribe('MSW handlers (bedrock-emulator/msw), in-process', () => {
  const bedrock = createBedrockHandlers({ baseUrl: 'http://bedrock.test/prefix' });
  // Anything not handled fails the test instead of reaching the network.
  const server = setupServer(...bedrock.handlers);
  const clients = {
    fetch: new BedrockRuntimeClient({ region: 'us-east-1', credentials, requestHandler: new FetchHttpHandler() }),
    'HTTP/1.1': new BedrockRuntimeClient({ region: 'eu-west-3', credentials, requestHandler: new NodeHttpHandler() }),
  };
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => bedrock.reset());
  afterAll(() => {
    server.close();
    for (const client of Object.values(clients)) client.destroy();
  });

  it.each(Object.keys(clients) as Array<keyof typeof clients>)('the JS SDK (%s handler): Converse and ConverseStream answer, a rule applies, the journal shows the request', async (name) => {
    const client = clients[name];
    const [ruleId] = bedrock.rules.add({ match: { prompt: 'capital of France' }, reply: { text: 'Paris.' } });
    const converse = await client.send(new ConverseCommand({ modelId: NOVA, messages: user('What is the capital of France?'), inferenceConfig: { maxTokens: 20 } }));
    expect(converse.output?.message?.content).toEqual([{ text: 'Paris.' }]);
    expect(converse.$metadata.httpStatusCode).toBe(200);
    expect(converse.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);

    const stream = await client.send(new ConverseStreamCommand({ modelId: NOVA, messages: user('The capital of France, please') }));
    const events: string[] = [];
    let text = '';
    for await (const event of stream.stream!) {
      events.push(Object.keys(event)[0]);
      text += event.contentBlockDelta?.delta?.text ?? '';
    }
    expect(text).toBe('Paris.');
    expect(events[0]).toBe('messageStart');
    expect(events.slice(-2)).toEqual(['messageStop', 'metadata']);

    // Without a rule, the fixtures answer.
    const other = await client.send(new ConverseCommand({ modelId: NOVA, messages: user('Something else'), inferenceConfig: { maxTokens: 20 } }));
    expect(other.output?.message?.content?.[0].text).toBeTruthy();
    expect(other.output?.message?.content?.[0].text).not.toBe('Paris.');

    const journal = bedrock.requests();
    expect(journal.map((entry) => [entry.operation, entry.modelId, entry.status])).toEqual([
      ['Converse', NOVA, 200],
      ['ConverseStream', NOVA, 200],
      ['Converse', NOVA, 200],
    ]);
    expect(journal[0].body).toEqual({ messages: user('What is the capital of France?'), inferenceConfig: { maxTokens: 20 } });
    expect(journal[0].ruleId).toBe(ruleId);
    expect(journal[2].ruleId).toBeUndefined();
    // The SigV4 Authorization is reduced to its access key id.
    expect(journal[0].headers.authorization).toBe(credentials.accessKeyId);
  });

  it('an error rule reaches the SDK as its modelled exception; the retries are in the journal', async () => {
    bedrock.rules.add({ match: { model: NOVA }, error: { name: 'ThrottlingException' }, times: 2 });
    const answer = await clients.fetch.send(new ConverseCommand({ modelId: NOVA, messages: user('hello') }));
    expect(answer.output?.message?.role).toBe('assistant');
    expect(answer.$metadata.attempts).toBe(3);
    expect(bedrock.requests().map((entry) => entry.status)).toEqual([429, 429, 200]);

    bedrock.reset();
    bedrock.rules.add({ match: { model: NOVA }, error: { name: 'ThrottlingException', message: 'Slow down.' } });
    const error = await clients['HTTP/1.1'].send(new ConverseCommand({ modelId: NOVA, messages: user('hello') })).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(ThrottlingException);
    expect((error as ThrottlingException).message).toBe('Slow down.');
  });

  it('pacing is honoured with timers (time to first token)', async () => {
    bedrock.rules.add({ match: { prompt: 'slowly' }, reply: { text: 'one two three' }, pacing: { ttftMs: 300, tokensPerSecond: 1000 } });
    const started = performance.now();
    const stream = await clients.fetch.send(new ConverseStreamCommand({ modelId: NOVA, messages: user('slowly') }));
    let firstText: number | undefined;
    for await (const event of stream.stream!) if (event.contentBlockDelta && firstText === undefined) firstText = performance.now() - started;
    expect(firstText).toBeGreaterThanOrEqual(290);
  });

  it('a scripted drop breaks the stream for the reader', async () => {
    bedrock.rules.add({ match: { prompt: 'drop' }, reply: { text: 'one two three four five' }, drop: { afterEvents: 3 } });
    const stream = await clients.fetch.send(new ConverseStreamCommand({ modelId: NOVA, messages: user('drop me') }));
    const events: string[] = [];
    const failure = await (async () => {
      for await (const event of stream.stream!) events.push(Object.keys(event)[0]);
    })().catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(Error);
    expect(events).toHaveLength(3);
  });

  it('the Vercel AI SDK (fetch): generateText and streamText, rules and journal', async () => {
    bedrock.rules.add({ match: { prompt: 'capital of France' }, reply: { text: 'Paris.' } });
    const provider = createAmazonBedrock({ region: 'us-west-2', accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey });
    const result = await generateText({ model: provider(NOVA), prompt: 'What is the capital of France?', maxOutputTokens: 20 });
    expect(result.text).toBe('Paris.');
    expect(result.finishReason).toBe('stop');

    const streamed = streamText({ model: provider(NOVA), prompt: 'capital of France, streamed', maxOutputTokens: 20 });
    expect(await streamed.text).toBe('Paris.');

    const journal = bedrock.requests();
    expect(journal.map((entry) => entry.operation)).toEqual(['Converse', 'ConverseStream']);
    expect(journal[0].body).toMatchObject({ messages: [{ role: 'user', content: [{ text: 'What is the capital of France?' }] }], inferenceConfig: { maxTokens: 20 } });
  });

  it('a custom base URL with a path prefix is served too', async () => {
    bedrock.rules.add({ match: { prompt: 'capital' }, reply: { text: 'Paris.' } });
    const provider = createAmazonBedrock({ region: 'us-east-1', baseURL: 'http://bedrock.test/prefix', accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' });
    const result = await generateText({ model: provider(NOVA), prompt: 'capital?', maxOutputTokens: 20 });
    expect(result.text).toBe('Paris.');
    expect(bedrock.requests()[0].modelId).toBe(NOVA);
  });

  it('the JS SDK\'s default HTTP/2 handler is not intercepted (the README\'s caveat)', async () => {
    // A closed local port served by a handler: only a request MSW sees could be answered.
    const local = createBedrockHandlers({ baseUrl: 'http://127.0.0.1:9' });
    server.use(...local.handlers);
    const h1 = new BedrockRuntimeClient({ region: 'us-east-1', endpoint: 'http://127.0.0.1:9', credentials, requestHandler: new NodeHttpHandler(), maxAttempts: 1 });
    const h2 = new BedrockRuntimeClient({ region: 'us-east-1', endpoint: 'http://127.0.0.1:9', credentials, maxAttempts: 1 });
    try {
      expect((await h1.send(new ConverseCommand({ modelId: NOVA, messages: user('hi') }))).$metadata.httpStatusCode).toBe(200);
      const error = await h2.send(new ConverseCommand({ modelId: NOVA, messages: user('hi') })).catch((err: unknown) => err);
      expect(String((error as Error).message) + String((error as { code?: string }).code)).toMatch(/ECONNREFUSED/);
      expect(local.requests()).toHaveLength(1);
    } finally {
      server.resetHandlers();
      h1.destroy();
      h2.destroy();
    }
  });
});

emulatorDescribe('README: In-process with MSW', () => {
  it('the example runs as printed (with the built package) and prints what its comments say', async () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const readme = readFileSync(`${root}README.md`, 'utf8');
    const section = readme.slice(readme.indexOf('### In-process with MSW'));
    const code = /```js\n([\s\S]*?)```/.exec(section)![1].replace("'bedrock-emulator/msw'", `'${root}dist/emulator/msw.js'`);
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', code], { cwd: root, env: { ...process.env, AWS_REGION: '' } });
    expect(stdout.trim().split('\n')).toEqual(["[ { text: 'Paris.' } ]", 'Paris.', "[ 'Converse', 'Converse' ]"]);
  });
});
