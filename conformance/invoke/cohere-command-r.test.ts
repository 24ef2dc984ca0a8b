// Cohere Command R / R+ through InvokeModel and InvokeModelWithResponseStream (FORMATS.md §9).
import { InvokeModelCommand, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect } from 'vitest';
import { countTokens } from '../../src/responder/tokens.js';
import { chunks, failure, json, requireModel, useEmulator } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';

const t = useEmulator();
const modelId = 'cohere.command-r-v1:0';
const weatherTool = { name: 'get_weather', description: 'Weather in a city', parameter_definitions: { city: { description: 'The city', type: 'str', required: true } } };

// Under BEDROCK_TARGET=aws its tests skip, naming the model, unless ListFoundationModels lists these.
requireModel(modelId);

describe.each([['HTTP/2'], ['HTTP/1.1']])('Cohere Command R over %s', (protocol) => {
  const client = () => (protocol === 'HTTP/2' ? t.h2 : t.h1);
  const invoke = async (body: unknown) => json((await client().send(new InvokeModelCommand({ modelId, contentType: 'application/json', accept: 'application/json', body: JSON.stringify(body) }))).body);
  const stream = async (body: unknown) => chunks((await client().send(new InvokeModelWithResponseStreamCommand({ modelId, contentType: 'application/json', body: JSON.stringify(body) }))).body);

  awsIt('answers with the native keys in order and the conversation so far', async () => {
    const history = [{ role: 'USER', message: 'Who discovered gravity?' }, { role: 'CHATBOT', message: 'Isaac Newton.' }];
    const body = await invoke({ message: 'When?', chat_history: history, max_tokens: 256 });
    expect(Object.keys(body)).toEqual(['response_id', 'text', 'generation_id', 'chat_history', 'finish_reason']);
    expect(body.finish_reason).toBe('COMPLETE');
    expect(body.chat_history).toEqual([...history, { role: 'USER', message: 'When?' }, { role: 'CHATBOT', message: body.text }]);
    expect(body.generation_id).not.toBe(body.response_id);
  });

  emulatorIt('stops at max_tokens with MAX_TOKENS', async () => {
    const body = await invoke({ message: 'hi', max_tokens: 7 });
    expect(body.finish_reason).toBe('MAX_TOKENS');
    expect(countTokens(body.text)).toBe(7);
  });

  emulatorIt('stops at a stop sequence', async () => {
    const body = await invoke({ message: 'hi', stop_sequences: ['canned'] });
    expect(body.finish_reason).toBe('COMPLETE');
    expect(body.text).toBe('Hello! This is bedrock-emulator, answering with ');
  });

  awsIt('stops at max_tokens with MAX_TOKENS', async () => {
    const body = await invoke({ message: 'Write a detailed, multi-paragraph history of the Roman Empire.', max_tokens: 7 });
    expect(body.finish_reason).toBe('MAX_TOKENS');
  });

  // Cohere's chat API leaves the sequence out of the text. Which finish_reason names it on
  // Bedrock's Command R is not captured (the emulator says COMPLETE; Cohere's later API versions
  // have STOP_SEQUENCE), so either is accepted. Every answer to the counting request has a comma
  // within its first words, and so has the canned text.
  awsIt('stops at a stop sequence, leaving it out', async () => {
    const body = await invoke({ message: 'Count from 1 to 10, separated by commas.', max_tokens: 256, stop_sequences: [','] });
    expect(['COMPLETE', 'STOP_SEQUENCE']).toContain(body.finish_reason);
    expect(body.text).not.toContain(',');
  });

  awsIt('calls tools, then answers their results', async () => {
    const body = await invoke({ message: 'Weather in Paris?', tools: [weatherTool], max_tokens: 256 });
    expect(Object.keys(body)).toEqual(['response_id', 'text', 'generation_id', 'chat_history', 'finish_reason', 'tool_calls']);
    expect(body.tool_calls).toHaveLength(1);
    expect(Object.keys(body.tool_calls[0])).toEqual(['name', 'parameters']);
    expect(body.tool_calls[0].name).toBe('get_weather');
    expect(typeof body.tool_calls[0].parameters.city).toBe('string');
    const answered = await invoke({ message: '', tools: [weatherTool], tool_results: [{ call: body.tool_calls[0], outputs: [{ text: 'sunny' }] }], max_tokens: 256 });
    expect(answered.tool_calls).toBeUndefined();
    expect(answered.text.length).toBeGreaterThan(0);
  });

  emulatorIt('streams stream-start, text-generation events and stream-end with the metrics', async () => {
    const events = await stream({ message: 'hi', max_tokens: 5 });
    expect(events[0]).toEqual({ is_finished: false, event_type: 'stream-start', generation_id: expect.any(String) });
    const texts = events.slice(1, -1);
    expect(texts).toHaveLength(5);
    for (const e of texts) expect(Object.keys(e)).toEqual(['is_finished', 'event_type', 'text']);
    const end = events[events.length - 1];
    expect(Object.keys(end)).toEqual(['is_finished', 'event_type', 'response', 'finish_reason', 'amazon-bedrock-invocationMetrics']);
    expect(end).toMatchObject({ is_finished: true, event_type: 'stream-end', finish_reason: 'MAX_TOKENS' });
    expect(end.response.text).toBe(texts.map((e) => e.text).join(''));
    expect(end.response.generation_id).toBe(events[0].generation_id);
    expect(Object.keys(end.response).slice(-2)).toEqual(['finish_reason', 'meta']);
    expect(end.response.meta).toEqual({ api_version: { version: '1' }, billed_units: { input_tokens: end['amazon-bedrock-invocationMetrics'].inputTokenCount, output_tokens: end['amazon-bedrock-invocationMetrics'].outputTokenCount } });
    expect(end['amazon-bedrock-invocationMetrics'].outputTokenCount).toBe(5);
    // The final response carries Cohere's meta with the billed tokens (issue 8's real stream-ends).
    expect(end.response.meta.billed_units.output_tokens).toBe(5);
  });

  // Cohere's v1 chat stream events (FORMATS §9, not captured on Bedrock): their kinds in order, the
  // cut, and Bedrock's metrics on the last event. The number of text events is not compared.
  awsIt('streams stream-start, text-generation events and stream-end with the metrics', async () => {
    const events = await stream({ message: 'Write a detailed, multi-paragraph history of the Roman Empire.', max_tokens: 5 });
    expect(events[0]).toMatchObject({ is_finished: false, event_type: 'stream-start', generation_id: expect.any(String) });
    const texts = events.slice(1, -1);
    expect(texts.length).toBeGreaterThan(0);
    for (const e of texts) expect(e).toMatchObject({ is_finished: false, event_type: 'text-generation', text: expect.any(String) });
    const end = events[events.length - 1];
    expect(end).toMatchObject({ is_finished: true, event_type: 'stream-end', finish_reason: 'MAX_TOKENS' });
    expect(end['amazon-bedrock-invocationMetrics'].outputTokenCount).toBe(5);
    // The final response carries Cohere's meta with the billed tokens (issue 8's real stream-ends).
    expect(end.response.meta.billed_units.output_tokens).toBe(5);
  });

  awsIt('refuses top_k and a missing message in everit words', async () => {
    const extra = await failure(() => invoke({ message: 'hi', top_k: 5 }));
    expect(extra.name).toBe('ValidationException');
    expect(extra.message).toBe('Malformed input request: #: extraneous key [top_k] is not permitted, please reformat your input and try again.');
    const missing = await failure(() => invoke({ prompt: 'hi' }));
    expect(missing.message).toBe('Malformed input request: #: required key [message] not found#: extraneous key [prompt] is not permitted, please reformat your input and try again.');
    const big = await failure(() => invoke({ message: 'hi', max_tokens: 10000 }));
    expect(big.message).toBe('Malformed input request: #/max_tokens: 10000 is not less or equal to 4096, please reformat your input and try again.');
  });
});
