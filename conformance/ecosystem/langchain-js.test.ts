// LangChain JS (`@langchain/aws` with `@langchain/core`): ChatBedrockConverse's invoke, stream (text,
// and a tool call put together from its chunks), a bindTools round trip (the model's tool call, a ToolMessage with the tool's result, the final answer)
// and withStructuredOutput(zod), on Claude and on Nova, written as LangChain's docs show them. Each test
// checks what the application reads: the text, the tool calls' arguments, the parsed object, the stop
// reason, the usage.
//
// What the package sends (1.4.5): Converse / ConverseStream. withStructuredOutput binds the schema as
// a tool named "extract" and forces it where its own table says the model takes toolChoice `tool`
// (Claude 3 and later: toolChoice tool); for other models (Nova) it sends no toolChoice at all (auto)
// and reads the first "extract" call from the answer.
import { HumanMessage, ToolMessage, type AIMessage } from '@langchain/core/messages';
import { tool } from '@langchain/core/tools';
import { describe, expect } from 'vitest';
import { z } from 'zod';
import { requireModel, useLoggedTarget } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';
import { langchainConverse } from './js-clients.js';

const CLAUDE = 'us.anthropic.claude-haiku-4-5-20251001-v1:0';
const NOVA = 'us.amazon.nova-lite-v1:0';
const MODELS = [
  ['Claude Haiku 4.5', CLAUDE],
  ['Nova Lite', NOVA],
] as const;
requireModel(CLAUDE, NOVA);

const { t, requests } = useLoggedTarget();

const weather = z.object({
  city: z.string().describe('The city'),
  temperatureCelsius: z.number().int().min(-60).max(60),
  conditions: z.enum(['sunny', 'cloudy', 'rain', 'snow']),
});

const getTemperature = tool(async ({ city }: { city: string }) => (city ? '18' : '0'), {
  name: 'get_temperature',
  description: 'The current temperature in a city, in degrees Celsius.',
  schema: z.object({ city: z.string().describe('The city') }),
});

/** The usage LangChain puts on an AI message: both counts positive, and their sum as the total. */
function expectUsage(message: AIMessage) {
  const usage = message.usage_metadata!;
  expect(usage.input_tokens).toBeGreaterThan(0);
  expect(usage.output_tokens).toBeGreaterThan(0);
  expect(usage.total_tokens).toBe(usage.input_tokens + usage.output_tokens);
}

/** The bindTools round trip: the tool call, a ToolMessage answering it, and the final answer. */
async function roundTrip(modelId: string) {
  const llm = (await langchainConverse(t, { model: modelId, maxTokens: 200, temperature: 0 })).bindTools([getTemperature]);
  const messages = [new HumanMessage('What is the temperature in Paris? Use the get_temperature tool.')];
  const first = await llm.invoke(messages);
  const followUp = [...messages, first, ...first.tool_calls!.map((call) => new ToolMessage({ content: '18', tool_call_id: call.id! }))];
  const final = await llm.invoke(followUp);
  return { first, final };
}

describe('LangChain JS: ChatBedrockConverse', () => {
  for (const [name, modelId] of MODELS) {
    awsIt(`${name}: invoke gives a text, stop reason end_turn or max_tokens, and the usage`, async () => {
      const llm = await langchainConverse(t, { model: modelId, maxTokens: 40, temperature: 0 });
      const message = await llm.invoke('Say hello in five words.');
      expect(typeof message.content).toBe('string');
      expect(message.text.trim()).not.toBe('');
      expect(['end_turn', 'max_tokens']).toContain(message.response_metadata.stopReason);
      expectUsage(message);
    });

    awsIt(`${name}: stream gives several text chunks that add up to the answer, and the usage`, async () => {
      const llm = await langchainConverse(t, { model: modelId, maxTokens: 60, temperature: 0 });
      const texts: string[] = [];
      let whole: any;
      for await (const chunk of await llm.stream('Count from one to ten in words.')) {
        if (chunk.text) texts.push(chunk.text);
        whole = whole ? whole.concat(chunk) : chunk;
      }
      expect(texts.length).toBeGreaterThan(1);
      expect(whole.text).toBe(texts.join(''));
      expect(whole.text.trim()).not.toBe('');
      expectUsage(whole);
    });

    awsIt(`${name}: stream with bindTools: the chunks add up to a get_temperature call with valid arguments`, async () => {
      const llm = (await langchainConverse(t, { model: modelId, maxTokens: 200, temperature: 0 })).bindTools([getTemperature]);
      let whole: any;
      for await (const chunk of await llm.stream('What is the temperature in Paris? Use the get_temperature tool.')) whole = whole ? whole.concat(chunk) : chunk;
      expect(whole.tool_calls.length).toBeGreaterThanOrEqual(1);
      for (const call of whole.tool_calls) {
        expect(call.name).toBe('get_temperature');
        expect(getTemperature.schema.safeParse(call.args).success).toBe(true);
        expect(typeof call.id).toBe('string');
      }
      expect(whole.invalid_tool_calls ?? []).toEqual([]);
      // Streamed, LangChain keeps the stream's events as they came: the stop reason is under messageStop.
      expect(whole.response_metadata.messageStop.stopReason).toBe('tool_use');
    });

    awsIt(`${name}: bindTools round trip: a get_temperature call with valid arguments, then a text answer to the ToolMessage`, async () => {
      const { first, final } = await roundTrip(modelId);
      expect(first.response_metadata.stopReason).toBe('tool_use');
      expect(first.tool_calls!.length).toBeGreaterThanOrEqual(1);
      for (const call of first.tool_calls!) {
        expect(call.name).toBe('get_temperature');
        expect(getTemperature.schema.safeParse(call.args).success).toBe(true);
        expect(typeof call.id).toBe('string');
      }
      expect(final.tool_calls ?? []).toEqual([]);
      expect(final.text.trim()).not.toBe('');
      expect(['end_turn', 'max_tokens']).toContain(final.response_metadata.stopReason);
      expectUsage(final);
    });

    awsIt(`${name}: withStructuredOutput(zod).invoke gives an object the schema accepts`, async () => {
      const llm = await langchainConverse(t, { model: modelId, maxTokens: 200, temperature: 0 });
      const output = await llm.withStructuredOutput(weather).invoke('Give the weather in Paris today.');
      const parsed = weather.safeParse(output);
      expect(parsed.error?.issues ?? []).toEqual([]);
    });
  }

  emulatorIt('invoke, stream, the round trip and withStructuredOutput: Converse and ConverseStream requests, all answered 200', async () => {
    for (const [, modelId] of MODELS) {
      const before = requests.length;
      await (await langchainConverse(t, { model: modelId, maxTokens: 40 })).invoke('Say hello.');
      await (await langchainConverse(t, { model: modelId, maxTokens: 40 })).stream('Say hello.').then(async (s) => {
        for await (const _ of s);
      });
      await (await langchainConverse(t, { model: modelId, maxTokens: 200 })).bindTools([getTemperature]).stream('Temperature in Paris?').then(async (s) => {
        for await (const _ of s);
      });
      await roundTrip(modelId);
      await (await langchainConverse(t, { model: modelId, maxTokens: 200 })).withStructuredOutput(weather).invoke('Give the weather in Paris today.');
      expect(requests.slice(before)).toEqual(['Converse', 'ConverseStream', 'ConverseStream', 'Converse', 'Converse', 'Converse'].map((op) => `${op} ${modelId} 200`));
    }
  });
});
