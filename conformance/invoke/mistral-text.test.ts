// Mistral text completion through InvokeModel and InvokeModelWithResponseStream (FORMATS.md §8).
import { InvokeModelCommand, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect } from 'vitest';
import { chunks, failure, json, requireModel, useEmulator } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';

const t = useEmulator();
const modelId = 'mistral.mistral-7b-instruct-v0:2';
const prompt = '<s>[INST] Say this is a test [/INST]';
const LONG = '<s>[INST] Write a detailed, multi-paragraph history of the Roman Empire. [/INST]';

// Under BEDROCK_TARGET=aws its tests skip, naming the model, unless ListFoundationModels lists these.
requireModel(modelId, 'mistral.mixtral-8x7b-instruct-v0:1');

/** A stream cut at max_tokens: `outputs` chunks with stop_reason null until the last, which says
 *  `length` and carries the invocation metrics (FORMATS §8). */
function expectCutStream(events: any[], maxTokens: number): void {
  for (const e of events.slice(0, -1)) {
    expect(Object.keys(e)).toEqual(['outputs']);
    expect(e.outputs[0].stop_reason).toBeNull();
  }
  const last = events.at(-1);
  expect(Object.keys(last)).toEqual(['outputs', 'amazon-bedrock-invocationMetrics']);
  expect(last.outputs[0].stop_reason).toBe('length');
  expect(last['amazon-bedrock-invocationMetrics']).toMatchObject({ outputTokenCount: maxTokens });
}

describe.each([['HTTP/2'], ['HTTP/1.1']])('Mistral text over %s', (protocol) => {
  const client = () => (protocol === 'HTTP/2' ? t.h2 : t.h1);
  const invoke = async (body: unknown, id = modelId) => json((await client().send(new InvokeModelCommand({ modelId: id, contentType: 'application/json', accept: 'application/json', body: JSON.stringify(body) }))).body);

  awsIt('answers with outputs[{text, stop_reason}]', async () => {
    const body = await invoke({ prompt, max_tokens: 256, temperature: 0.5 });
    expect(Object.keys(body)).toEqual(['outputs']);
    expect(body.outputs).toHaveLength(1);
    expect(Object.keys(body.outputs[0])).toEqual(['text', 'stop_reason']);
    expect(body.outputs[0].text.length).toBeGreaterThan(0);
    expect(body.outputs[0].stop_reason).toBe('stop');
  });

  emulatorIt('stops at max_tokens with length, and the output header agrees', async () => {
    const res = await fetch(`${t.url}/model/${encodeURIComponent(modelId)}/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer x' },
      body: JSON.stringify({ prompt, max_tokens: 10 }),
    });
    const body = await res.json();
    expect(body.outputs[0].stop_reason).toBe('length');
    expect(res.headers.get('x-amzn-bedrock-output-token-count')).toBe('10');
    expect(Number(res.headers.get('x-amzn-bedrock-input-token-count'))).toBeGreaterThan(0);
  });

  emulatorIt('stops before a stop sequence with stop', async () => {
    const body = await invoke({ prompt, stop: ['canned'] });
    expect(body.outputs[0].stop_reason).toBe('stop');
    expect(body.outputs[0].text).not.toContain('canned');
    expect((await invoke({ prompt })).outputs[0].text).toContain('canned');
  });

  emulatorIt('streams outputs chunks with stop_reason null until the last, which carries the metrics', async () => {
    const res = await client().send(new InvokeModelWithResponseStreamCommand({ modelId, body: JSON.stringify({ prompt, max_tokens: 5 }) }));
    const events = await chunks(res.body);
    expect(events).toHaveLength(5);
    expectCutStream(events, 5);
  });

  // The parts of the scripted tests above that real answers guarantee (FORMATS §8: stop_reason stop
  // or length; the stream's chunks from the SDKs). LONG cannot be finished in 10 tokens; every answer
  // to COUNT has a comma within its first words, and so has the canned text.
  awsIt('stops at max_tokens with length', async () => {
    expect((await invoke({ prompt: LONG, max_tokens: 10 })).outputs[0].stop_reason).toBe('length');
  });

  awsIt('stops before a stop sequence with stop', async () => {
    const body = await invoke({ prompt: '<s>[INST] Count from 1 to 10, separated by commas. [/INST]', max_tokens: 256, stop: [','] });
    expect(body.outputs[0].stop_reason).toBe('stop');
    expect(body.outputs[0].text).not.toContain(',');
  });

  awsIt('streams outputs chunks with stop_reason null until the last, which carries the metrics', async () => {
    const res = await client().send(new InvokeModelWithResponseStreamCommand({ modelId, body: JSON.stringify({ prompt: LONG, max_tokens: 5 }) }));
    expectCutStream(await chunks(res.body), 5);
  });

  awsIt.each([
    [{ prompt, stop: Array(11).fill('x') }, '#/stop: expected maximum item count: 10, found: 11'],
    [{ messages: [] }, '#: required key [prompt] not found'],
  ])('refuses %j in everit words', async (bad, detail) => {
    const err = await failure(() => client().send(new InvokeModelCommand({ modelId, body: JSON.stringify(bad) })));
    expect(err.name).toBe('ValidationException');
    expect(err.$metadata.httpStatusCode).toBe(400);
    expect(err.message).toBe(`Malformed input request: ${detail}, please reformat your input and try again.`);
  });

  awsIt('refuses max_tokens above the model limit', async () => {
    const err = await failure(() => client().send(new InvokeModelCommand({ modelId: 'mistral.mixtral-8x7b-instruct-v0:1', body: JSON.stringify({ prompt, max_tokens: 5000 }) })));
    expect(err.message).toBe('The maximum tokens you requested exceeds the model limit of 4096. Try again with a maximum tokens value that is lower than 4096.');
  });
});
