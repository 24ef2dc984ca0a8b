// Issue 9, test control: rules scripted through startEmulator() answer the official JS SDK in every
// operation, and the journal shows what the SDK sent. Emulator-only: real Bedrock has no rules.
import {
  BedrockRuntimeClient,
  ConverseCommand,
  ConverseStreamCommand,
  CountTokensCommand,
  InvokeModelCommand,
  InvokeModelWithResponseStreamCommand,
} from '@aws-sdk/client-bedrock-runtime';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { startEmulator, InvalidRuleError, type RunningEmulator } from '../../emulator/index.js';
import { credentials } from '../support/target.js';
import { emulatorDescribe } from '../support/markers.js';

const NOVA = 'amazon.nova-micro-v1:0';
const CLAUDE = 'anthropic.claude-3-haiku-20240307-v1:0';
const decoder = new TextDecoder();
const user = (text: string) => [{ role: 'user' as const, content: [{ text }] }];

emulatorDescribe('rules through startEmulator() and the JS SDK', () => {
  let emulator: RunningEmulator;
  let client: BedrockRuntimeClient;
  beforeAll(async () => {
    emulator = await startEmulator();
    // Default retry settings (standard mode, 3 attempts), as an application has them.
    client = new BedrockRuntimeClient({ region: 'us-east-1', endpoint: emulator.url, credentials });
  });
  afterEach(() => emulator.reset());
  afterAll(async () => {
    client.destroy();
    await emulator.close();
  });

  it('a prompt-specific reply, in Converse, ConverseStream and InvokeModel (Claude Messages, Titan)', async () => {
    emulator.rules.add({ match: { prompt: 'capital of France' }, reply: { text: 'Paris.' } });
    const converse = await client.send(new ConverseCommand({ modelId: NOVA, messages: user('What is the capital of France?') }));
    expect(converse.output?.message?.content).toEqual([{ text: 'Paris.' }]);
    expect(converse.stopReason).toBe('end_turn');

    const stream = await client.send(new ConverseStreamCommand({ modelId: NOVA, messages: user('The capital of France, please') }));
    let streamed = '';
    for await (const event of stream.stream!) streamed += event.contentBlockDelta?.delta?.text ?? '';
    expect(streamed).toBe('Paris.');

    const claude = await client.send(
      new InvokeModelCommand({
        modelId: CLAUDE,
        body: JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 50, messages: [{ role: 'user', content: 'capital of France?' }] }),
      }),
    );
    expect(JSON.parse(decoder.decode(claude.body)).content).toEqual([{ type: 'text', text: 'Paris.' }]);

    const titan = await client.send(new InvokeModelCommand({ modelId: 'amazon.titan-text-express-v1', body: JSON.stringify({ inputText: 'capital of France?' }) }));
    // Titan's family opens its outputText with a newline, as real Titan answers do.
    expect(JSON.parse(decoder.decode(titan.body)).results[0].outputText).toBe('\nParis.');

    // Another prompt is answered by the fixtures, not the rule.
    const other = await client.send(new ConverseCommand({ modelId: NOVA, messages: user('Something else') }));
    expect(other.output?.message?.content?.[0].text).not.toBe('Paris.');
  });

  it('a tool call with given arguments (Converse and Claude InvokeModel)', async () => {
    emulator.rules.add({ match: { prompt: 'weather' }, reply: { toolUse: { name: 'get_weather', input: { city: 'Paris' } } } });
    const toolConfig = { tools: [{ toolSpec: { name: 'get_weather', inputSchema: { json: { type: 'object', properties: { city: { type: 'string' } } } } } }] };
    const res = await client.send(new ConverseCommand({ modelId: NOVA, messages: user("What's the weather in Paris?"), toolConfig }));
    expect(res.stopReason).toBe('tool_use');
    const call = res.output?.message?.content?.find((b) => b.toolUse)?.toolUse;
    expect(call?.name).toBe('get_weather');
    expect(call?.input).toEqual({ city: 'Paris' });

    const native = await client.send(
      new InvokeModelCommand({
        modelId: CLAUDE,
        body: JSON.stringify({
          anthropic_version: 'bedrock-2023-05-31',
          max_tokens: 100,
          messages: [{ role: 'user', content: [{ type: 'text', text: 'weather?' }] }],
          tools: [{ name: 'get_weather', input_schema: { type: 'object' } }],
        }),
      }),
    );
    const body = JSON.parse(decoder.decode(native.body));
    expect(body.stop_reason).toBe('tool_use');
    expect(body.content.find((b: any) => b.type === 'tool_use')).toMatchObject({ name: 'get_weather', input: { city: 'Paris' } });
  });

  it("a ThrottlingException on the 3rd call only; the SDK's retry shows in the journal", async () => {
    emulator.rules.add({ match: { model: 'amazon.nova-*' }, sequence: [{}, {}, { error: { name: 'ThrottlingException' } }, {}] });
    for (let i = 0; i < 3; i++) await client.send(new ConverseCommand({ modelId: NOVA, messages: user(`call ${i + 1}`) }));
    const journal = emulator.requests({ operation: 'Converse' });
    expect(journal.map((e) => e.status)).toEqual([200, 200, 429, 200]);
    expect(journal[2].errorType).toBe('ThrottlingException');
    // The 4th request is the SDK's retry of the 3rd: same invocation id, attempt 2, same body.
    expect(journal[3].headers['amz-sdk-invocation-id']).toBe(journal[2].headers['amz-sdk-invocation-id']);
    expect(journal[3].headers['amz-sdk-request']).toMatch(/^attempt=2;/);
    expect(journal[3].body).toEqual(journal[2].body);
    expect(emulator.requests({ status: 429 })).toHaveLength(1);
  });

  it('an error by name gets AWS status and message; a client without retries sees it as thrown', async () => {
    const once = new BedrockRuntimeClient({ region: 'us-east-1', endpoint: emulator.url, credentials, maxAttempts: 1 });
    emulator.rules.add({ match: { model: NOVA }, error: { name: 'ThrottlingException' }, times: 1 });
    const err: any = await once.send(new ConverseCommand({ modelId: NOVA, messages: user('hi') })).catch((e) => e);
    expect(err.name).toBe('ThrottlingException');
    expect(err.$metadata.httpStatusCode).toBe(429);
    expect(err.message).toBe('Too many requests, please wait before trying again.');
    // times: 1 — the next call is answered normally.
    await expect(once.send(new ConverseCommand({ modelId: NOVA, messages: user('hi') }))).resolves.toBeDefined();
    emulator.rules.add({ error: { name: 'ModelErrorException', message: 'scripted' } });
    const custom: any = await once.send(new ConverseCommand({ modelId: NOVA, messages: user('hi') })).catch((e) => e);
    expect([custom.name, custom.$metadata.httpStatusCode, custom.message]).toEqual(['ModelErrorException', 424, 'scripted']);
    once.destroy();
  });

  it('a stream broken after N events: an exception frame the SDK throws (ConverseStream, InvokeModelWithResponseStream)', async () => {
    emulator.rules.add({ match: { operation: ['ConverseStream', 'InvokeModelWithResponseStream'] }, reply: { text: 'one two three four five six' }, streamError: { afterEvents: 3 } });
    const stream = await client.send(new ConverseStreamCommand({ modelId: NOVA, messages: user('stream it') }));
    const seen: string[] = [];
    const err: any = await (async () => {
      for await (const event of stream.stream!) seen.push(Object.keys(event)[0]);
    })().catch((e) => e);
    expect(seen).toEqual(['messageStart', 'contentBlockDelta', 'contentBlockDelta']);
    expect(err?.name).toBe('ModelStreamErrorException');

    const native = await client.send(
      new InvokeModelWithResponseStreamCommand({ modelId: CLAUDE, body: JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 50, messages: user('hi') }) }),
    );
    let chunks = 0;
    const nativeErr: any = await (async () => {
      for await (const event of native.body!) if (event.chunk) chunks++;
    })().catch((e) => e);
    expect(chunks).toBe(3);
    expect(nativeErr?.name).toBe('ModelStreamErrorException');
    // Converse (not streaming) ignores streamError and answers the scripted text.
    emulator.rules.clear();
    emulator.rules.add({ reply: { text: 'whole' }, streamError: { afterEvents: 1 } });
    const whole = await client.send(new ConverseCommand({ modelId: NOVA, messages: user('hi') }));
    expect(whole.output?.message?.content).toEqual([{ text: 'whole' }]);
  });

  it('structured output, reasoning, stop reason and usage as scripted', async () => {
    emulator.rules.add({ match: { system: 'JSON only' }, reply: { json: { answer: 42 }, usage: { inputTokens: 7, outputTokens: 3 } } });
    const res = await client.send(new ConverseCommand({ modelId: NOVA, system: [{ text: 'Reply in JSON only.' }], messages: user('hi') }));
    expect(JSON.parse(res.output!.message!.content![0].text!)).toEqual({ answer: 42 });
    expect(res.usage).toMatchObject({ inputTokens: 7, outputTokens: 3, totalTokens: 10 });

    emulator.rules.add({ match: { prompt: 'think' }, reply: { reasoning: 'Let me see.', text: 'Done', stopReason: 'max_tokens' } });
    const thought = await client.send(
      new ConverseCommand({
        modelId: 'us.anthropic.claude-3-7-sonnet-20250219-v1:0',
        messages: user('think hard'),
        inferenceConfig: { maxTokens: 2000 },
        additionalModelRequestFields: { thinking: { type: 'enabled', budget_tokens: 1024 } },
      }),
    );
    expect(thought.stopReason).toBe('max_tokens');
    expect(thought.output?.message?.content?.[0].reasoningContent?.reasoningText?.text).toBe('Let me see.');
    expect(thought.output?.message?.content?.[1].text).toBe('Done');
  });

  it('model ids match as sent and as resolved: exact, glob, /regex/, profiles', async () => {
    emulator.rules.add([
      { match: { model: '/claude-3-haiku/' }, reply: { text: 'regex' } },
      { match: { model: 'us.amazon.*' }, reply: { text: 'profile glob' } },
      { match: { model: 'amazon.nova-lite-v1:0' }, reply: { text: 'base id' } },
    ]);
    const say = async (modelId: string) => (await client.send(new ConverseCommand({ modelId, messages: user('x') }))).output?.message?.content?.[0].text;
    expect(await say(CLAUDE)).toBe('regex');
    expect(await say('us.anthropic.claude-3-haiku-20240307-v1:0')).toBe('regex');
    expect(await say('us.amazon.nova-micro-v1:0')).toBe('profile glob');
    expect(await say('arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0')).toBe('base id');
    const entry = emulator.requests().at(-1)!;
    expect(entry.modelId).toBe('arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0');
    expect(entry.resolvedModelId).toBe('amazon.nova-lite-v1:0');
  });

  it('priority, insertion order, times, tools offered, tool choice and headers', async () => {
    emulator.rules.add({ reply: { text: 'first added' } });
    emulator.rules.add({ reply: { text: 'second added' } });
    const say = async (extra: object = {}) => (await client.send(new ConverseCommand({ modelId: NOVA, messages: user('x'), ...extra }))).output?.message?.content?.[0].text;
    expect(await say()).toBe('first added');
    const [id] = emulator.rules.add({ reply: { text: 'urgent' }, priority: 5, times: 2 });
    expect([await say(), await say(), await say()]).toEqual(['urgent', 'urgent', 'first added']);
    expect(emulator.rules.list().find((r) => r.id === id)?.calls).toBe(2);

    emulator.rules.clear();
    emulator.rules.add({ match: { tools: 'lookup', toolChoice: 'any' }, reply: { text: 'forced lookup' } });
    const tools = { tools: [{ toolSpec: { name: 'lookup', inputSchema: { json: { type: 'object' } } } }] };
    expect(await say({ toolConfig: { ...tools, toolChoice: { any: {} } } })).toBe('forced lookup');
    expect(await say({ toolConfig: tools })).not.toBe('forced lookup');

    emulator.rules.add({ match: { headers: { 'user-agent': '/aws-sdk-js/' } }, reply: { text: 'from JS' } });
    expect(await say()).toBe('from JS');
  });

  it('CountTokens does not use up a rule', async () => {
    emulator.rules.add({ match: { prompt: 'count me' }, reply: { text: 'once' }, times: 1 });
    const body = new TextEncoder().encode(JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 10, messages: [{ role: 'user', content: 'count me' }] }));
    const counted = await client.send(new CountTokensCommand({ modelId: 'anthropic.claude-sonnet-4-20250514-v1:0', input: { invokeModel: { body } } }));
    expect(counted.inputTokens).toBeGreaterThan(0);
    expect(emulator.requests({ operation: 'CountTokens' })[0].ruleId).toBeUndefined();
    const res = await client.send(new ConverseCommand({ modelId: NOVA, messages: user('count me') }));
    expect(res.output?.message?.content).toEqual([{ text: 'once' }]);
  });

  it('the journal shows exactly what the app sent, Authorization reduced to the access key id', async () => {
    const messages = user('Journal me');
    await client.send(new ConverseCommand({ modelId: NOVA, messages, inferenceConfig: { maxTokens: 20, temperature: 0.5 } }));
    const [entry] = emulator.requests();
    expect(entry).toMatchObject({ operation: 'Converse', modelId: NOVA, status: 200, method: 'POST' });
    expect(entry.body).toEqual({ messages, inferenceConfig: { maxTokens: 20, temperature: 0.5 } });
    expect(entry.headers.authorization).toBe(credentials.accessKeyId);
    expect(JSON.stringify(entry)).not.toContain(credentials.secretAccessKey);
    expect(entry.reply?.stopReason).toBeDefined();
    expect(entry.durationMs).toBeGreaterThanOrEqual(0);
    expect(emulator.requests({ operation: 'InvokeModel' })).toEqual([]);
    expect(emulator.requests({ since: Date.now() + 60_000 })).toEqual([]);
  });

  it('invalid rules are refused when added, naming the JSON path', () => {
    expect(() => emulator.rules.add({ match: { model: NOVA }, error: { name: 'ThrotlingException' } })).toThrow(InvalidRuleError);
    expect(() => emulator.rules.add({ match: { model: NOVA }, error: { name: 'ThrotlingException' } })).toThrow(/rule\.error\.name: unknown error "ThrotlingException" \(valid: .*ThrottlingException/);
    expect(() => emulator.rules.add([{ reply: { text: 'ok' } }, { reply: { toolUse: { input: {} } } } as any])).toThrow(/rules\[1\]\.reply\.toolUse\.name: must be a non-empty string/);
    expect(() => emulator.rules.add({ match: { promt: 'x' } } as any)).toThrow(/rule\.match\.promt: unknown field/);
    expect(() => emulator.rules.add({ streamError: {} } as any)).toThrow(/rule\.streamError\.afterEvents: required/);
    expect(emulator.rules.list()).toEqual([]);
  });
});
