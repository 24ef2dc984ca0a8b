// ConverseStream's event sequence for tool use, the wire bytes of Converse and ConverseStream
// (sorted compact JSON, `p` padding, frame headers), and scripted faults as exception frames
// (src/converse.evidence.md §7; captures converse__anthropic.claude-3-sonnet-20240229-v1_0__tool_use,
// converse-stream__anthropic.claude-3-sonnet-20240229-v1_0__tool_use, converse__langchain-aws__citations).
import { ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect } from 'vitest';
import { failure, requireModel, useEmulator } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';
import { calls, collect, fixtureName, fixturesDir, rawFrames, rawPost, schemaProblems, TOOLUSE_ID, unsortedPaths, user, weatherTool } from './helpers.js';

const THROTTLED = 'Too many requests, please wait before trying again.';
const STREAM_ERROR = 'The system encountered an unexpected error during processing. Try your request again.';
const fixtures = fixturesDir({
  // A stream that fails after three events, and one that fails before the first.
  [fixtureName('amazon.titan-text-lite-v1')]: { text: 'unused words here', fault: { name: 'ModelStreamErrorException', message: STREAM_ERROR, fields: { originalStatusCode: 500, originalMessage: 'boom' }, afterEvents: 3 } },
  [fixtureName('amazon.titan-tg1-large')]: { text: 'unused', fault: { name: 'ThrottlingException', message: THROTTLED, afterEvents: 0 } },
  [fixtureName('amazon.titan-text-premier-v1:0')]: { text: 'unused', fault: { name: 'ThrottlingException', message: THROTTLED } },
});
const t = useEmulator({ fixtures });
const claude = 'anthropic.claude-3-haiku-20240307-v1:0';
const toolConfig = { tools: [weatherTool] };

/**
 * Checks a streamed call of get_weather as Bedrock sends it (evidence §7): messageStart first,
 * messageStop (tool_use) and metadata last, one contentBlockStart (the toolUse's), then only that
 * block's input deltas, the first one "", up to its stop; other blocks (Claude's preamble) carry
 * text and no start event. Returns the joined input.
 */
function toolUseStreamInput(events: Array<[string, any]>): string {
  const kinds = events.map(([k]) => k);
  expect(kinds[0]).toBe('messageStart');
  expect(kinds.slice(-2)).toEqual(['messageStop', 'metadata']);
  expect(events.at(-2)![1].stopReason).toBe('tool_use');
  const starts = events.filter(([k]) => k === 'contentBlockStart');
  expect(starts).toHaveLength(1);
  const [, start] = starts[0];
  expect(start.start.toolUse.name).toBe('get_weather');
  expect(start.start.toolUse.toolUseId).toMatch(TOOLUSE_ID);
  const index = start.contentBlockIndex;
  // The toolUse block: start, then its deltas, then its stop, with nothing of another block between.
  const at = kinds.indexOf('contentBlockStart');
  const stop = events.findIndex(([k, v]) => k === 'contentBlockStop' && v.contentBlockIndex === index);
  const inner = events.slice(at + 1, stop);
  expect(inner.length).toBeGreaterThan(1);
  expect(inner.every(([k, v]) => k === 'contentBlockDelta' && v.contentBlockIndex === index && v.delta.toolUse)).toBe(true);
  const pieces = inner.map(([, v]) => v.delta.toolUse.input as string);
  // The first input delta is the empty string (evidence §7).
  expect(pieces[0]).toBe('');
  for (const [k, v] of events) if (k === 'contentBlockDelta' && v.contentBlockIndex !== index) expect(v.delta.text).toBeTypeOf('string');
  return pieces.join('');
}

describe.each([['HTTP/2'], ['HTTP/1.1']])('ConverseStream over %s', (protocol) => {
  const client = () => (protocol === 'HTTP/2' ? t.h2 : t.h1);
  const { converse, stream } = calls(client);

  emulatorIt('streams a tool call: contentBlockStart only for the toolUse, input deltas joining to the JSON', async () => {
    const events = await stream({ modelId: claude, messages: [user('Weather in Paris?')], toolConfig });
    const input = JSON.parse(toolUseStreamInput(events));
    // Same input as Converse gives for the same request (the emulator is deterministic per schema).
    const res = await converse({ modelId: claude, messages: [user('Weather in Paris?')], toolConfig });
    const toolUse = res.output!.message!.content!.find((b) => b.toolUse)!.toolUse!;
    expect(input).toEqual(toolUse.input);
  });

  // The same sequence from a real model: the tool is named (toolChoice) so that the call is certain.
  awsIt('streams a tool call: contentBlockStart only for the toolUse, its first input delta empty, the deltas joining to valid JSON', async () => {
    await requireModel(claude);
    const events = await stream({
      modelId: claude,
      messages: [user('What is the weather in Paris, in celsius?')],
      inferenceConfig: { maxTokens: 256 },
      toolConfig: { ...toolConfig, toolChoice: { tool: { name: 'get_weather' } } },
    });
    expect(schemaProblems(JSON.parse(toolUseStreamInput(events)), weatherTool.toolSpec.inputSchema.json)).toEqual([]);
    const meta = events.at(-1)![1];
    expect(meta.usage.totalTokens).toBe(meta.usage.inputTokens + meta.usage.outputTokens);
  });

  emulatorIt('ends a stream with an exception the SDK raises, after some events (afterEvents: 3)', async () => {
    let seen: any[] = [];
    const err = await failure(async () => {
      const res = await client().send(new ConverseStreamCommand({ modelId: 'amazon.titan-text-lite-v1', messages: [user('hi')] }));
      for await (const e of res.stream!) seen.push(e);
    });
    expect(err.name).toBe('ModelStreamErrorException');
    expect(err.message).toBe(STREAM_ERROR);
    expect(err.originalStatusCode).toBe(500);
    expect(err.originalMessage).toBe('boom');
    expect(seen).toHaveLength(3);
    expect(Object.keys(seen[0])).toEqual(['messageStart']);
  });

  emulatorIt('raises a throttlingException frame sent before the first event', async () => {
    const err = await failure(async () => collect((await client().send(new ConverseStreamCommand({ modelId: 'amazon.titan-tg1-large', messages: [user('hi')] }))).stream));
    expect(err.name).toBe('ThrottlingException');
    expect(err.message).toBe(THROTTLED);
  });

  emulatorIt('fails with HTTP 429 when the fault has no afterEvents, on both operations', async () => {
    let err = await failure(() => stream({ modelId: 'amazon.titan-text-premier-v1:0', messages: [user('hi')] }));
    expect(err.name).toBe('ThrottlingException');
    expect(err.$metadata.httpStatusCode).toBe(429);
    err = await failure(() => converse({ modelId: 'amazon.titan-text-premier-v1:0', messages: [user('hi')] }));
    expect(err.name).toBe('ThrottlingException');
    expect(err.$metadata.httpStatusCode).toBe(429);
  });
});

describe('wire bytes', () => {
  emulatorIt('Converse answers compact JSON, keys sorted at every level, tool input in its own order (capture tool_use)', async () => {
    const tool = { toolSpec: { name: 'lookup', inputSchema: { json: { type: 'object', properties: { zeta: { type: 'string' }, alpha: { type: 'integer' } }, required: ['zeta', 'alpha'] } } } };
    const res = await rawPost(t.url, claude, 'converse', { messages: [user('Look it up')], toolConfig: { tools: [tool] } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const text = new TextDecoder().decode(res.bytes);
    const body = JSON.parse(text);
    expect(text).toBe(JSON.stringify(body)); // compact
    expect(Object.keys(body).slice(0, 4)).toEqual(['metrics', 'output', 'stopReason', 'usage']);
    expect(unsortedPaths(body)).toEqual([]);
    const toolUse = body.output.message.content.find((b: any) => b.toolUse).toolUse;
    // `type: "tool_use"` last, as 2026 recorded Claude answers have it (vercel/ai fixtures
    // issue-17267-*, bedrock-opus-4-7-strict-tool-live; the 2024 capture predates it).
    expect(Object.keys(toolUse)).toEqual(['input', 'name', 'toolUseId', 'type']);
    expect(toolUse.type).toBe('tool_use');
    // The input follows the schema's property order, not the alphabet.
    expect(Object.keys(toolUse.input)).toEqual(['zeta', 'alpha']);
    // No X-Amzn-Bedrock-* token headers on Converse (evidence §7).
    expect([...res.headers.keys()].filter((h) => h.startsWith('x-amzn-bedrock'))).toEqual([]);
  });

  emulatorIt('ConverseStream frames: headers in wire order, payloads compact, sorted, padded with p', async () => {
    const res = await rawPost(t.url, claude, 'converse-stream', { messages: [user('Weather?')], toolConfig: { tools: [weatherTool] } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.amazon.eventstream');
    const frames = await rawFrames(res.bytes);
    const types = frames.map((f) => f.headers[0][1]);
    expect(types[0]).toBe('messageStart');
    expect(types.slice(-2)).toEqual(['messageStop', 'metadata']);
    for (const frame of frames) {
      expect(frame.headers.map(([n]) => n)).toEqual([':event-type', ':content-type', ':message-type']);
      expect(frame.headers.slice(1)).toEqual([[':content-type', 'application/json'], [':message-type', 'event']]);
      const payload = JSON.parse(frame.body);
      expect(frame.body).toBe(JSON.stringify(payload));
      expect(unsortedPaths(payload, [])).toEqual([]);
      // `p` is a prefix of a-zA-Z0-9 (the captures' padding alphabet)
      expect('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.startsWith(payload.p)).toBe(true);
      expect(payload.p.length).toBeGreaterThan(0);
    }
    const start = JSON.parse(frames[types.indexOf('contentBlockStart')].body);
    expect(Object.keys(start)).toEqual(['contentBlockIndex', 'p', 'start']);
    const meta = JSON.parse(frames.at(-1)!.body);
    expect(Object.keys(meta)).toEqual(['metrics', 'p', 'usage']);
  });

  emulatorIt('a fault after the stream opened is an exception frame with :exception-type', async () => {
    const res = await rawPost(t.url, 'amazon.titan-text-lite-v1', 'converse-stream', { messages: [user('hi')] });
    expect(res.status).toBe(200);
    const frames = await rawFrames(res.bytes);
    expect(frames).toHaveLength(4);
    const last = Object.fromEntries(frames[3].headers);
    expect(last[':message-type']).toBe('exception');
    expect(last[':exception-type']).toBe('modelStreamErrorException');
    expect(JSON.parse(frames[3].body)).toMatchObject({ message: STREAM_ERROR, originalStatusCode: 500 });
  });

  emulatorIt('refusals before the stream opens are plain JSON errors with the bedrock namespace', async () => {
    const res = await rawPost(t.url, claude, 'converse-stream', { messages: [{ role: 'assistant', content: [{ text: 'hi' }] }] });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-errortype')).toBe('ValidationException:http://internal.amazon.com/coral/com.amazon.bedrock/');
    expect(new TextDecoder().decode(res.bytes)).toBe(
      '{"message":"A conversation must start with a user message. Try again with a conversation that starts with a user message."}',
    );
  });
});
