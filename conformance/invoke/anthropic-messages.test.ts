// Anthropic Claude, Messages API, through InvokeModel and InvokeModelWithResponseStream
// (FORMATS.md §1, seed 002, src/errors.evidence.md §2–3).
import { InvokeModelCommand, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect } from 'vitest';
import { chunks, failure, json, requireModel, useEmulator } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';

const t = useEmulator();
const modelId = 'anthropic.claude-3-haiku-20240307-v1:0';
const thinkingModel = 'us.anthropic.claude-3-7-sonnet-20250219-v1:0';
const VERSION = 'bedrock-2023-05-31';
const ask = (content: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ anthropic_version: VERSION, max_tokens: 256, messages: [{ role: 'user', content }], ...extra });
const weather = {
  tools: [
    {
      name: 'get_current_weather',
      description: 'Get the current weather in a given location.',
      input_schema: { type: 'object', properties: { location: { type: 'string', description: 'The name of the city' } }, required: ['location'] },
    },
  ],
};
// A request a real model cannot finish in 5 tokens; one whose every answer has a comma within its
// first words (so has the emulator's canned text).
const LONG = 'Write a detailed, multi-paragraph history of the Roman Empire.';
const COUNT = 'Count from 1 to 10, separated by commas.';
const signed = { 'content-type': 'application/json', authorization: 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/us-east-1/bedrock/aws4_request, SignedHeaders=host, Signature=0' };
const raw = (model: string, body: string) => fetch(`${t.url}/model/${encodeURIComponent(model)}/invoke`, { method: 'POST', headers: signed, body });

// Under BEDROCK_TARGET=aws its tests skip, naming the model, unless ListFoundationModels lists these.
requireModel(modelId, thinkingModel);

describe.each([['HTTP/2'], ['HTTP/1.1']])('Claude Messages over %s', (protocol) => {
  const client = () => (protocol === 'HTTP/2' ? t.h2 : t.h1);
  const invoke = async (body: string, model = modelId) => json((await client().send(new InvokeModelCommand({ modelId: model, body }))).body);
  const stream = async (body: string, model = modelId) =>
    chunks((await client().send(new InvokeModelWithResponseStreamCommand({ modelId: model, body }))).body);
  const refusal = async (body: string, model = modelId) => {
    const err = await failure(() => client().send(new InvokeModelCommand({ modelId: model, body })));
    expect(err.name).toBe('ValidationException');
    expect(err.$metadata.httpStatusCode).toBe(400);
    return err.message as string;
  };

  awsIt('answers with the native body, keys in wire order (capture messages-api)', async () => {
    // The capture's answer to this question took 246 output tokens, and the test wants end_turn.
    const body = await invoke(ask('Can you explain LLMs in plain English?', { max_tokens: 300 }));
    expect(Object.keys(body)).toEqual(['id', 'type', 'role', 'model', 'content', 'stop_reason', 'stop_sequence', 'usage']);
    expect(body.id).toMatch(/^msg_bdrk_01[0-9A-Za-z]{22}$/);
    expect(body).toMatchObject({ type: 'message', role: 'assistant', model: 'claude-3-haiku-20240307', stop_reason: 'end_turn', stop_sequence: null });
    expect(Object.keys(body.content[0])).toEqual(['type', 'text']);
    expect(Object.keys(body.usage)).toEqual(['input_tokens', 'output_tokens']);
    expect(Number.isInteger(body.usage.input_tokens) && body.usage.output_tokens > 0).toBe(true);
  });

  emulatorIt('takes a string or block content and a block system prompt', async () => {
    const a = await invoke(ask('hello', { system: 'Be brief.' }));
    const b = await invoke(ask([{ type: 'text', text: 'hello' }], { system: [{ type: 'text', text: 'Be brief.' }] }));
    expect(a.usage).toEqual(b.usage);
  });

  awsIt('takes a string or block content and a string or block system prompt, counting them alike', async () => {
    const a = await invoke(ask('hello', { system: 'Be brief.', max_tokens: 20 }));
    const b = await invoke(ask([{ type: 'text', text: 'hello' }], { system: [{ type: 'text', text: 'Be brief.' }], max_tokens: 20 }));
    expect([a.type, b.type]).toEqual(['message', 'message']);
    expect(a.usage.input_tokens).toBe(b.usage.input_tokens);
  });

  emulatorIt('stops at max_tokens and at a stop sequence', async () => {
    const cut = await invoke(ask('hi', { max_tokens: 5 }));
    expect(cut).toMatchObject({ stop_reason: 'max_tokens', stop_sequence: null, usage: { output_tokens: 5 } });
    const stopped = await invoke(ask('hi', { stop_sequences: ['bedrock'] }));
    expect(stopped.stop_reason).toBe('stop_sequence');
    expect(stopped.stop_sequence).toBe('bedrock');
    expect(stopped.content[0].text).not.toContain('bedrock');
  });

  awsIt('stops at max_tokens and at a stop sequence, which it names and leaves out', async () => {
    const cut = await invoke(ask(LONG, { max_tokens: 5 }));
    expect(cut).toMatchObject({ stop_reason: 'max_tokens', stop_sequence: null, usage: { output_tokens: 5 } });
    const stopped = await invoke(ask(COUNT, { stop_sequences: [','] }));
    expect(stopped.stop_reason).toBe('stop_sequence');
    expect(stopped.stop_sequence).toBe(',');
    expect(stopped.content[0].text).not.toContain(',');
  });

  emulatorIt('streams message_start … message_stop with the metrics on the last event', async () => {
    const whole = await invoke(ask('hi'));
    const events = await stream(ask('hi'));
    const types = events.map((e) => e.type);
    expect(types[0]).toBe('message_start');
    expect(types.slice(1, 3)).toEqual(['content_block_start', 'content_block_delta']);
    expect(types.slice(-4)).toEqual(['content_block_delta', 'content_block_stop', 'message_delta', 'message_stop']);
    expect(Object.keys(events[0].message)).toEqual(['id', 'type', 'role', 'model', 'content', 'stop_reason', 'stop_sequence', 'usage']);
    expect(events[0].message.usage.output_tokens).toBe(1);
    expect(events[1]).toEqual({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } });
    const text = events.filter((e) => e.type === 'content_block_delta').map((e) => e.delta.text).join('');
    expect(text).toBe(whole.content[0].text);
    const delta = events.at(-2);
    expect(delta).toEqual({ type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: whole.usage.output_tokens } });
    const last = events.at(-1);
    expect(Object.keys(last)).toEqual(['type', 'amazon-bedrock-invocationMetrics']);
    expect(last['amazon-bedrock-invocationMetrics']).toMatchObject({ inputTokenCount: whole.usage.input_tokens, outputTokenCount: whole.usage.output_tokens });
  });

  // The captures' event sequence (FORMATS §1), without the emulator's text or counts. message_delta's
  // output_tokens may differ from invocationMetrics.outputTokenCount (Claude 3.5 Sonnet captures), so
  // they are not compared.
  awsIt('streams message_start … message_stop with the metrics on the last event', async () => {
    const events = await stream(ask('Say hello in one short sentence.'));
    const types = events.map((e) => e.type);
    expect(types[0]).toBe('message_start');
    expect(types.slice(1, 3)).toEqual(['content_block_start', 'content_block_delta']);
    expect(types.slice(-4)).toEqual(['content_block_delta', 'content_block_stop', 'message_delta', 'message_stop']);
    expect(new Set(types.slice(2, -3))).toEqual(new Set(['content_block_delta']));
    expect(Object.keys(events[0].message)).toEqual(['id', 'type', 'role', 'model', 'content', 'stop_reason', 'stop_sequence', 'usage']);
    expect(events[0].message).toMatchObject({ role: 'assistant', content: [], stop_reason: null, stop_sequence: null });
    expect(events[1]).toEqual({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } });
    const text = events.filter((e) => e.type === 'content_block_delta').map((e) => e.delta.text).join('');
    expect(text.length).toBeGreaterThan(0);
    const delta = events.at(-2);
    expect(delta).toEqual({ type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: expect.any(Number) } });
    const last = events.at(-1);
    expect(Object.keys(last)).toEqual(['type', 'amazon-bedrock-invocationMetrics']);
    expect(Object.keys(last['amazon-bedrock-invocationMetrics']).slice(0, 4)).toEqual(['inputTokenCount', 'outputTokenCount', 'invocationLatency', 'firstByteLatency']);
    expect(last['amazon-bedrock-invocationMetrics'].inputTokenCount).toBe(events[0].message.usage.input_tokens);
  });

  awsIt('calls a tool: tool_use block, then input_json_delta pieces that rebuild the input', async () => {
    const body = await invoke(ask('Weather in Seattle?', weather));
    expect(body.stop_reason).toBe('tool_use');
    const call = body.content.find((b: any) => b.type === 'tool_use');
    expect(Object.keys(call)).toEqual(['type', 'id', 'name', 'input']);
    expect(call.id).toMatch(/^toolu_bdrk_01[0-9A-Za-z]{22}$/);
    expect(call.name).toBe('get_current_weather');
    expect(typeof call.input.location).toBe('string');

    const events = await stream(ask('Weather in Seattle?', weather));
    const start = events.find((e) => e.type === 'content_block_start' && e.content_block.type === 'tool_use');
    expect(start.content_block).toEqual({ type: 'tool_use', id: expect.stringMatching(/^toolu_bdrk_01/), name: 'get_current_weather', input: {} });
    const partials = events.filter((e) => e.index === start.index && e.type === 'content_block_delta').map((e) => e.delta);
    expect(partials[0]).toEqual({ type: 'input_json_delta', partial_json: '' });
    expect(JSON.parse(partials.map((d) => d.partial_json).join(''))).toEqual(call.input);
    expect(events.at(-2).delta.stop_reason).toBe('tool_use');
  });

  awsIt('answers a tool_result with text, and honours tool_choice none', async () => {
    const history = JSON.stringify({
      anthropic_version: VERSION,
      max_tokens: 200,
      ...weather,
      messages: [
        { role: 'user', content: 'Weather in Seattle?' },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_bdrk_01KatiGijVFb9yuMPcnVk38e', name: 'get_current_weather', input: { location: 'Seattle' } }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_bdrk_01KatiGijVFb9yuMPcnVk38e', content: '50 degrees and raining' }] },
      ],
    });
    expect((await invoke(history)).stop_reason).toBe('end_turn');
    expect((await invoke(ask('hi', { ...weather, tool_choice: { type: 'none' } }))).content[0].type).toBe('text');
  });

  awsIt('thinks first when thinking is enabled (signature; thinking_delta then signature_delta)', async () => {
    // max_tokens must exceed budget_tokens, itself at least 1024: the budget plus 256 for the answer.
    const req = ask('hi', { max_tokens: 1024 + 256, thinking: { type: 'enabled', budget_tokens: 1024 } });
    const body = await invoke(req, thinkingModel);
    expect(Object.keys(body.content[0])).toEqual(['type', 'thinking', 'signature']);
    expect(body.content[0].signature.length).toBeGreaterThan(0);
    expect(body.content[1].type).toBe('text');
    const events = await stream(req, thinkingModel);
    expect(events[1].content_block).toEqual({ type: 'thinking', thinking: '', signature: '' });
    const kinds = events.filter((e) => e.index === 0 && e.type === 'content_block_delta').map((e) => e.delta.type);
    expect(kinds.at(-1)).toBe('signature_delta');
    expect(new Set(kinds.slice(0, -1))).toEqual(new Set(['thinking_delta']));
  });

  emulatorIt('reports prompt caching: write, then read, in the body, headers and metrics', async () => {
    const system = [{ type: 'text', text: `${protocol} ${'All work and no play makes Jack a dull boy. '.repeat(300)}`, cache_control: { type: 'ephemeral' } }];
    const req = ask('How do I write js?', { system });
    const first = await raw(modelId, req);
    const a = await first.json();
    expect(Object.keys(a.usage)).toEqual(['input_tokens', 'cache_creation_input_tokens', 'cache_read_input_tokens', 'output_tokens']);
    expect(a.usage.cache_creation_input_tokens).toBeGreaterThan(2048);
    expect(a.usage.cache_read_input_tokens).toBe(0);
    expect(first.headers.get('x-amzn-bedrock-cache-write-input-token-count')).toBe(String(a.usage.cache_creation_input_tokens));
    expect(first.headers.get('x-amzn-bedrock-cache-read-input-token-count')).toBe('0');
    expect(first.headers.get('x-amzn-bedrock-input-token-count')).toBe(String(a.usage.input_tokens));
    const b = await invoke(req);
    expect(b.usage).toMatchObject({ input_tokens: a.usage.input_tokens, cache_creation_input_tokens: 0, cache_read_input_tokens: a.usage.cache_creation_input_tokens });
    const events = await stream(req);
    expect(events[0].message.usage).toMatchObject({ cache_read_input_tokens: a.usage.cache_creation_input_tokens });
    expect(events.at(-1)['amazon-bedrock-invocationMetrics']).toMatchObject({ cacheReadInputTokenCount: a.usage.cache_creation_input_tokens, cacheWriteInputTokenCount: 0 });
    // Without cache_control the usage keeps its two keys and there are no cache headers.
    const plain = await raw(modelId, ask('hi'));
    expect(plain.headers.get('x-amzn-bedrock-cache-read-input-token-count')).toBeNull();
  });

  // Claude 3.5 Haiku caches (capture invoke__anthropic.claude-3-5-haiku-20241022-v1_0__prompt-caching;
  // Claude 3 Haiku does not). A fresh nonce leads the prefix so that no earlier run wrote it; the
  // repeat reads it, or writes it again if the cache lost it: the same count either way. The
  // X-Amzn-Bedrock-Cache-* headers are not visible through the SDK (the [emulator] test reads them).
  awsIt('reports prompt caching: write, then read, in the body usage and the stream', async () => {
    const haiku35 = 'anthropic.claude-3-5-haiku-20241022-v1:0';
    await requireModel(haiku35);
    const nonce = `Run ${Date.now()}-${Math.random().toString(36).slice(2)}.`;
    const system = [{ type: 'text', text: `${nonce} ${'All work and no play makes Jack a dull boy. '.repeat(300)}`, cache_control: { type: 'ephemeral' } }];
    const req = ask('How do I write js?', { system, max_tokens: 32 });
    const a = await invoke(req, haiku35);
    expect(Object.keys(a.usage)).toEqual(['input_tokens', 'cache_creation_input_tokens', 'cache_read_input_tokens', 'output_tokens']);
    expect(a.usage.cache_creation_input_tokens).toBeGreaterThan(2048);
    expect(a.usage.cache_read_input_tokens).toBe(0);
    const b = await invoke(req, haiku35);
    expect(b.usage.input_tokens).toBe(a.usage.input_tokens);
    expect(b.usage.cache_creation_input_tokens + b.usage.cache_read_input_tokens).toBe(a.usage.cache_creation_input_tokens);
    const events = await stream(req, haiku35);
    const usage = events[0].message.usage;
    expect(usage.cache_creation_input_tokens + usage.cache_read_input_tokens).toBe(a.usage.cache_creation_input_tokens);
  });

  awsIt('refuses anthropic_version other than bedrock-2023-05-31 (seed 002) and a missing one', async () => {
    expect(await refusal(JSON.stringify({ anthropic_version: 'bedrock-2023-06-01', max_tokens: 100, messages: [{ role: 'user', content: 'Hello' }] })))
      .toBe('Invalid API version: bedrock-2023-06-01');
    expect(await refusal(JSON.stringify({ max_tokens: 100, messages: [{ role: 'user', content: 'Hello' }] }))).toBe('anthropic_version: Field required');
  });

  awsIt('words schema failures as everit does, behind the anyOf prefix', async () => {
    expect(await refusal(JSON.stringify({ anthropic_version: VERSION, messages: [{ role: 'user', content: 'hi' }] }))).toBe(
      'Malformed input request: #: subject must not be valid against schema {"required":["messages"]}#: required key [max_tokens] not found, please reformat your input and try again.',
    );
    expect(await refusal(ask('hi', { temperature: null }))).toBe(
      'Malformed input request: #: subject must not be valid against schema {"required":["messages"]}#/temperature: expected type: Number, found: Null, please reformat your input and try again.',
    );
  });

  emulatorIt('refuses model and stream keys byte for byte (240-byte capture)', async () => {
    const res = await raw(modelId, JSON.stringify({ model: 'claude-3-haiku-20240307', anthropic_version: VERSION, max_tokens: 100, messages: [{ role: 'user', content: 'hi' }], stream: true }));
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).toBe(
      '{"message":"Malformed input request: #: subject must not be valid against schema {\\"required\\":[\\"messages\\"]}#: extraneous key [stream] is not permitted#: extraneous key [model] is not permitted, please reformat your input and try again."}',
    );
    expect(Buffer.byteLength(text)).toBe(240);
  });

  awsIt('refuses model and stream keys in everit words (240-byte capture)', async () => {
    expect(await refusal(JSON.stringify({ model: 'claude-3-haiku-20240307', anthropic_version: VERSION, max_tokens: 100, messages: [{ role: 'user', content: 'hi' }], stream: true }))).toBe(
      'Malformed input request: #: subject must not be valid against schema {"required":["messages"]}#: extraneous key [stream] is not permitted#: extraneous key [model] is not permitted, please reformat your input and try again.',
    );
  });

  awsIt('refuses max_tokens above the model limit, and a Text Completions body', async () => {
    expect(await refusal(ask('hi', { max_tokens: 4097 }))).toBe(
      'The maximum tokens you requested exceeds the model limit of 4096. Try again with a maximum tokens value that is lower than 4096.',
    );
    expect(await refusal(JSON.stringify({ prompt: '\n\nHuman: hi\n\nAssistant:', max_tokens_to_sample: 50 }))).toBe(
      '"claude-3-haiku-20240307" is not supported on this API. Please use the Messages API instead.',
    );
  });

  awsIt('enforces the conversation rules in Anthropic words', async () => {
    const two = (messages: unknown) => JSON.stringify({ anthropic_version: VERSION, max_tokens: 50, messages });
    expect(await refusal(two([{ role: 'user', content: 'a' }, { role: 'user', content: 'b' }]))).toBe(
      'messages: roles must alternate between "user" and "assistant", but found multiple "user" roles in a row',
    );
    expect(await refusal(two([{ role: 'user', content: '' }]))).toBe(
      'messages.0: all messages must have non-empty content except for the optional final assistant message',
    );
    expect(await refusal(two([{ role: 'user', content: [{ type: 'text', text: '' }] }]))).toBe('messages: text content blocks must be non-empty');
    expect(await refusal(two([{ role: 'user', content: [] }]))).toBe(
      'Malformed input request: #: subject must not be valid against schema {"required":["messages"]}#/messages/0/content: expected minimum item count: 1, found: 0#/messages/0/content: expected type: String, found: JSONArray, please reformat your input and try again.',
    );
    // A final assistant message may be empty (prefill).
    expect((await invoke(two([{ role: 'user', content: 'a' }, { role: 'assistant', content: '' }]))).type).toBe('message');
  });

  awsIt('checks the thinking budget', async () => {
    expect(await refusal(ask('hi', { max_tokens: 2000, thinking: { type: 'enabled', budget_tokens: 512 } }), thinkingModel)).toBe(
      'thinking.enabled.budget_tokens: Input should be greater than or equal to 1024',
    );
    expect(await refusal(ask('hi', { max_tokens: 1024, thinking: { type: 'enabled', budget_tokens: 1024 } }), thinkingModel)).toMatch(
      /^`max_tokens` must be greater than `thinking.budget_tokens`\. Please consult our documentation at https:\/\//,
    );
  });
});
