// LlamaIndex TS (`@llamaindex/aws` with `@llamaindex/core`): the `Bedrock` LLM's chat and streaming
// chat, tool calling (chat with `tools`, streamed and not; `exec`, which runs the tool, and the answer
// to its result) and structured output (`exec` with a zod `responseFormat`), on Claude Sonnet 4 and
// Nova Lite, written as LlamaIndex's docs show them. Each test checks what the application reads: the
// message text, the tool calls in `message.options`, the parsed object, and, from `raw` (LlamaIndex
// exposes nothing else), the stop reason and the usage.
//
// What the package sends (0.0.121): InvokeModel / InvokeModelWithResponseStream with the model's native
// body (Claude's Messages body with `tools: []` when there are none and both temperature 0.1 and top_p 1
// by default; Nova's messages-v1 body with `toolConfig`). Its model table has no Claude newer than
// Sonnet 4 with a `us.` profile it maps, hence Sonnet 4 here (Sonnet 4.5's profile id is listed but not
// mapped, and fails before any request; Bedrock would refuse its default temperature with top_p on the
// 4.5 models anyway: conformance/converse/temperature-top-p.test.ts). Structured output is a tool named "format_output"; LlamaIndex
// adds no tool choice, so the test forces it through `additionalChatOptions.toolChoice`, which the
// Claude body takes as `tool_choice`.
//
// Two behaviours of the package hold against real Bedrock as much as against the emulator, and the
// tests assert them as they are:
// - For Nova, a non-streamed answer's tool calls never reach `message.options`: its
//   AmazonProvider.getToolsFromResponse reads `response.message.content`, a field an InvokeModel
//   output does not have (the calls are in the JSON of `response.body`). Streamed chat does report them.
// - `exec({stream: true})` looks for tool calls in the first streamed chunk only, so whenever the model
//   writes any text before its tool call (Claude's preamble, Nova's <thinking>), it reports none. That
//   is not tested here, as it depends on what the model chooses to write.
import type { ChatMessage, ToolCall } from '@llamaindex/core/llms';
import { tool } from '@llamaindex/core/tools';
import { describe, expect } from 'vitest';
import { z } from 'zod';
import { requireModel, useLoggedTarget } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';
import { llamaindexBedrock } from './js-clients.js';

const CLAUDE = 'us.anthropic.claude-sonnet-4-20250514-v1:0';
const NOVA = 'us.amazon.nova-lite-v1:0';
const MODELS = [
  ['Claude Sonnet 4', CLAUDE],
  ['Nova Lite', NOVA],
] as const;
requireModel(CLAUDE, NOVA);

const { t, requests } = useLoggedTarget();

const weather = z.object({
  city: z.string(),
  temperatureCelsius: z.number().int().min(-60).max(60),
  conditions: z.enum(['sunny', 'cloudy', 'rain', 'snow']),
});
const cityArgs = z.object({ city: z.string() });
const getTemperature = tool({
  name: 'get_temperature',
  description: 'The current temperature in a city, in degrees Celsius.',
  parameters: cityArgs,
  execute: ({ city }) => (city ? 18 : 0),
});
const askTemperature: ChatMessage[] = [{ role: 'user', content: 'What is the temperature in Paris? Use the get_temperature tool.' }];
const decoder = new TextDecoder();
/** The model's own answer, which LlamaIndex leaves in `raw` (the InvokeModel output). */
const rawBody = (raw: any) => JSON.parse(decoder.decode(raw.body));

/** The stop reason and usage of a native answer, in the model family's own spelling. */
function expectEnd(body: any, modelId: string, stopReasons: string[]) {
  if (modelId === CLAUDE) {
    expect(stopReasons).toContain(body.stop_reason);
    expect(body.usage.input_tokens).toBeGreaterThan(0);
    expect(body.usage.output_tokens).toBeGreaterThan(0);
  } else {
    expect(stopReasons).toContain(body.stopReason);
    expect(body.usage.inputTokens).toBeGreaterThan(0);
    expect(body.usage.outputTokens).toBeGreaterThan(0);
  }
}

/** Tool calls as LlamaIndex reports them on a message or chunk. */
const toolCallsOf = (options: any): ToolCall[] => (options && 'toolCall' in options ? options.toolCall : []);

describe('LlamaIndex TS: Bedrock', () => {
  for (const [name, modelId] of MODELS) {
    awsIt(`${name}: chat gives the answer's text; raw holds stop reason end_turn or max_tokens and the usage`, async () => {
      const llm = await llamaindexBedrock(t, modelId, 40);
      const { message, raw } = await llm.chat({ messages: [{ role: 'user', content: 'Say hello in five words.' }] });
      expect(message.role).toBe('assistant');
      expect(typeof message.content).toBe('string');
      expect((message.content as string).trim()).not.toBe('');
      expectEnd(rawBody(raw), modelId, ['end_turn', 'max_tokens']);
    });

    awsIt(`${name}: chat with stream: true yields several text deltas`, async () => {
      const llm = await llamaindexBedrock(t, modelId, 60);
      const deltas: string[] = [];
      for await (const chunk of await llm.chat({ messages: [{ role: 'user', content: 'Count from one to ten in words.' }], stream: true })) deltas.push(chunk.delta);
      expect(deltas.filter((d) => d !== '').length).toBeGreaterThan(1);
      expect(deltas.join('').trim()).not.toBe('');
    });

    awsIt(`${name}: streamed chat with tools reports a get_temperature call whose input the tool's schema accepts`, async () => {
      const llm = await llamaindexBedrock(t, modelId, 200);
      const calls = new Map<string, ToolCall>();
      for await (const chunk of await llm.chat({ messages: askTemperature, tools: [getTemperature], stream: true })) {
        for (const call of toolCallsOf(chunk.options)) calls.set(call.id, call);
      }
      expect(calls.size).toBeGreaterThanOrEqual(1);
      for (const call of calls.values()) {
        expect(call.name).toBe('get_temperature');
        expect(cityArgs.safeParse(call.input).success).toBe(true);
      }
    });
  }

  awsIt('Claude Sonnet 4: chat with tools reports a get_temperature call in message.options; stop reason tool_use', async () => {
    const llm = await llamaindexBedrock(t, CLAUDE, 200);
    const { message, raw } = await llm.chat({ messages: askTemperature, tools: [getTemperature] });
    const calls = toolCallsOf(message.options);
    expect(calls.length).toBeGreaterThanOrEqual(1);
    for (const call of calls) {
      expect(call.name).toBe('get_temperature');
      expect(cityArgs.safeParse(call.input).success).toBe(true);
    }
    expectEnd(rawBody(raw), CLAUDE, ['tool_use']);
  });

  awsIt('Nova Lite: chat with tools leaves message.options without tool calls (a LlamaIndex bug), while raw holds a valid toolUse', async () => {
    const llm = await llamaindexBedrock(t, NOVA, 200);
    const { message, raw } = await llm.chat({ messages: askTemperature, tools: [getTemperature] });
    expect(toolCallsOf(message.options)).toEqual([]);
    const body = rawBody(raw);
    const uses = body.output.message.content.filter((block: any) => block.toolUse).map((block: any) => block.toolUse);
    expect(uses.length).toBeGreaterThanOrEqual(1);
    for (const use of uses) {
      expect(use.name).toBe('get_temperature');
      expect(cityArgs.safeParse(use.input).success).toBe(true);
    }
    expectEnd(body, NOVA, ['tool_use']);
  });

  awsIt('Claude Sonnet 4: exec runs get_temperature and a second exec with its result gives a text answer', async () => {
    const llm = await llamaindexBedrock(t, CLAUDE, 200);
    const first = await llm.exec({ messages: askTemperature, tools: [getTemperature] });
    expect(first.toolCalls.map((call) => call.name)).toContain('get_temperature');
    const results = first.newMessages.filter((m) => m.options && 'toolResult' in m.options);
    expect(results.map((m) => (m.options as any).toolResult.result)).toContain(18);
    const second = await llm.exec({ messages: [...askTemperature, ...first.newMessages], tools: [getTemperature] });
    expect(second.toolCalls).toEqual([]);
    expect(second.newMessages).toHaveLength(1);
    expect(String(second.newMessages[0]!.content).trim()).not.toBe('');
  });

  awsIt('Claude Sonnet 4: exec with a zod responseFormat and the format_output tool forced gives an object the schema accepts', async () => {
    const llm = await llamaindexBedrock(t, CLAUDE, 200);
    const result = await llm.exec({
      messages: [{ role: 'user', content: 'Give the weather in Paris today.' }],
      responseFormat: weather,
      additionalChatOptions: { toolChoice: { type: 'tool', name: 'format_output' } },
    });
    const parsed = weather.safeParse(result.object);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  emulatorIt('chat, streamed chat and tool calls are InvokeModel and InvokeModelWithResponseStream requests, all answered 200', async () => {
    for (const [, modelId] of MODELS) {
      const before = requests.length;
      const llm = await llamaindexBedrock(t, modelId, 200);
      await llm.chat({ messages: [{ role: 'user', content: 'Say hello.' }] });
      for await (const _ of await llm.chat({ messages: askTemperature, tools: [getTemperature], stream: true }));
      await llm.chat({ messages: askTemperature, tools: [getTemperature] });
      expect(requests.slice(before)).toEqual(['InvokeModel', 'InvokeModelWithResponseStream', 'InvokeModel'].map((op) => `${op} ${modelId} 200`));
    }
    const before = requests.length;
    const llm = await llamaindexBedrock(t, CLAUDE, 200);
    const first = await llm.exec({ messages: askTemperature, tools: [getTemperature] });
    await llm.exec({ messages: [...askTemperature, ...first.newMessages], tools: [getTemperature] });
    await llm.exec({ messages: [{ role: 'user', content: 'Weather?' }], responseFormat: weather, additionalChatOptions: { toolChoice: { type: 'tool', name: 'format_output' } } });
    expect(requests.slice(before)).toEqual([`InvokeModel ${CLAUDE} 200`, `InvokeModel ${CLAUDE} 200`, `InvokeModel ${CLAUDE} 200`]);
  });
});
