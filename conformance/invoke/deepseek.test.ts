// DeepSeek R1 (profile only) and V3.1 through InvokeModel and InvokeModelWithResponseStream (FORMATS.md §12).
import { InvokeModelCommand, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect } from 'vitest';
import { countTokens } from '../../src/responder/tokens.js';
import { chunks, failure, json, requireModel, useEmulator } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';

const t = useEmulator();
const r1 = 'us.deepseek.r1-v1:0';
const v3 = 'deepseek.v3-v1:0';

// Under BEDROCK_TARGET=aws its tests skip, naming the model, unless ListFoundationModels lists these.
requireModel(r1, v3);

describe.each([['HTTP/2'], ['HTTP/1.1']])('DeepSeek over %s', (protocol) => {
  const client = () => (protocol === 'HTTP/2' ? t.h2 : t.h1);
  const invoke = async (modelId: string, body: unknown) =>
    json((await client().send(new InvokeModelCommand({ modelId, contentType: 'application/json', accept: 'application/json', body: JSON.stringify(body) }))).body);
  const stream = async (modelId: string, body: unknown) => chunks((await client().send(new InvokeModelWithResponseStreamCommand({ modelId, body: JSON.stringify(body) }))).body);

  emulatorIt('answers choices[{text, stop_reason}]; R1 thinks before </think>', async () => {
    const body = await invoke(r1, { prompt: '<｜begin▁of▁sentence｜><｜User｜>hi<｜Assistant｜><think>\n', max_tokens: 1000 });
    expect(Object.keys(body)).toEqual(['choices']);
    expect(Object.keys(body.choices[0])).toEqual(['text', 'stop_reason']);
    expect(body.choices[0].stop_reason).toBe('stop');
    expect(body.choices[0].text).toMatch(/^\S.*\n<\/think>\n\nHello!/s);
  });

  // R1 always reasons before it answers, and the reasoning is output: 512 leaves room for a greeting
  // (its Converse capture reasoned about 300 tokens on a harder question).
  awsIt('R1 answers choices[{text, stop_reason}], its reasoning closed by </think> before the answer', async () => {
    const body = await invoke(r1, { prompt: '<｜begin▁of▁sentence｜><｜User｜>hi<｜Assistant｜><think>\n', max_tokens: 512 });
    expect(Object.keys(body)).toEqual(['choices']);
    expect(Object.keys(body.choices[0])).toEqual(['text', 'stop_reason']);
    expect(body.choices[0].stop_reason).toBe('stop');
    expect(body.choices[0].text).toMatch(/\n<\/think>\n\n\S/);
  });

  awsIt('V3.1 answers without thinking unless the prompt opens <think>', async () => {
    const plain = await invoke(v3, { prompt: 'hi', max_tokens: 256 });
    expect(plain.choices[0].text).not.toContain('</think>');
    // The thinking must end (</think>) within the limit: some room for it, still half the old 1000.
    const thinking = await invoke(v3, { prompt: '<｜User｜>hi<｜Assistant｜><think>', max_tokens: 512 });
    expect(thinking.choices[0].text).toContain('\n</think>\n\n');
  });

  emulatorIt('stops at max_tokens with length and at a stop sequence with stop', async () => {
    const cut = await invoke(v3, { prompt: 'hi', max_tokens: 6 });
    expect(cut.choices[0]).toMatchObject({ stop_reason: 'length' });
    expect(countTokens(cut.choices[0].text)).toBe(6);
    const stopped = await invoke(v3, { prompt: 'hi', stop: ['canned'] });
    expect(stopped.choices[0]).toEqual({ text: 'Hello! This is bedrock-emulator, answering with ', stop_reason: 'stop' });
  });

  emulatorIt('streams choices chunks, stop_reason null until the last, which carries the metrics', async () => {
    const events = await stream(v3, { prompt: 'hi', max_tokens: 9 });
    expect(events.length).toBe(3);
    for (const e of events.slice(0, -1)) expect(e.choices[0].stop_reason).toBeNull();
    const last = events[events.length - 1];
    expect(Object.keys(last)).toEqual(['choices', 'amazon-bedrock-invocationMetrics']);
    expect(last.choices[0].stop_reason).toBe('length');
    expect(last['amazon-bedrock-invocationMetrics']).toMatchObject({ inputTokenCount: 1, outputTokenCount: 9 });
    expect(events.map((e) => e.choices[0].text).join('')).toBe((await invoke(v3, { prompt: 'hi', max_tokens: 9 })).choices[0].text);
  });

  // Every answer to the counting request has a comma within its first words, and so has the canned text.
  awsIt('stops at max_tokens with length and at a stop sequence with stop, leaving it out', async () => {
    const cut = await invoke(v3, { prompt: 'Write a detailed, multi-paragraph history of the Roman Empire.', max_tokens: 6 });
    expect(cut.choices[0]).toMatchObject({ stop_reason: 'length' });
    const stopped = await invoke(v3, { prompt: '<｜User｜>Count from 1 to 10, separated by commas.<｜Assistant｜>', max_tokens: 256, stop: [','] });
    expect(stopped.choices[0].stop_reason).toBe('stop');
    expect(stopped.choices[0].text).not.toContain(',');
  });

  // langchain-aws reads the last chunk's stop_reason (FORMATS §12); the metrics ride on the last chunk (§0).
  awsIt('streams choices chunks, stop_reason null until the last, which carries the metrics', async () => {
    const events = await stream(v3, { prompt: 'Write a detailed, multi-paragraph history of the Roman Empire.', max_tokens: 9 });
    expect(events.length).toBeGreaterThan(0);
    for (const e of events.slice(0, -1)) expect(e.choices[0].stop_reason).toBeNull();
    const last = events[events.length - 1];
    expect(Object.keys(last)).toEqual(['choices', 'amazon-bedrock-invocationMetrics']);
    expect(last.choices[0].stop_reason).toBe('length');
    expect(last['amazon-bedrock-invocationMetrics'].outputTokenCount).toBe(9);
  });

  awsIt('refuses bodies outside the documented ranges', async () => {
    const missing = await failure(() => invoke(v3, { messages: [] }));
    expect(missing.name).toBe('ValidationException');
    expect(missing.message).toBe('Malformed input request: #: required key [prompt] not found, please reformat your input and try again.');
    const hot = await failure(() => invoke(r1, { prompt: 'hi', temperature: 1.5, max_tokens: 40000 }));
    expect(hot.message).toBe('Malformed input request: #/max_tokens: 40000 is not less or equal to 32768#/temperature: 1.5 is not less or equal to 1, please reformat your input and try again.');
  });
});
