// Mistral chat completion (Large, Pixtral) through InvokeModel and InvokeModelWithResponseStream (FORMATS.md §8).
import { InvokeModelCommand, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect } from 'vitest';
import { chunks, failure, json, requireModel, useEmulator } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';

const t = useEmulator();
const modelId = 'mistral.mistral-large-2407-v1:0';
const messages = [
  { role: 'system', content: 'You are terse.' },
  { role: 'user', content: 'Say this is a test' },
];
const tools = [
  { type: 'function', function: { name: 'top_song', description: 'Get the most popular song played on a radio station.', parameters: { type: 'object', properties: { sign: { type: 'string' } }, required: ['sign'] } } },
];

// Under BEDROCK_TARGET=aws its tests skip, naming the model, unless ListFoundationModels lists these.
requireModel(modelId, 'mistral.mistral-large-2402-v1:0');

describe.each([['HTTP/2'], ['HTTP/1.1']])('Mistral chat over %s', (protocol) => {
  const client = () => (protocol === 'HTTP/2' ? t.h2 : t.h1);
  const invoke = async (body: unknown, id = modelId) => json((await client().send(new InvokeModelCommand({ modelId: id, contentType: 'application/json', accept: 'application/json', body: JSON.stringify(body) }))).body);

  awsIt('answers with choices[{index, message, stop_reason}]', async () => {
    const body = await invoke({ messages, max_tokens: 256, temperature: 0.5, top_p: 0.9 });
    expect(Object.keys(body)).toEqual(['choices']);
    expect(Object.keys(body.choices[0])).toEqual(['index', 'message', 'stop_reason']);
    expect(body.choices[0].index).toBe(0);
    expect(Object.keys(body.choices[0].message)).toEqual(['role', 'content']);
    expect(body.choices[0].message.role).toBe('assistant');
    expect(body.choices[0].message.content.length).toBeGreaterThan(0);
    expect(body.choices[0].stop_reason).toBe('stop');
  });

  emulatorIt('stops at max_tokens with length', async () => {
    const res = await fetch(`${t.url}/model/${encodeURIComponent(modelId)}/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer x' },
      body: JSON.stringify({ messages, max_tokens: 8 }),
    });
    const body = await res.json();
    expect(body.choices[0].stop_reason).toBe('length');
    expect(res.headers.get('x-amzn-bedrock-output-token-count')).toBe('8');
  });

  // The X-Amzn-Bedrock-Output-Token-Count header is not visible through the SDK; the body is.
  awsIt('stops at max_tokens with length', async () => {
    const body = await invoke({ messages: [{ role: 'user', content: 'Write a detailed, multi-paragraph history of the Roman Empire.' }], max_tokens: 8 });
    expect(body.choices[0].stop_reason).toBe('length');
  });

  awsIt('calls a tool: tool_calls with a JSON-string arguments, stop_reason tool_calls', async () => {
    const body = await invoke({ messages, tools, tool_choice: 'any', max_tokens: 256 });
    const choice = body.choices[0];
    expect(choice.stop_reason).toBe('tool_calls');
    expect(Object.keys(choice.message)).toEqual(['role', 'content', 'tool_calls']);
    expect(choice.message.content).toBe('');
    const call = choice.message.tool_calls[0];
    expect(Object.keys(call)).toEqual(['id', 'function']);
    expect(call.id).toMatch(/^[0-9A-Za-z]{22}$/);
    expect(call.function.name).toBe('top_song');
    expect(typeof JSON.parse(call.function.arguments).sign).toBe('string');
  });

  awsIt('answers a tool result with text', async () => {
    const body = await invoke({
      messages: [
        { role: 'user', content: 'What is the most popular song on WZPZ?' },
        { role: 'assistant', content: '', tool_calls: [{ id: 'v6RMMiRlT7ygYkT4uULjtg', function: { name: 'top_song', arguments: '{"sign":"WZPZ"}' } }] },
        { role: 'tool', tool_call_id: 'v6RMMiRlT7ygYkT4uULjtg', content: '{"song":"Elemental Hotel"}' },
      ],
      tools,
      max_tokens: 256,
    });
    expect(body.choices[0].stop_reason).toBe('stop');
    expect(body.choices[0].message.content.length).toBeGreaterThan(0);
  });

  emulatorIt('streams message deltas with stop_reason null until the last, which carries the metrics', async () => {
    const res = await client().send(new InvokeModelWithResponseStreamCommand({ modelId, body: JSON.stringify({ messages, max_tokens: 4 }) }));
    const events = await chunks(res.body);
    expect(events).toHaveLength(4);
    for (const e of events.slice(0, -1)) {
      expect(Object.keys(e)).toEqual(['choices']);
      expect(e.choices[0]).toMatchObject({ index: 0, message: { role: 'assistant' }, stop_reason: null });
    }
    const last = events.at(-1);
    expect(Object.keys(last)).toEqual(['choices', 'amazon-bedrock-invocationMetrics']);
    expect(last.choices[0].stop_reason).toBe('length');
    expect(last['amazon-bedrock-invocationMetrics']).toMatchObject({ outputTokenCount: 4 });
  });

  // The chunks' message deltas are not captured (FORMATS §8): only their stop_reason and the metrics.
  awsIt('streams chunks with stop_reason null until the last, which carries length and the metrics', async () => {
    const res = await client().send(
      new InvokeModelWithResponseStreamCommand({ modelId, body: JSON.stringify({ messages: [{ role: 'user', content: 'Write a detailed, multi-paragraph history of the Roman Empire.' }], max_tokens: 4 }) }),
    );
    const events = await chunks(res.body);
    for (const e of events.slice(0, -1)) expect(e.choices[0].stop_reason).toBeNull();
    const last = events.at(-1);
    expect(last.choices[0].stop_reason).toBe('length');
    expect(last['amazon-bedrock-invocationMetrics']).toMatchObject({ outputTokenCount: 4 });
  });

  awsIt('streams a tool call whole in one last chunk', async () => {
    const res = await client().send(new InvokeModelWithResponseStreamCommand({ modelId, body: JSON.stringify({ messages, tools, tool_choice: 'any', max_tokens: 256 }) }));
    const events = await chunks(res.body);
    expect(events).toHaveLength(1);
    expect(events[0].choices[0].stop_reason).toBe('tool_calls');
    expect(events[0].choices[0].message.tool_calls[0].function.name).toBe('top_song');
    expect(events[0]['amazon-bedrock-invocationMetrics'].outputTokenCount).toBeGreaterThan(0);
  });

  awsIt('answers a text-completion prompt body the text way (Mistral Large)', async () => {
    const body = await invoke({ prompt: '<s>[INST] hi [/INST]', max_tokens: 5 }, 'mistral.mistral-large-2402-v1:0');
    expect(body).toEqual({ outputs: [{ text: expect.any(String), stop_reason: 'length' }] });
  });

  awsIt.each([
    [{ messages: 'hi' }, '#/messages: expected type: JSONArray, found: String'],
    [{ messages, tool_choice: 'required' }, '#/tool_choice: required is not a valid enum value'],
    [{ messages, response_format: 'json' }, '#/response_format: expected type: JSONObject, found: String'],
  ])('refuses %j in everit words', async (bad, detail) => {
    const err = await failure(() => client().send(new InvokeModelCommand({ modelId, body: JSON.stringify(bad) })));
    expect(err.name).toBe('ValidationException');
    expect(err.$metadata.httpStatusCode).toBe(400);
    expect(err.message).toBe(`Malformed input request: ${detail}, please reformat your input and try again.`);
  });
});
