// Forced tool choice as Bedrock does it, read as an application reads it through the official JS
// SDK: with toolChoice `any` or `tool` (Converse, ConverseStream) or tool_choice `any`/`tool`
// (Claude's native body), the answer holds tool calls only, no text before them, stop reason
// tool_use, also when the last message is a tool result (structured output in the Vercel AI SDK,
// pydantic-ai, Strands and LlamaIndex relies on it). Evidence: the service model's AnyToolChoice
// ("The model must request at least one tool (no text is generated)"); Anthropic's tool-use docs
// (with any/tool the turn is prefilled, "the models will not emit a chain-of-thought text content
// block before tool_use content blocks"); the Nova user guide "Choosing a tool" and AWS What's New
// 2025-03-19 (Nova takes any and tool). src/converse.evidence.md, "Refusal rules settled for issue 8".
import { InvokeModelCommand, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect } from 'vitest';
import { chunks, json, requireModel, useEmulator } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';
import { assistant, calls, schemaProblems, timeTool, TOOLUSE_ID, user, weatherTool, type Event } from './helpers.js';

const t = useEmulator();
const claude = 'anthropic.claude-3-haiku-20240307-v1:0';
const nova = 'amazon.nova-lite-v1:0';
const tools = [weatherTool, timeTool];
const schemas: Record<string, unknown> = { get_weather: weatherTool.toolSpec.inputSchema.json, get_time: timeTool.toolSpec.inputSchema.json };
const QUESTION = 'What is the weather in Paris, in celsius?';

// Under BEDROCK_TARGET=aws its tests skip, naming the model, unless ListFoundationModels lists these.
requireModel(claude, nova);

/** A Converse answer as an application reads it when a tool call was forced: tool calls only,
 *  each naming an offered tool with arguments valid against its schema. Returns the names. Nova's
 *  native body has UUID toolUseIds (invoke__amazon.nova-micro-v1_0__tool_use capture). */
function forcedAnswerTools(res: any, allowed: string[], idPattern = TOOLUSE_ID): string[] {
  expect(res.stopReason).toBe('tool_use');
  const content = res.output.message.content as any[];
  expect(content.length).toBeGreaterThan(0);
  expect(content.filter((b) => b.toolUse === undefined)).toEqual([]);
  for (const { toolUse } of content) {
    expect(allowed).toContain(toolUse.name);
    expect(toolUse.toolUseId).toMatch(idPattern);
    expect(schemaProblems(toolUse.input, schemas[toolUse.name])).toEqual([]);
  }
  return content.map((b) => b.toolUse.name);
}

/** The same for a ConverseStream: no text deltas, every block a toolUse, stop reason tool_use. */
function forcedStreamTools(events: Event[], allowed: string[]): string[] {
  expect(events.find(([k]) => k === 'messageStop')![1].stopReason).toBe('tool_use');
  expect(events.filter(([k, v]) => k === 'contentBlockDelta' && v.delta.text !== undefined)).toEqual([]);
  const starts = events.filter(([k]) => k === 'contentBlockStart').map(([, v]) => v.start.toolUse);
  expect(starts.length).toBeGreaterThan(0);
  for (const start of starts) expect(allowed).toContain(start.name);
  return starts.map((s) => s.name);
}

/** A Claude Messages body as an application reads it after a forced call: only tool_use blocks. */
function forcedNativeTools(body: any, allowed: string[]): string[] {
  expect(body.stop_reason).toBe('tool_use');
  expect(body.content.length).toBeGreaterThan(0);
  expect(body.content.filter((b: any) => b.type !== 'tool_use')).toEqual([]);
  for (const block of body.content) expect(allowed).toContain(block.name);
  return body.content.map((b: any) => b.name);
}

/** The native stream: content_block_start events of tool_use only, stop_reason tool_use. */
function forcedNativeStreamTools(events: any[], allowed: string[]): string[] {
  const starts = events.filter((e) => e.type === 'content_block_start').map((e) => e.content_block);
  expect(starts.length).toBeGreaterThan(0);
  expect(starts.filter((b) => b.type !== 'tool_use')).toEqual([]);
  for (const block of starts) expect(allowed).toContain(block.name);
  expect(events.find((e) => e.type === 'message_delta').delta.stop_reason).toBe('tool_use');
  return starts.map((b) => b.name);
}

/** A conversation that already called get_weather and holds its result: the last message is the tool result. */
async function afterToolResult(converse: (input: Record<string, any>) => Promise<any>, modelId: string) {
  const first = await converse({ modelId, messages: [user(QUESTION)], inferenceConfig: { maxTokens: 256 }, toolConfig: { tools, toolChoice: { tool: { name: 'get_weather' } } } });
  const content = first.output.message.content;
  const results = content.filter((b: any) => b.toolUse).map((b: any) => ({ toolResult: { toolUseId: b.toolUse.toolUseId, content: [{ json: { tempC: 21 } }] } }));
  return [user(QUESTION), assistant(...content), user(...results)];
}

const VERSION = 'bedrock-2023-05-31';
const nativeTools = [
  { name: 'get_weather', description: weatherTool.toolSpec.description, input_schema: weatherTool.toolSpec.inputSchema.json },
  { name: 'get_time', description: timeTool.toolSpec.description, input_schema: timeTool.toolSpec.inputSchema.json },
];
const native = (messages: unknown[], tool_choice: unknown) => JSON.stringify({ anthropic_version: VERSION, max_tokens: 256, tools: nativeTools, tool_choice, messages });

describe.each([['HTTP/2'], ['HTTP/1.1']])('forced tool choice over %s', (protocol) => {
  const client = () => (protocol === 'HTTP/2' ? t.h2 : t.h1);
  const { converse, stream } = calls(client);
  const invoke = async (body: string) => json((await client().send(new InvokeModelCommand({ modelId: claude, body }))).body);
  const invokeStream = async (body: string) => chunks((await client().send(new InvokeModelWithResponseStreamCommand({ modelId: claude, body }))).body);

  awsIt.each([[claude], [nova]])('%s: toolChoice any and tool answer with tool calls only (Converse, ConverseStream)', async (modelId) => {
    for (const [toolChoice, allowed] of [[{ any: {} }, ['get_weather', 'get_time']], [{ tool: { name: 'get_time' } }, ['get_time']]] as const) {
      const input = { modelId, messages: [user(QUESTION)], inferenceConfig: { maxTokens: 256 }, toolConfig: { tools, toolChoice } };
      forcedAnswerTools(await converse(input), [...allowed]);
      forcedStreamTools(await stream(input), [...allowed]);
    }
  });

  awsIt.each([[claude], [nova]])('%s: a forced tool call follows a tool result too (structured output after a tool round)', async (modelId) => {
    const messages = await afterToolResult(converse, modelId);
    const forced = { modelId, messages, inferenceConfig: { maxTokens: 256 }, toolConfig: { tools, toolChoice: { tool: { name: 'get_time' } } } };
    expect(forcedAnswerTools(await converse(forced), ['get_time'])).toContain('get_time');
    expect(forcedStreamTools(await stream(forced), ['get_time'])).toContain('get_time');
    const any = { ...forced, toolConfig: { tools, toolChoice: { any: {} } } };
    forcedAnswerTools(await converse(any), ['get_weather', 'get_time']);
  });

  awsIt('Claude native body: tool_choice any and tool give tool_use blocks only, stop_reason tool_use (InvokeModel and its stream)', async () => {
    const question = [{ role: 'user', content: QUESTION }];
    for (const [choice, allowed] of [[{ type: 'any' }, ['get_weather', 'get_time']], [{ type: 'tool', name: 'get_time' }, ['get_time']]] as const) {
      forcedNativeTools(await invoke(native(question, choice)), [...allowed]);
      forcedNativeStreamTools(await invokeStream(native(question, choice)), [...allowed]);
    }
  });

  awsIt('Claude native body: a forced tool call follows a tool_result too', async () => {
    const first = await invoke(native([{ role: 'user', content: QUESTION }], { type: 'tool', name: 'get_weather' }));
    const results = first.content.filter((b: any) => b.type === 'tool_use').map((b: any) => ({ type: 'tool_result', tool_use_id: b.id, content: '21 degrees' }));
    const messages = [{ role: 'user', content: QUESTION }, { role: 'assistant', content: first.content }, { role: 'user', content: results }];
    expect(forcedNativeTools(await invoke(native(messages, { type: 'tool', name: 'get_time' })), ['get_time'])).toContain('get_time');
    forcedNativeStreamTools(await invokeStream(native(messages, { type: 'any' })), ['get_weather', 'get_time']);
  });

  // The emulator's twins, on its canned replies: Claude's and Nova's fixtures write a preamble
  // before an unforced call (fixtures/anthropic.json, amazon.json, from the tool-use captures), so
  // the difference between auto and a forced choice is visible, and auto still ends the loop.
  emulatorIt.each([[claude], [nova]])('%s: auto keeps the preamble and answers a tool result in words; any/tool drop it and call again (any: the tool not called yet)', async (modelId) => {
    const auto = await converse({ modelId, messages: [user(QUESTION)], toolConfig: { tools } });
    expect(auto.stopReason).toBe('tool_use');
    expect(auto.output!.message!.content![0].text).toBeTypeOf('string');
    const forced = await converse({ modelId, messages: [user(QUESTION)], toolConfig: { tools, toolChoice: { any: {} } } });
    expect(forcedAnswerTools(forced, ['get_weather'])).toEqual(['get_weather']);
    const messages = await afterToolResult(converse, modelId);
    const answered = await converse({ modelId, messages, toolConfig: { tools } });
    expect(answered.stopReason).toBe('end_turn');
    expect(answered.output!.message!.content!.every((b) => b.toolUse === undefined)).toBe(true);
    const again = await converse({ modelId, messages, toolConfig: { tools, toolChoice: { tool: { name: 'get_time' } } } });
    expect(forcedAnswerTools(again, ['get_time'])).toEqual(['get_time']);
    // Under `any` after get_weather's result, the tool not called yet (pydantic-ai's final_result).
    expect(forcedStreamTools(await stream({ modelId, messages, toolConfig: { tools, toolChoice: { any: {} } } }), ['get_time'])).toEqual(['get_time']);
  });

  emulatorIt('Claude native body: auto writes the preamble, any does not, even after a tool_result; none gives text', async () => {
    const question = [{ role: 'user', content: QUESTION }];
    expect((await invoke(native(question, { type: 'auto' }))).content[0].type).toBe('text');
    expect(forcedNativeTools(await invoke(native(question, { type: 'any' })), ['get_weather'])).toEqual(['get_weather']);
    const none = await invoke(native(question, { type: 'none' }));
    expect(none.stop_reason).toBe('end_turn');
    expect(none.content.map((b: any) => b.type)).toEqual(['text']);
    const first = await invoke(native(question, { type: 'any' }));
    const messages = [...question, { role: 'assistant', content: first.content }, { role: 'user', content: [{ type: 'tool_result', tool_use_id: first.content[0].id, content: '21' }] }];
    expect((await invoke(native(messages, { type: 'auto' }))).stop_reason).toBe('end_turn');
    expect(forcedNativeStreamTools(await invokeStream(native(messages, { type: 'any' })), ['get_time'])).toEqual(['get_time']);
  });

  // Nova's native body takes the same toolChoice union as Converse (FORMATS.md, Nova messages-v1);
  // the service model's "no text is generated" holds for it as well.
  awsIt("Nova native body: toolChoice any gives toolUse blocks only, also after a tool result", async () => {
    const novaTools = { tools: tools.map((t) => ({ toolSpec: t.toolSpec })) };
    const ask = (messages: unknown[], toolChoice: unknown) => JSON.stringify({ messages, toolConfig: { ...novaTools, toolChoice }, inferenceConfig: { maxTokens: 256 } });
    const question = [{ role: 'user', content: [{ text: QUESTION }] }];
    const first = json((await client().send(new InvokeModelCommand({ modelId: nova, body: ask(question, { any: {} }) }))).body);
    const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    forcedAnswerTools(first, ['get_weather', 'get_time'], UUID);
    const results = first.output.message.content.map((b: any) => ({ toolResult: { toolUseId: b.toolUse.toolUseId, content: [{ text: '21 degrees' }] } }));
    const messages = [...question, first.output.message, { role: 'user', content: results }];
    const again = json((await client().send(new InvokeModelCommand({ modelId: nova, body: ask(messages, { tool: { name: 'get_time' } }) }))).body);
    expect(forcedAnswerTools(again, ['get_time'], UUID)).toContain('get_time');
  });

  // Mistral Large's tool_choice "any" and OpenAI's "required" / named function map to the same
  // forced choice (src/families/mistral-chat.ts, chat-completions.ts).
  emulatorIt('Mistral and OpenAI native bodies: any / required / a named function force a call, also after a tool result', async () => {
    const fnTools = tools.map((t) => ({ type: 'function', function: { name: t.toolSpec.name, description: t.toolSpec.description, parameters: t.toolSpec.inputSchema.json } }));
    const call = async (modelId: string, body: Record<string, unknown>) => json((await client().send(new InvokeModelCommand({ modelId, body: JSON.stringify(body) }))).body);
    const answered = [
      { role: 'user', content: QUESTION },
      { role: 'assistant', content: '', tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris","unit":"celsius"}' } }] },
      { role: 'tool', tool_call_id: 'call_1', content: '21 degrees' },
    ];
    const mistral = await call('mistral.mistral-large-2402-v1:0', { messages: answered, tools: fnTools, tool_choice: 'any', max_tokens: 256 });
    expect(mistral.choices[0].stop_reason).toBe('tool_calls');
    expect(mistral.choices[0].message.tool_calls.map((c: any) => c.function.name)).toEqual(['get_time']);
    const auto = await call('mistral.mistral-large-2402-v1:0', { messages: answered, tools: fnTools, max_tokens: 256 });
    expect(auto.choices[0].stop_reason).toBe('stop');
    for (const tool_choice of ['required', { type: 'function', function: { name: 'get_time' } }]) {
      const gpt = await call('openai.gpt-oss-20b-1:0', { messages: answered, tools: fnTools, tool_choice, max_completion_tokens: 256 });
      expect(gpt.choices[0].finish_reason).toBe('tool_calls');
      expect(gpt.choices[0].message.tool_calls.length).toBe(1);
    }
  });
});
