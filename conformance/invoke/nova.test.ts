// Amazon Nova through InvokeModel and InvokeModelWithResponseStream (FORMATS.md §6, seed 003).
import { InvokeModelCommand, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect } from 'vitest';
import { chunks, failure, json, requireModel, useEmulator } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';

const t = useEmulator();
const modelId = 'amazon.nova-micro-v1:0';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ask = (text: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ messages: [{ role: 'user', content: [{ text }] }], ...extra });
const weatherTool = {
  tools: [
    {
      toolSpec: {
        name: 'get_current_weather',
        description: 'Get the current weather in a given location.',
        inputSchema: { json: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] } },
      },
    },
  ],
};

// Under BEDROCK_TARGET=aws its tests skip, naming the model, unless ListFoundationModels lists these.
requireModel(modelId);

describe.each([['HTTP/2'], ['HTTP/1.1']])('Nova over %s', (protocol) => {
  const client = () => (protocol === 'HTTP/2' ? t.h2 : t.h1);

  awsIt('answers with the native body, keys in wire order, usage agreeing with the headers', async () => {
    const res = await client().send(
      new InvokeModelCommand({ modelId, contentType: 'application/json', accept: 'application/json', body: ask('Say this is a test', { inferenceConfig: { maxTokens: 256, temperature: 0.7, topP: 0.9 } }) }),
    );
    const body = json(res.body);
    expect(Object.keys(body)).toEqual(['output', 'stopReason', 'usage']);
    expect(Object.keys(body.output.message)).toEqual(['content', 'role']);
    expect(body.output.message.role).toBe('assistant');
    expect(typeof body.output.message.content[0].text).toBe('string');
    expect(body.stopReason).toBe('end_turn');
    expect(Object.keys(body.usage)).toEqual(['inputTokens', 'outputTokens', 'totalTokens', 'cacheReadInputTokenCount', 'cacheWriteInputTokenCount']);
    expect(body.usage.totalTokens).toBe(body.usage.inputTokens + body.usage.outputTokens);
    expect(body.usage.cacheReadInputTokenCount).toBe(0);
  });

  emulatorIt('sends the token and cache headers (seed 003)', async () => {
    const res = await fetch(`${t.url}/model/${encodeURIComponent(modelId)}/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/us-east-1/bedrock/aws4_request, SignedHeaders=host, Signature=0' },
      body: ask('hi', { inferenceConfig: { maxTokens: 50 } }),
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(res.headers.get('x-amzn-bedrock-input-token-count')).toBe(String(body.usage.inputTokens));
    expect(res.headers.get('x-amzn-bedrock-output-token-count')).toBe(String(body.usage.outputTokens));
    expect(res.headers.get('x-amzn-bedrock-cache-read-input-token-count')).toBe('0');
    expect(res.headers.get('x-amzn-bedrock-cache-write-input-token-count')).toBe('0');
  });

  awsIt('stops at maxTokens (and max_new_tokens) with max_tokens', async () => {
    for (const config of [{ maxTokens: 10 }, { max_new_tokens: 10 }]) {
      const res = await client().send(new InvokeModelCommand({ modelId, body: ask('hi', { schemaVersion: 'messages-v1', inferenceConfig: config }) }));
      const body = json(res.body);
      expect(body.stopReason).toBe('max_tokens');
      expect(body.usage.outputTokens).toBe(10);
    }
  });

  // Nova keeps the stop sequence at the end of its text, unlike other models (litellm#9483,
  // langchain-aws#420, March 2025: "Nova models include the stop sequence itself in their output").
  emulatorIt('stops after a stop sequence, keeping it, with stop_sequence', async () => {
    const res = await client().send(new InvokeModelCommand({ modelId, body: ask('hi', { inferenceConfig: { stopSequences: ['canned'] } }) }));
    const body = json(res.body);
    expect(body.stopReason).toBe('stop_sequence');
    const text: string = body.output.message.content[0].text;
    expect(text.endsWith('canned')).toBe(true);
    expect(text.indexOf('canned')).toBe(text.length - 'canned'.length);
  });

  awsIt('keeps the stop sequence that ended the answer, with stop_sequence', async () => {
    await requireModel(modelId);
    const body = ask('Count from 1 to 10, separated by commas.', { inferenceConfig: { maxTokens: 256, stopSequences: [','] } });
    const res = json((await client().send(new InvokeModelCommand({ modelId, body }))).body);
    expect(res.stopReason).toBe('stop_sequence');
    expect(res.output.message.content[0].text.endsWith(',')).toBe(true);
  });

  awsIt('streams one content block per delta, then messageStop and metadata with the metrics', async () => {
    const res = await client().send(new InvokeModelWithResponseStreamCommand({ modelId, body: ask('hi', { inferenceConfig: { maxTokens: 12 } }) }));
    const events = await chunks(res.body);
    expect(events[0]).toEqual({ messageStart: { role: 'assistant' } });
    const middle = events.slice(1, -2);
    expect(middle.length).toBeGreaterThanOrEqual(2);
    middle.forEach((e, i) => {
      const index = Math.floor(i / 2);
      if (i % 2 === 0) {
        expect(Object.keys(e.contentBlockDelta)).toEqual(['delta', 'contentBlockIndex']);
        expect(e.contentBlockDelta.contentBlockIndex).toBe(index);
      } else expect(e).toEqual({ contentBlockStop: { contentBlockIndex: index } });
    });
    expect(events.at(-2)).toEqual({ messageStop: { stopReason: 'max_tokens' } });
    const last = events.at(-1);
    expect(Object.keys(last)).toEqual(['metadata', 'amazon-bedrock-invocationMetrics']);
    expect(Object.keys(last.metadata)).toEqual(['usage', 'metrics', 'trace']);
    expect(last.metadata.usage).toEqual({ inputTokens: last.metadata.usage.inputTokens, outputTokens: 12, cacheReadInputTokenCount: 0, cacheWriteInputTokenCount: 0 });
    expect(Object.keys(last['amazon-bedrock-invocationMetrics'])).toEqual(['inputTokenCount', 'outputTokenCount', 'invocationLatency', 'firstByteLatency', 'cacheReadInputTokenCount', 'cacheWriteInputTokenCount']);
    expect(last['amazon-bedrock-invocationMetrics']).toMatchObject({ inputTokenCount: last.metadata.usage.inputTokens, outputTokenCount: 12 });
  });

  awsIt('calls a tool: toolUse with a UUID id, stopReason tool_use', async () => {
    const res = await client().send(new InvokeModelCommand({ modelId, body: ask('Weather in Seattle?', { toolConfig: weatherTool, inferenceConfig: { maxTokens: 256 } }) }));
    const body = json(res.body);
    expect(body.stopReason).toBe('tool_use');
    // Nova thinks aloud before the call, in a text block (the tool_use captures).
    expect(body.output.message.content[0].text).toMatch(/^<thinking> [^]+<\/thinking>\n$/);
    const block = body.output.message.content[1];
    expect(Object.keys(block.toolUse)).toEqual(['name', 'toolUseId', 'input']);
    expect(block.toolUse.name).toBe('get_current_weather');
    expect(block.toolUse.toolUseId).toMatch(UUID);
    expect(typeof block.toolUse.input.location).toBe('string');
  });

  awsIt('streams a tool call as Start, one whole-JSON delta and Stop', async () => {
    const res = await client().send(new InvokeModelWithResponseStreamCommand({ modelId, body: ask('Weather in Seattle?', { toolConfig: weatherTool, inferenceConfig: { maxTokens: 256 } }) }));
    const events = await chunks(res.body);
    const start = events.findIndex((e) => e.contentBlockStart);
    const s = events[start].contentBlockStart;
    const thinking = events.slice(1, start).filter((e) => e.contentBlockDelta).map((e) => e.contentBlockDelta.delta.text).join('');
    expect(thinking).toMatch(/^<thinking> [^]+<\/thinking>\n$/);
    expect(s.contentBlockIndex).toBe((start - 1) / 2);
    expect(Object.keys(s.start.toolUse)).toEqual(['toolUseId', 'name']);
    expect(s.start.toolUse.toolUseId).toMatch(UUID);
    const delta = events[start + 1].contentBlockDelta;
    expect(delta.contentBlockIndex).toBe(s.contentBlockIndex);
    expect(typeof JSON.parse(delta.delta.toolUse.input).location).toBe('string');
    expect(events[start + 2]).toEqual({ contentBlockStop: { contentBlockIndex: s.contentBlockIndex } });
    expect(events.at(-2)).toEqual({ messageStop: { stopReason: 'tool_use' } });
  });

  awsIt('answers a tool result with text', async () => {
    const body = JSON.stringify({
      messages: [
        { role: 'user', content: [{ text: 'Weather in Seattle?' }] },
        { role: 'assistant', content: [{ toolUse: { toolUseId: 'a385bacb-2011-4f60-b0d3-1455602f4438', name: 'get_current_weather', input: { location: 'Seattle' } } }] },
        { role: 'user', content: [{ toolResult: { toolUseId: 'a385bacb-2011-4f60-b0d3-1455602f4438', content: [{ json: { temp: 12 } }] } }] },
      ],
      toolConfig: weatherTool,
      inferenceConfig: { maxTokens: 256 },
    });
    const res = json((await client().send(new InvokeModelCommand({ modelId, body }))).body);
    expect(res.stopReason).toBe('end_turn');
    expect(typeof res.output.message.content[0].text).toBe('string');
  });

  emulatorIt('counts an image in the input tokens', async () => {
    const image = { image: { format: 'png', source: { bytes: Buffer.alloc(300_000).toString('base64') } } };
    const plain = json((await client().send(new InvokeModelCommand({ modelId: 'amazon.nova-lite-v1:0', body: ask('describe') }))).body);
    const withImage = json(
      (await client().send(new InvokeModelCommand({ modelId: 'amazon.nova-lite-v1:0', body: JSON.stringify({ messages: [{ role: 'user', content: [image, { text: 'describe' }] }] }) }))).body,
    );
    expect(withImage.usage.inputTokens).toBe(plain.usage.inputTokens + 400);
  });

  // A real image (the 1×1 PNG of the Converse tests): more input tokens than the text alone. How
  // many an image costs is the model's business, not compared.
  awsIt('counts an image in the input tokens', async () => {
    const lite = 'amazon.nova-lite-v1:0';
    await requireModel(lite);
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
    const inferenceConfig = { maxTokens: 64 };
    const plain = json((await client().send(new InvokeModelCommand({ modelId: lite, body: ask('Describe it.', { inferenceConfig }) }))).body);
    const withImage = json(
      (await client().send(
        new InvokeModelCommand({ modelId: lite, body: JSON.stringify({ messages: [{ role: 'user', content: [{ image: { format: 'png', source: { bytes: png } } }, { text: 'Describe it.' }] }], inferenceConfig }) }),
      )).body,
    );
    expect(withImage.usage.inputTokens).toBeGreaterThan(plain.usage.inputTokens);
    expect(withImage.usage.totalTokens).toBe(withImage.usage.inputTokens + withImage.usage.outputTokens);
  });

  awsIt.each([
    [{ messages: [{ role: 'user', content: 'hi' }] }, '#/messages/0/content: expected type: JSONArray, found: String'],
    [{ messages: [{ role: 'user', content: [{ text: 'hi' }] }], max_tokens: 10 }, '#: extraneous key [max_tokens] is not permitted'],
    [{ messages: [{ content: [{ text: 'hi' }] }] }, '#/messages/0: required key [role] not found'],
    [{ messages: [{ role: 'user', content: [{ text: 'hi' }, { type: 'text', text: 'x' }] }] }, '#/messages/0/content/1: extraneous key [type] is not permitted'],
    [{ inputText: 'hi' }, '#: required key [messages] not found#: extraneous key [inputText] is not permitted'],
  ])('refuses %j in everit words', async (bad, detail) => {
    const err = await failure(() => client().send(new InvokeModelCommand({ modelId, body: JSON.stringify(bad) })));
    expect(err.name).toBe('ValidationException');
    expect(err.$metadata.httpStatusCode).toBe(400);
    expect(err.message).toBe(`Malformed input request: ${detail}, please reformat your input and try again.`);
  });

  // Both spellings of each sampling key (src/errors.evidence.md "Settled for issue 8"): the user
  // guide's camelCase and the snake_case InvokeModel callers send.
  awsIt('takes the snake_case sampling keys: max_new_tokens, top_p, top_k, stop_sequences', async () => {
    const inferenceConfig = { max_new_tokens: 5, temperature: 0.5, top_p: 0.9, top_k: 20 };
    const body = json((await client().send(new InvokeModelCommand({ modelId, body: ask('Write a long story about a dragon.', { inferenceConfig }) }))).body);
    expect(body.stopReason).toBe('max_tokens');
    expect(body.usage.outputTokens).toBeLessThanOrEqual(5);
    const stopped = json((await client().send(new InvokeModelCommand({ modelId, body: ask('Count from 1 to 10, separated by commas.', { inferenceConfig: { max_new_tokens: 64, stop_sequences: [','] } }) }))).body);
    expect(stopped.stopReason).toBe('stop_sequence');
  });

  emulatorIt('takes the snake_case sampling keys and honours stop_sequences like stopSequences', async () => {
    const snake = json((await client().send(new InvokeModelCommand({ modelId, body: ask('hi', { inferenceConfig: { max_new_tokens: 64, top_p: 0.9, top_k: 20, stop_sequences: ['emulator'] } }) }))).body);
    const camel = json((await client().send(new InvokeModelCommand({ modelId, body: ask('hi', { inferenceConfig: { maxTokens: 64, topP: 0.9, topK: 20, stopSequences: ['emulator'] } }) }))).body);
    expect(snake).toEqual(camel);
    expect(snake.stopReason).toBe('stop_sequence');
  });

  awsIt('refuses maxTokens above the model limit', async () => {
    const err = await failure(() => client().send(new InvokeModelCommand({ modelId, body: ask('hi', { inferenceConfig: { maxTokens: 10001 } }) })));
    expect(err.message).toBe('The maximum tokens you requested exceeds the model limit of 10000. Try again with a maximum tokens value that is lower than 10000.');
  });
});
