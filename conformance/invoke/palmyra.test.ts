// Writer Palmyra X4 / X5 through InvokeModel and InvokeModelWithResponseStream (FORMATS.md §14; the
// response shape is an assumption, see src/families/palmyra.ts).
import { InvokeModelCommand, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect } from 'vitest';
import { countTokens } from '../../src/responder/tokens.js';
import { chunks, failure, json, requireModel, useEmulator } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';

const t = useEmulator();
const modelId = 'us.writer.palmyra-x5-v1:0';

// Under BEDROCK_TARGET=aws its tests skip, naming the model, unless ListFoundationModels lists these.
requireModel(modelId);

describe.each([['HTTP/2'], ['HTTP/1.1']])('Palmyra over %s', (protocol) => {
  const client = () => (protocol === 'HTTP/2' ? t.h2 : t.h1);
  const invoke = async (body: unknown) => json((await client().send(new InvokeModelCommand({ modelId, contentType: 'application/json', accept: 'application/json', body: JSON.stringify(body) }))).body);
  const stream = async (body: unknown) => chunks((await client().send(new InvokeModelWithResponseStreamCommand({ modelId, body: JSON.stringify(body) }))).body);

  emulatorIt('takes the documented {"text"} content and answers a chat completion', async () => {
    const body = await invoke({ messages: [{ role: 'user', content: { text: 'Explain quantum computing in simple terms' } }] });
    expect(Object.keys(body)).toEqual(['id', 'object', 'created', 'model', 'choices', 'usage']);
    expect(body).toMatchObject({ object: 'chat.completion', model: 'palmyra-x5' });
    expect(body.choices[0]).toMatchObject({ index: 0, finish_reason: 'stop', message: { role: 'assistant' } });
    expect(body.usage.total_tokens).toBe(body.usage.prompt_tokens + body.usage.completion_tokens);
    // The text plus the chat template's markers: 1, and 2 around the one turn (src/responder/chat-template.ts).
    expect(body.usage.prompt_tokens).toBe(countTokens('Explain quantum computing in simple terms') + 3);
  });

  emulatorIt('stops at max_tokens with length and at a stop sequence with stop', async () => {
    const cut = await invoke({ messages: [{ role: 'user', content: 'hi' }], max_tokens: 3 });
    expect(cut.choices[0].finish_reason).toBe('length');
    expect(cut.usage.completion_tokens).toBe(3);
    const stopped = await invoke({ messages: [{ role: 'user', content: 'hi' }], stop: ['canned'] });
    expect(stopped.choices[0]).toMatchObject({ finish_reason: 'stop', message: { content: 'Hello! This is bedrock-emulator, answering with ' } });
  });

  // The request form is documented (FORMATS §14); the answer's shape is assumed OpenAI-like, as in
  // the other tests of this file. The emulator's own token estimate is not compared.
  awsIt('takes the documented {"text"} content and answers a chat completion', async () => {
    const body = await invoke({ messages: [{ role: 'user', content: { text: 'Explain quantum computing in one short sentence.' } }], max_tokens: 256 });
    expect(body).toMatchObject({ object: 'chat.completion' });
    expect(body.choices[0]).toMatchObject({ index: 0, finish_reason: 'stop', message: { role: 'assistant' } });
    expect(body.usage.total_tokens).toBe(body.usage.prompt_tokens + body.usage.completion_tokens);
  });

  // Every answer to the counting request has a comma within its first words, and so has the canned text.
  awsIt('stops at max_tokens with length and at a stop sequence with stop, leaving it out', async () => {
    const cut = await invoke({ messages: [{ role: 'user', content: 'Write a detailed, multi-paragraph history of the Roman Empire.' }], max_tokens: 3 });
    expect(cut.choices[0].finish_reason).toBe('length');
    expect(cut.usage.completion_tokens).toBe(3);
    const stopped = await invoke({ messages: [{ role: 'user', content: 'Count from 1 to 10, separated by commas.' }], max_tokens: 256, stop: [','] });
    expect(stopped.choices[0].finish_reason).toBe('stop');
    expect(stopped.choices[0].message.content).not.toContain(',');
  });

  awsIt('calls tools', async () => {
    const tool = { type: 'function', function: { name: 'lookup', parameters: { type: 'object', properties: { q: { type: 'string' } } } } };
    const body = await invoke({ messages: [{ role: 'user', content: 'look it up' }], tools: [tool], max_tokens: 256 });
    expect(body.choices[0].finish_reason).toBe('tool_calls');
    expect(body.choices[0].message.tool_calls[0].function.name).toBe('lookup');
  });

  awsIt('streams chunks, the last with finish_reason, usage and the metrics', async () => {
    const events = await stream({ messages: [{ role: 'user', content: 'hi' }], max_tokens: 6 });
    expect(events[0].choices[0].delta).toEqual({ role: 'assistant', content: '' });
    const last = events[events.length - 1];
    expect(Object.keys(last)).toEqual(['id', 'object', 'created', 'model', 'choices', 'usage', 'amazon-bedrock-invocationMetrics']);
    expect(last.choices[0].finish_reason).toBe('length');
    expect(last['amazon-bedrock-invocationMetrics']).toMatchObject({ inputTokenCount: last.usage.prompt_tokens, outputTokenCount: 6 });
  });

  awsIt('refuses bodies outside the documented ranges', async () => {
    const missing = await failure(() => invoke({ prompt: 'hi' }));
    expect(missing.message).toBe('Malformed input request: #: required key [messages] not found, please reformat your input and try again.');
    const empty = await failure(() => invoke({ messages: [], temperature: 3 }));
    expect(empty.message).toBe('Malformed input request: #/temperature: 3 is not less or equal to 2#/messages: expected minimum item count: 1, found: 0, please reformat your input and try again.');
  });
});
