// Meta Llama through InvokeModel and InvokeModelWithResponseStream (FORMATS.md §7).
import { InvokeModelCommand, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect } from 'vitest';
import { chunks, failure, json, requireModel, useEmulator } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';

const t = useEmulator();
const modelId = 'meta.llama3-70b-instruct-v1:0';
const prompt = '<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nTell me a joke<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n';

// Under BEDROCK_TARGET=aws its tests skip, naming the model, unless ListFoundationModels lists these.
requireModel(modelId);

describe.each([['HTTP/2'], ['HTTP/1.1']])('Llama over %s', (protocol) => {
  const client = () => (protocol === 'HTTP/2' ? t.h2 : t.h1);

  awsIt('answers with the native body, keys in wire order, and the token headers', async () => {
    const res = await client().send(
      new InvokeModelCommand({ modelId, contentType: 'application/json', accept: 'application/json', body: JSON.stringify({ prompt, max_gen_len: 256, temperature: 0.5, top_p: 0.9 }) }),
    );
    const body = json(res.body);
    expect(Object.keys(body)).toEqual(['generation', 'prompt_token_count', 'generation_token_count', 'stop_reason']);
    expect(typeof body.generation).toBe('string');
    expect(body.generation.length).toBeGreaterThan(0);
    expect(Number.isInteger(body.prompt_token_count)).toBe(true);
    expect(body.stop_reason).toBe('stop');
  });

  awsIt('stops at max_gen_len with length', async () => {
    const res = await client().send(new InvokeModelCommand({ modelId, body: JSON.stringify({ prompt: 'hi', max_gen_len: 7 }) }));
    const body = json(res.body);
    expect(body).toMatchObject({ generation_token_count: 7, stop_reason: 'length' });
  });

  emulatorIt('streams token chunks: prompt count first only, cumulative generation count, metrics last', async () => {
    const res = await client().send(new InvokeModelWithResponseStreamCommand({ modelId, body: JSON.stringify({ prompt: 'hi', max_gen_len: 6 }) }));
    const events = await chunks(res.body);
    expect(events).toHaveLength(6);
    events.forEach((e, i) => {
      expect(e.generation_token_count).toBe(i + 1);
      if (i > 0) expect(e.prompt_token_count).toBeNull();
      if (i < 5) expect(Object.keys(e)).toEqual(['generation', 'prompt_token_count', 'generation_token_count', 'stop_reason']);
      if (i < 5) expect(e.stop_reason).toBeNull();
    });
    expect(Number.isInteger(events[0].prompt_token_count)).toBe(true);
    const last = events[5];
    expect(Object.keys(last)).toEqual(['generation', 'prompt_token_count', 'generation_token_count', 'stop_reason', 'amazon-bedrock-invocationMetrics']);
    expect(last.stop_reason).toBe('length');
    expect(Object.keys(last['amazon-bedrock-invocationMetrics'])).toEqual(['inputTokenCount', 'outputTokenCount', 'invocationLatency', 'firstByteLatency']);
    expect(last['amazon-bedrock-invocationMetrics']).toMatchObject({ inputTokenCount: events[0].prompt_token_count, outputTokenCount: 6 });
  });

  emulatorIt('streams a whole answer ending with stop', async () => {
    const res = await client().send(new InvokeModelWithResponseStreamCommand({ modelId, body: JSON.stringify({ prompt }) }));
    const events = await chunks(res.body);
    const whole = json((await client().send(new InvokeModelCommand({ modelId, body: JSON.stringify({ prompt }) }))).body);
    expect(events.map((e) => e.generation).join('')).toBe(whole.generation);
    expect(events.at(-1).stop_reason).toBe('stop');
    expect(events.at(-1).generation_token_count).toBe(whole.generation_token_count);
  });

  // Capture invoke-with-response-stream__meta.llama2-13b-chat-v1: generation_token_count is
  // cumulative, prompt_token_count is set on the first chunk only, the metrics ride on the last.
  awsIt('streams chunks: prompt count first only, cumulative generation count, metrics last', async () => {
    const res = await client().send(new InvokeModelWithResponseStreamCommand({ modelId, body: JSON.stringify({ prompt, max_gen_len: 6 }) }));
    const events = await chunks(res.body);
    const counts = events.map((e) => e.generation_token_count);
    expect(counts.every((n, i) => i === 0 || n > counts[i - 1])).toBe(true);
    expect(counts.at(-1)).toBe(6);
    expect(Number.isInteger(events[0].prompt_token_count)).toBe(true);
    for (const e of events.slice(1)) expect(e.prompt_token_count).toBeNull();
    for (const e of events.slice(0, -1)) {
      expect(Object.keys(e)).toEqual(['generation', 'prompt_token_count', 'generation_token_count', 'stop_reason']);
      expect(e.stop_reason).toBeNull();
    }
    const last = events.at(-1);
    expect(Object.keys(last)).toEqual(['generation', 'prompt_token_count', 'generation_token_count', 'stop_reason', 'amazon-bedrock-invocationMetrics']);
    expect(last.stop_reason).toBe('length');
    expect(Object.keys(last['amazon-bedrock-invocationMetrics']).slice(0, 4)).toEqual(['inputTokenCount', 'outputTokenCount', 'invocationLatency', 'firstByteLatency']);
    expect(last['amazon-bedrock-invocationMetrics']).toMatchObject({ inputTokenCount: events[0].prompt_token_count, outputTokenCount: 6 });
  });

  awsIt('streams a whole answer ending with stop', async () => {
    // A joke fits in 256 tokens.
    const res = await client().send(new InvokeModelWithResponseStreamCommand({ modelId, body: JSON.stringify({ prompt, max_gen_len: 256 }) }));
    const events = await chunks(res.body);
    expect(events.map((e) => e.generation).join('').length).toBeGreaterThan(0);
    expect(events.at(-1).stop_reason).toBe('stop');
    expect(events.at(-1).generation_token_count).toBeGreaterThan(0);
  });

  awsIt('refuses max_gen_len above 2048 with the schema wording', async () => {
    const err = await failure(() => client().send(new InvokeModelCommand({ modelId, body: JSON.stringify({ prompt: 'hi', max_gen_len: 8192 }) })));
    expect(err.name).toBe('ValidationException');
    expect(err.$metadata.httpStatusCode).toBe(400);
    expect(err.message).toBe('Malformed input request: #/max_gen_len: 8192 is not less or equal to 2048, please reformat your input and try again.');
  });

  awsIt('refuses max_gen_length as an extraneous key', async () => {
    const err = await failure(() => client().send(new InvokeModelCommand({ modelId, body: JSON.stringify({ prompt: 'hi', max_gen_length: 10 }) })));
    expect(err.message).toBe('Malformed input request: #: extraneous key [max_gen_length] is not permitted, please reformat your input and try again.');
  });

  awsIt('words Llama 2 errors as everit\'s top-level message', async () => {
    await requireModel('meta.llama2-13b-chat-v1');
    const err = await failure(() => client().send(new InvokeModelCommand({ modelId: 'meta.llama2-13b-chat-v1', body: JSON.stringify({ inputText: 'hi', maxTokens: 5 }) })));
    expect(err.message).toBe('Malformed input request: 3 schema violations found, please reformat your input and try again.');
  });
});
