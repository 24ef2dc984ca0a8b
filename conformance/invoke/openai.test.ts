// OpenAI gpt-oss through InvokeModel and InvokeModelWithResponseStream: Chat Completions bodies (FORMATS.md §13).
import { InvokeModelCommand, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect } from 'vitest';
import { chunks, failure, json, requireModel, useEmulator } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';

const t = useEmulator();
const modelId = 'openai.gpt-oss-20b-1:0';
const weatherTool = {
  type: 'function',
  function: { name: 'get_weather', description: 'Weather in a city', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
};

// Under BEDROCK_TARGET=aws its tests skip, naming the model, unless ListFoundationModels lists these.
requireModel(modelId);

describe.each([['HTTP/2'], ['HTTP/1.1']])('OpenAI gpt-oss over %s', (protocol) => {
  const client = () => (protocol === 'HTTP/2' ? t.h2 : t.h1);
  const invoke = async (body: unknown) => json((await client().send(new InvokeModelCommand({ modelId, contentType: 'application/json', accept: 'application/json', body: JSON.stringify(body) }))).body);
  const stream = async (body: unknown) => chunks((await client().send(new InvokeModelWithResponseStreamCommand({ modelId, contentType: 'application/json', body: JSON.stringify(body) }))).body);

  awsIt('answers a chat.completion with the keys in wire order', async () => {
    const body = await invoke({ messages: [{ role: 'system', content: 'Answer in one word.' }, { role: 'user', content: 'say pong' }], max_completion_tokens: 256 });
    expect(Object.keys(body)).toEqual(['choices', 'created', 'id', 'model', 'object', 'service_tier', 'usage', 'system_fingerprint']);
    expect(body).toMatchObject({ model: modelId, object: 'chat.completion', service_tier: 'default', system_fingerprint: null });
    expect(body.id).toMatch(/^chatcmpl-[a-z2-7]{52}$/);
    expect(Number.isInteger(body.created)).toBe(true);
    expect(Object.keys(body.choices[0])).toEqual(['finish_reason', 'index', 'message']);
    expect(body.choices[0].finish_reason).toBe('stop');
    expect(Object.keys(body.choices[0].message)).toEqual(['annotations', 'content', 'refusal', 'role']);
    expect(body.choices[0].message).toMatchObject({ annotations: [], refusal: null, role: 'assistant' });
    // gpt-oss's reasoning comes first, inside <reasoning> tags.
    expect(body.choices[0].message.content).toMatch(/^<reasoning>.+<\/reasoning>\S/s);
    expect(Object.keys(body.usage)).toEqual(['completion_tokens', 'completion_tokens_details', 'prompt_tokens', 'prompt_tokens_details', 'total_tokens']);
    expect(Object.keys(body.usage.completion_tokens_details)).toEqual(['accepted_prediction_tokens', 'audio_tokens', 'reasoning_tokens', 'rejected_prediction_tokens']);
    expect(body.usage.prompt_tokens_details).toEqual({ audio_tokens: 0, cache_write_tokens: 0, cached_tokens: 0 });
    expect(body.usage.total_tokens).toBe(body.usage.prompt_tokens + body.usage.completion_tokens);
    expect(body.usage.completion_tokens_details.reasoning_tokens).toBeGreaterThan(0);
  });

  awsIt('stops at max_completion_tokens with finish_reason length', async () => {
    const body = await invoke({ messages: [{ role: 'user', content: 'hi' }], max_completion_tokens: 30 });
    expect(body.choices[0].finish_reason).toBe('length');
    expect(body.usage.completion_tokens).toBe(30);
  });

  emulatorIt('stops at a stop sequence with finish_reason stop', async () => {
    const body = await invoke({ messages: [{ role: 'user', content: 'hi' }], stop: ['emulator'] });
    expect(body.choices[0].finish_reason).toBe('stop');
    expect(body.choices[0].message.content).toMatch(/<\/reasoning>Hello! This is bedrock-$/);
  });

  awsIt('calls a tool with tool_calls and finish_reason tool_calls', async () => {
    const body = await invoke({ messages: [{ role: 'user', content: 'Weather in Paris?' }], tools: [weatherTool], max_completion_tokens: 256 });
    expect(body.choices[0].finish_reason).toBe('tool_calls');
    const message = body.choices[0].message;
    expect(Object.keys(message)).toEqual(['annotations', 'content', 'refusal', 'role', 'tool_calls']);
    expect(Object.keys(message.tool_calls[0])).toEqual(['function', 'id', 'type']);
    expect(message.tool_calls[0].function.name).toBe('get_weather');
    expect(typeof JSON.parse(message.tool_calls[0].function.arguments).city).toBe('string');
    const answered = await invoke({
      messages: [{ role: 'user', content: 'Weather in Paris?' }, { role: 'assistant', content: null, tool_calls: message.tool_calls }, { role: 'tool', tool_call_id: message.tool_calls[0].id, content: 'sunny' }],
      tools: [weatherTool],
      max_completion_tokens: 256,
    });
    expect(answered.choices[0].finish_reason).toBe('stop');
  });

  emulatorIt('streams chat.completion.chunk objects, the usage chunk last with the metrics', async () => {
    const events = await stream({ messages: [{ role: 'user', content: 'count 1 to 5' }], max_completion_tokens: 256, stream: true, stream_options: { include_usage: true } });
    expect(Object.keys(events[0])).toEqual(['choices', 'created', 'id', 'model', 'object', 'service_tier', 'system_fingerprint', 'usage', 'obfuscation']);
    expect(events[0].choices[0]).toEqual({ delta: { content: '', role: 'assistant', refusal: null }, finish_reason: null, index: 0 });
    expect(events.every((e) => e.id === events[0].id && e.object === 'chat.completion.chunk')).toBe(true);
    const last = events[events.length - 1];
    expect(Object.keys(last)).toEqual(['choices', 'created', 'id', 'model', 'object', 'service_tier', 'usage', 'system_fingerprint', 'obfuscation', 'amazon-bedrock-invocationMetrics']);
    expect(last.choices).toEqual([]);
    expect(last['amazon-bedrock-invocationMetrics']).toMatchObject({ inputTokenCount: last.usage.prompt_tokens, outputTokenCount: last.usage.completion_tokens });
    expect(events[events.length - 2].choices[0].finish_reason).toBe('stop');
    const text = events.slice(1, -2).map((e) => e.choices[0].delta.content).join('');
    const whole = await invoke({ messages: [{ role: 'user', content: 'count 1 to 5' }], max_completion_tokens: 256 });
    expect(text).toBe(whole.choices[0].message.content);
  });

  // Shapes of the 2026 Chat Completions stream capture (FORMATS §13), not its text: the ids, the
  // finish_reason chunk, then the usage chunk with no choices and Bedrock's metrics.
  awsIt('streams chat.completion.chunk objects, the usage chunk last with the metrics', async () => {
    const events = await stream({ messages: [{ role: 'user', content: 'count 1 to 5' }], max_completion_tokens: 256, stream: true, stream_options: { include_usage: true } });
    expect(events[0].choices[0].delta.role).toBe('assistant');
    expect(events.every((e) => e.id === events[0].id && e.object === 'chat.completion.chunk')).toBe(true);
    const last = events[events.length - 1];
    expect(last.choices).toEqual([]);
    expect(last.usage.total_tokens).toBe(last.usage.prompt_tokens + last.usage.completion_tokens);
    expect(last['amazon-bedrock-invocationMetrics']).toMatchObject({ inputTokenCount: last.usage.prompt_tokens, outputTokenCount: last.usage.completion_tokens });
    expect(events[events.length - 2].choices[0].finish_reason).toBe('stop');
    expect(events.slice(0, -2).every((e) => e.choices[0].finish_reason === null && e.usage === null)).toBe(true);
  });

  awsIt('sends no usage chunk without include_usage', async () => {
    const events = await stream({ messages: [{ role: 'user', content: 'hi' }], max_completion_tokens: 20, stream: true });
    const last = events[events.length - 1];
    expect(last.choices[0].finish_reason).toBe('length');
    expect(last.usage).toBeNull();
    expect(last['amazon-bedrock-invocationMetrics'].outputTokenCount).toBe(20);
  });

  awsIt('refuses bad bodies', async () => {
    const missing = await failure(() => invoke({ prompt: 'hi' }));
    expect(missing.name).toBe('ValidationException');
    expect(missing.message).toBe('Malformed input request: #: required key [messages] not found, please reformat your input and try again.');
    const tooMany = await failure(() => invoke({ messages: [{ role: 'user', content: 'hi' }], max_completion_tokens: 100000 }));
    expect(tooMany.message).toBe('The maximum tokens you requested exceeds the model limit of 16384. Try again with a maximum tokens value that is lower than 16384.');
  });
});
