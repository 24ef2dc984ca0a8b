// Cohere Command (generate) through InvokeModel and InvokeModelWithResponseStream (FORMATS.md §9).
import { InvokeModelCommand, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect } from 'vitest';
import { countTokens } from '../../src/responder/tokens.js';
import { chunks, failure, json, requireModel, useEmulator } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';

const t = useEmulator();
const modelId = 'cohere.command-light-text-v14';
const LONG = 'Write a detailed, multi-paragraph history of the Roman Empire.';
const COUNT = 'Count from 1 to 10, separated by commas.';

// Under BEDROCK_TARGET=aws its tests skip, naming the model, unless ListFoundationModels lists these.
requireModel(modelId);

/** A `"stream": true` answer cut at max_tokens 10 (capture): ten `{is_finished, text}` chunks, then
 *  the last with finish_reason MAX_TOKENS and the invocation metrics. Returns the last chunk. */
function expectTenTokenStream(events: any[]): any {
  expect(events).toHaveLength(11);
  for (const e of events.slice(0, -1)) expect(Object.keys(e)).toEqual(['is_finished', 'text']);
  expect(events[0].is_finished).toBe(false);
  const last = events[events.length - 1];
  expect(Object.keys(last)).toEqual(['finish_reason', 'is_finished', 'amazon-bedrock-invocationMetrics']);
  expect(last).toMatchObject({ finish_reason: 'MAX_TOKENS', is_finished: true });
  expect(last['amazon-bedrock-invocationMetrics'].outputTokenCount).toBe(10);
  return last;
}

describe.each([['HTTP/2'], ['HTTP/1.1']])('Cohere Command over %s', (protocol) => {
  const client = () => (protocol === 'HTTP/2' ? t.h2 : t.h1);
  const invoke = async (body: unknown) => {
    const res = await client().send(new InvokeModelCommand({ modelId, contentType: 'application/json', accept: 'application/json', body: JSON.stringify(body) }));
    return { res, body: json(res.body) };
  };
  const stream = async (body: unknown) => {
    const res = await client().send(new InvokeModelWithResponseStreamCommand({ modelId, contentType: 'application/json', body: JSON.stringify(body) }));
    return chunks(res.body);
  };

  awsIt('answers id (= request id), generations, prompt in wire order', async () => {
    const { res, body } = await invoke({ prompt: 'Say this is a test', max_tokens: 200, temperature: 0.8, p: 1 });
    expect(Object.keys(body)).toEqual(['id', 'generations', 'prompt']);
    expect(body.id).toBe(res.$metadata.requestId);
    expect(body.prompt).toBe('Say this is a test');
    expect(body.generations).toHaveLength(1);
    expect(Object.keys(body.generations[0])).toEqual(['id', 'text', 'finish_reason']);
    expect(body.generations[0].id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(body.generations[0].finish_reason).toBe('COMPLETE');
  });

  emulatorIt('defaults max_tokens to 20 and stops at max_tokens with MAX_TOKENS', async () => {
    const byDefault = (await invoke({ prompt: 'hi' })).body.generations[0];
    expect(byDefault.finish_reason).toBe('MAX_TOKENS');
    expect(countTokens(byDefault.text)).toBe(20);
    const short = (await invoke({ prompt: 'hi', max_tokens: 5 })).body.generations[0];
    expect(short.finish_reason).toBe('MAX_TOKENS');
    expect(countTokens(short.text)).toBe(5);
  });

  emulatorIt('cuts at a stop sequence and keeps it in the text', async () => {
    const g = (await invoke({ prompt: 'hi', max_tokens: 200, stop_sequences: ['canned'] })).body.generations[0];
    expect(g.text.endsWith('canned')).toBe(true);
    expect(g.text.indexOf('canned')).toBe(g.text.length - 'canned'.length);
    expect(g.finish_reason).toBe('COMPLETE');
  });

  emulatorIt('returns num_generations generations, and likelihoods when asked', async () => {
    const { body } = await invoke({ prompt: 'hi', max_tokens: 10, num_generations: 3, return_likelihoods: 'GENERATION' });
    expect(body.generations).toHaveLength(3);
    expect(new Set(body.generations.map((g: any) => g.id)).size).toBe(3);
    expect(Object.keys(body.generations[0])).toEqual(['id', 'text', 'finish_reason', 'likelihood', 'token_likelihoods']);
    expect(body.generations[0].token_likelihoods).toHaveLength(10);
    expect(Object.keys(body.generations[0].token_likelihoods[0])).toEqual(['token', 'likelihood']);
  });

  emulatorIt('streams token chunks with "stream": true, the last carrying finish_reason and metrics', async () => {
    const events = await stream({ prompt: 'hi', max_tokens: 10, stream: true });
    const last = expectTenTokenStream(events);
    expect(last['amazon-bedrock-invocationMetrics'].inputTokenCount).toBe(1);
    const whole = (await invoke({ prompt: 'hi', max_tokens: 10 })).body.generations[0].text;
    expect(events.slice(0, -1).map((e) => e.text).join('')).toBe(whole);
  });

  emulatorIt('leads chunks with index for several generations and bills each', async () => {
    const events = await stream({ prompt: 'hi', max_tokens: 4, stream: true, num_generations: 2 });
    expect(events).toHaveLength(9);
    expect(Object.keys(events[0])).toEqual(['index', 'is_finished', 'text']);
    expect(events.slice(0, 4).every((e) => e.index === 0)).toBe(true);
    expect(events.slice(4, 8).every((e) => e.index === 1)).toBe(true);
    expect(Object.keys(events[8])).toEqual(['finish_reason', 'is_finished', 'amazon-bedrock-invocationMetrics']);
    expect(events[8]['amazon-bedrock-invocationMetrics']).toMatchObject({ inputTokenCount: 2, outputTokenCount: 8 });
  });

  emulatorIt('without "stream": true streams one chunk holding the whole response', async () => {
    const events = await stream({ prompt: 'hi', max_tokens: 10 });
    expect(events).toHaveLength(1);
    expect(Object.keys(events[0])).toEqual(['id', 'generations', 'prompt', 'amazon-bedrock-invocationMetrics']);
    expect(events[0].generations[0].finish_reason).toBe('MAX_TOKENS');
    expect(events[0]['amazon-bedrock-invocationMetrics'].outputTokenCount).toBe(10);
  });

  // The parts of the scripted tests above that real answers guarantee. LONG cannot be finished in 10
  // tokens; every answer to COUNT has a comma within its first words, and so has the canned text.
  // Chunk shapes and counts: captures invoke-with-response-stream__cohere.command-light-text-v14
  // (one token per chunk, 10 + 1 for max_tokens 10) and its __num_generations2 twin (2 × 10 + 1).
  awsIt('stops at max_tokens with MAX_TOKENS', async () => {
    const short = (await invoke({ prompt: LONG, max_tokens: 5 })).body.generations[0];
    expect(short.finish_reason).toBe('MAX_TOKENS');
  });

  // Cohere's generate API keeps a stop sequence in the text (its end_sequences are the ones left out).
  awsIt('cuts at a stop sequence and keeps it in the text', async () => {
    const g = (await invoke({ prompt: COUNT, max_tokens: 200, stop_sequences: [','] })).body.generations[0];
    expect(g.text.endsWith(',')).toBe(true);
    expect(g.text.indexOf(',')).toBe(g.text.length - 1);
    expect(g.finish_reason).toBe('COMPLETE');
  });

  awsIt('returns num_generations generations, and likelihoods when asked', async () => {
    const { body } = await invoke({ prompt: LONG, max_tokens: 10, num_generations: 3, return_likelihoods: 'GENERATION' });
    expect(body.generations).toHaveLength(3);
    expect(new Set(body.generations.map((g: any) => g.id)).size).toBe(3);
    expect(Object.keys(body.generations[0])).toEqual(['id', 'text', 'finish_reason', 'likelihood', 'token_likelihoods']);
    expect(body.generations[0].token_likelihoods.length).toBeGreaterThan(0);
    expect(body.generations[0].token_likelihoods.length).toBeLessThanOrEqual(10);
    expect(Object.keys(body.generations[0].token_likelihoods[0])).toEqual(['token', 'likelihood']);
  });

  awsIt('streams token chunks with "stream": true, the last carrying finish_reason and metrics (capture)', async () => {
    const events = await stream({ prompt: LONG, max_tokens: 10, stream: true });
    expectTenTokenStream(events);
  });

  awsIt('leads chunks with index for several generations and bills each (capture)', async () => {
    const events = await stream({ prompt: LONG, max_tokens: 4, stream: true, num_generations: 2 });
    expect(events).toHaveLength(9);
    expect(Object.keys(events[0])).toEqual(['index', 'is_finished', 'text']);
    expect(events.slice(0, 8).filter((e) => e.index === 0)).toHaveLength(4);
    expect(events.slice(0, 8).filter((e) => e.index === 1)).toHaveLength(4);
    expect(Object.keys(events[8])).toEqual(['finish_reason', 'is_finished', 'amazon-bedrock-invocationMetrics']);
    expect(events[8]['amazon-bedrock-invocationMetrics'].outputTokenCount).toBe(8);
  });

  awsIt('without "stream": true streams one chunk holding the whole response (FORMATS §9)', async () => {
    const events = await stream({ prompt: LONG, max_tokens: 10 });
    expect(events).toHaveLength(1);
    expect(Object.keys(events[0])).toEqual(['id', 'generations', 'prompt', 'amazon-bedrock-invocationMetrics']);
    expect(events[0].generations[0].finish_reason).toBe('MAX_TOKENS');
    expect(events[0]['amazon-bedrock-invocationMetrics'].outputTokenCount).toBe(10);
  });

  awsIt('refuses unknown keys and wrong types in everit words', async () => {
    const extra = await failure(() => invoke({ prompt: 'hi', top_k: 5 }));
    expect(extra.name).toBe('ValidationException');
    expect(extra.message).toBe('Malformed input request: #: extraneous key [top_k] is not permitted, please reformat your input and try again.');
    const typed = await failure(() => invoke({ max_tokens: '10' }));
    expect(typed.message).toBe('Malformed input request: #: required key [prompt] not found#/max_tokens: expected type: Integer, found: String, please reformat your input and try again.');
    const many = await failure(() => invoke({ prompt: 'hi', num_generations: 6 }));
    expect(many.message).toBe('Malformed input request: #/num_generations: 6 is not less or equal to 5, please reformat your input and try again.');
  });
});
