// AI21 Jamba through InvokeModel and InvokeModelWithResponseStream (FORMATS.md §10).
import { InvokeModelCommand, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect } from 'vitest';
import { chunks, failure, json, requireModel, useEmulator } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';

const t = useEmulator();
const modelId = 'ai21.jamba-1-5-mini-v1:0';
const weatherTool = { type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } };

// Under BEDROCK_TARGET=aws its tests skip, naming the model, unless ListFoundationModels lists these.
requireModel(modelId);

describe.each([['HTTP/2'], ['HTTP/1.1']])('Jamba over %s', (protocol) => {
  const client = () => (protocol === 'HTTP/2' ? t.h2 : t.h1);
  const invoke = async (body: unknown) => json((await client().send(new InvokeModelCommand({ modelId, contentType: 'application/json', accept: 'application/json', body: JSON.stringify(body) }))).body);
  const stream = async (body: unknown) => chunks((await client().send(new InvokeModelWithResponseStreamCommand({ modelId, body: JSON.stringify(body) }))).body);

  // `tool_calls: null` and a closing `model` as issue 8 reports real answers (FORMATS.md §10 lists
  // `"meta"?,"model"?` in that order).
  awsIt('answers id, choices, usage, meta, model in order, tool_calls null without a call', async () => {
    const body = await invoke({ messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'hi' }], max_tokens: 256 });
    expect(Object.keys(body)).toEqual(['id', 'choices', 'usage', 'meta', 'model']);
    expect(body.model).toBe('jamba-1.5-mini');
    expect(body.choices[0].message.tool_calls).toBeNull();
    expect(body.id).toMatch(/^chat-[0-9a-f]{32}$/);
    expect(Object.keys(body.choices[0])).toEqual(['index', 'message', 'finish_reason']);
    expect(body.choices[0]).toMatchObject({ index: 0, finish_reason: 'stop', message: { role: 'assistant' } });
    expect(Object.keys(body.usage)).toEqual(['prompt_tokens', 'completion_tokens', 'total_tokens']);
    expect(body.usage.total_tokens).toBe(body.usage.prompt_tokens + body.usage.completion_tokens);
    expect(Number.isInteger(body.meta.requestDurationMillis)).toBe(true);
  });

  emulatorIt('stops at max_tokens with length, at a stop sequence with stop, and answers n choices', async () => {
    const cut = await invoke({ messages: [{ role: 'user', content: 'hi' }], max_tokens: 4 });
    expect(cut.choices[0].finish_reason).toBe('length');
    expect(cut.usage.completion_tokens).toBe(4);
    const stopped = await invoke({ messages: [{ role: 'user', content: 'hi' }], stop: ['canned'] });
    expect(stopped.choices[0]).toMatchObject({ finish_reason: 'stop', message: { content: 'Hello! This is bedrock-emulator, answering with ' } });
    const two = await invoke({ messages: [{ role: 'user', content: 'hi' }], max_tokens: 4, n: 2 });
    expect(two.choices.map((c: any) => c.index)).toEqual([0, 1]);
    expect(two.usage.completion_tokens).toBe(8);
  });

  // What real answers guarantee: a cut at max_tokens, a stop before the sequence (every answer to
  // the counting request has a comma within its first words, and so has the canned text), one choice
  // per n. Whether usage sums the n choices is not documented, so it is not compared.
  awsIt('stops at max_tokens with length, at a stop sequence with stop, and answers n choices', async () => {
    const long = [{ role: 'user', content: 'Write a detailed, multi-paragraph history of the Roman Empire.' }];
    const cut = await invoke({ messages: long, max_tokens: 4 });
    expect(cut.choices[0].finish_reason).toBe('length');
    expect(cut.usage.completion_tokens).toBe(4);
    const stopped = await invoke({ messages: [{ role: 'user', content: 'Count from 1 to 10, separated by commas.' }], max_tokens: 256, stop: [','] });
    expect(stopped.choices[0].finish_reason).toBe('stop');
    expect(stopped.choices[0].message.content).not.toContain(',');
    const two = await invoke({ messages: long, max_tokens: 4, n: 2 });
    expect(two.choices.map((c: any) => c.index)).toEqual([0, 1]);
    expect(two.choices.map((c: any) => c.finish_reason)).toEqual(['length', 'length']);
  });

  awsIt('calls tools with tool_calls', async () => {
    const body = await invoke({ messages: [{ role: 'user', content: 'Weather in Paris?' }], tools: [weatherTool], max_tokens: 256 });
    const message = body.choices[0].message;
    expect(body.choices[0].finish_reason).toBe('tool_calls');
    expect(message.content).toBeNull();
    expect(message.tool_calls[0]).toMatchObject({ type: 'function', function: { name: 'get_weather' } });
    expect(typeof JSON.parse(message.tool_calls[0].function.arguments).city).toBe('string');
  });

  emulatorIt('streams choices[].delta chunks, the last with finish_reason, stop_reason, usage, meta and metrics', async () => {
    const events = await stream({ messages: [{ role: 'user', content: 'hi' }] });
    expect(events[0]).toEqual({ id: events[0].id, choices: [{ index: 0, delta: { role: 'assistant' }, finish_reason: null, stop_reason: null }] });
    const last = events[events.length - 1];
    expect(Object.keys(last)).toEqual(['id', 'choices', 'usage', 'meta', 'amazon-bedrock-invocationMetrics']);
    expect(last.choices[0]).toMatchObject({ finish_reason: 'stop', stop_reason: '<|eom|>' });
    expect(Object.keys(last.usage)).toEqual(['prompt_tokens', 'total_tokens', 'completion_tokens']);
    expect(last['amazon-bedrock-invocationMetrics']).toMatchObject({ inputTokenCount: last.usage.prompt_tokens, outputTokenCount: last.usage.completion_tokens });
    const text = events.slice(1).map((e) => e.choices[0].delta.content).join('');
    expect(text).toBe((await invoke({ messages: [{ role: 'user', content: 'hi' }] })).choices[0].message.content);
  });

  // Only the documented part of the stream (choices[].delta, FORMATS §10) and Bedrock's metrics on
  // the last chunk (FORMATS §0); the chunk keys and Jamba's own stop_reason are not captured.
  awsIt('streams choices[].delta chunks, a stop finish_reason, the metrics on the last chunk', async () => {
    const events = await stream({ messages: [{ role: 'user', content: 'Say hello in one short sentence.' }], max_tokens: 256 });
    expect(events.length).toBeGreaterThan(1);
    const deltas = events.flatMap((e) => e.choices ?? []).map((c: any) => c.delta);
    expect(deltas.every((d: any) => typeof d === 'object' && d !== null)).toBe(true);
    expect(deltas.map((d: any) => d.content ?? '').join('').length).toBeGreaterThan(0);
    expect(events.flatMap((e) => e.choices ?? []).some((c: any) => c.finish_reason === 'stop')).toBe(true);
    const metrics = events.at(-1)['amazon-bedrock-invocationMetrics'];
    expect(metrics.outputTokenCount).toBeGreaterThan(0);
    expect(events.slice(0, -1).every((e) => e['amazon-bedrock-invocationMetrics'] === undefined)).toBe(true);
  });

  awsIt('refuses bodies outside the documented ranges', async () => {
    const missing = await failure(() => invoke({ prompt: 'hi' }));
    expect(missing.name).toBe('ValidationException');
    expect(missing.message).toBe('Malformed input request: #: required key [messages] not found, please reformat your input and try again.');
    const big = await failure(() => invoke({ messages: [{ role: 'user', content: 'hi' }], max_tokens: 5000 }));
    expect(big.message).toBe('Malformed input request: #/max_tokens: 5000 is not less or equal to 4096, please reformat your input and try again.');
  });
});
