// The Vercel AI SDK (`ai` with `@ai-sdk/amazon-bedrock`), used as its docs tell users to: structured
// output through generateText's `output: Output.object(...)` (ai v7's API; generateObject still exists,
// deprecated, and is still what much code calls), plain generateText and streamText. Each test checks
// what the application reads: the parsed object, the text, the finish reason, the usage.
//
// What the provider sends (@ai-sdk/amazon-bedrock 5.x, Converse/ConverseStream):
// - Claude Haiku 4.5 and Nova: the schema as a tool named "json" with toolChoice any ("required"),
//   and the object is that tool call's input. Haiku 4.5 is on the provider's list of models without
//   reliable native structured output, so "auto" picks the tool.
// - Claude Sonnet 4.5: native structured output, additionalModelRequestFields.output_config.format
//   {type: json_schema, schema}, and the object is the JSON text of the answer.
import { generateObject, generateText, Output, streamText } from 'ai';
import { describe, expect } from 'vitest';
import { z } from 'zod';
import { requireModel, useLoggedTarget } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';
import { vercelBedrock, vercelBedrockAnthropic } from './js-clients.js';

const CLAUDE_TOOL = 'us.anthropic.claude-haiku-4-5-20251001-v1:0';
const CLAUDE_NATIVE = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';
const NOVA = 'us.amazon.nova-lite-v1:0';
requireModel(CLAUDE_TOOL, CLAUDE_NATIVE, NOVA);

const { t, requests } = useLoggedTarget();

const weather = z.object({
  city: z.string(),
  temperatureCelsius: z.number().int().min(-60).max(60),
  conditions: z.enum(['sunny', 'cloudy', 'rain', 'snow']),
  advice: z.array(z.string()).max(3),
});
const prompt = 'Give the weather in Paris today as an object (one short piece of advice at most).';
const maxOutputTokens = 200;

/** What an application reads from a structured answer: an object the schema accepts. */
function expectWeather(output: unknown) {
  const parsed = weather.safeParse(output);
  expect(parsed.error?.issues ?? []).toEqual([]);
  return parsed.data!;
}

describe('Vercel AI SDK: structured output with generateText and Output.object', () => {
  awsIt.each([
    ['Claude Haiku 4.5 (the "json" tool, toolChoice any)', CLAUDE_TOOL],
    ['Claude Sonnet 4.5 (native output_config.format)', CLAUDE_NATIVE],
    ['Nova Lite (the "json" tool, toolChoice any)', NOVA],
  ])('%s: output is an object valid against the zod schema', async (_name, modelId) => {
    const bedrock = await vercelBedrock(t);
    const result = await generateText({ model: bedrock(modelId), output: Output.object({ schema: weather }), prompt, maxOutputTokens });
    expectWeather(result.output);
    expect(result.usage.inputTokens).toBeGreaterThan(0);
    expect(result.usage.outputTokens).toBeGreaterThan(0);
  });

  emulatorIt('each structured call is one Converse request answered 200', async () => {
    const bedrock = await vercelBedrock(t);
    const before = requests.length;
    for (const modelId of [CLAUDE_TOOL, NOVA]) await generateText({ model: bedrock(modelId), output: Output.object({ schema: weather }), prompt, maxOutputTokens });
    expect(requests.slice(before)).toEqual([`Converse ${CLAUDE_TOOL} 200`, `Converse ${NOVA} 200`]);
  });
});

describe('Vercel AI SDK: generateObject (deprecated in ai v7, still widely called)', () => {
  awsIt.each([
    ['Claude Haiku 4.5', CLAUDE_TOOL],
    ['Nova Lite', NOVA],
  ])('%s: object is valid against the zod schema', async (_name, modelId) => {
    const bedrock = await vercelBedrock(t);
    const { object, finishReason } = await generateObject({ model: bedrock(modelId), schema: weather, prompt, maxOutputTokens });
    expectWeather(object);
    expect(['stop', 'tool-calls']).toContain(finishReason);
  });
});

describe('Vercel AI SDK: text', () => {
  awsIt.each([
    ['Claude Haiku 4.5', CLAUDE_TOOL],
    ['Nova Lite', NOVA],
  ])('%s: generateText gives a text, finish reason stop or length, and the usage', async (_name, modelId) => {
    const bedrock = await vercelBedrock(t);
    const result = await generateText({ model: bedrock(modelId), prompt: 'Say hello in five words.', maxOutputTokens: 40 });
    expect(result.text.trim()).not.toBe('');
    expect(['stop', 'length']).toContain(result.finishReason);
    expect(result.usage.inputTokens).toBeGreaterThan(0);
    expect(result.usage.outputTokens).toBeGreaterThan(0);
    expect(result.usage.totalTokens).toBe(result.usage.inputTokens! + result.usage.outputTokens!);
  });

  awsIt.each([
    ['Claude Haiku 4.5', CLAUDE_TOOL],
    ['Nova Lite', NOVA],
  ])('%s: streamText streams deltas that add up to the final text', async (_name, modelId) => {
    const bedrock = await vercelBedrock(t);
    const errors: unknown[] = [];
    const result = streamText({ model: bedrock(modelId), prompt: 'Count from one to ten in words.', maxOutputTokens: 60, onError: ({ error }) => void errors.push(error) });
    const deltas: string[] = [];
    for await (const delta of result.textStream) deltas.push(delta);
    expect(errors).toEqual([]);
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join('')).toBe(await result.text);
    expect((await result.text).trim()).not.toBe('');
    expect(['stop', 'length']).toContain(await result.finishReason);
    expect((await result.usage).outputTokens).toBeGreaterThan(0);
  });

  emulatorIt('streamText is one ConverseStream request answered 200', async () => {
    const bedrock = await vercelBedrock(t);
    const before = requests.length;
    const result = streamText({ model: bedrock(NOVA), prompt: 'Count from one to ten in words.', maxOutputTokens: 60 });
    await result.text;
    expect(requests.slice(before)).toEqual([`ConverseStream ${NOVA} 200`]);
  });
});

// The provider's Anthropic entry point (@ai-sdk/amazon-bedrock/anthropic), which its docs recommend for
// Claude: Anthropic's own provider speaking Claude's native Messages body over InvokeModel and
// InvokeModelWithResponseStream.
describe('Vercel AI SDK: the Bedrock Anthropic provider (InvokeModel)', () => {
  awsIt('Claude Haiku 4.5: generateText with Output.object gives an object valid against the zod schema', async () => {
    const anthropic = await vercelBedrockAnthropic(t);
    const result = await generateText({ model: anthropic(CLAUDE_TOOL), output: Output.object({ schema: weather }), prompt, maxOutputTokens });
    expectWeather(result.output);
  });

  awsIt('Claude Haiku 4.5: streamText streams deltas that add up to the final text', async () => {
    const anthropic = await vercelBedrockAnthropic(t);
    const errors: unknown[] = [];
    const result = streamText({ model: anthropic(CLAUDE_TOOL), prompt: 'Count from one to ten in words.', maxOutputTokens: 60, onError: ({ error }) => void errors.push(error) });
    const deltas: string[] = [];
    for await (const delta of result.textStream) deltas.push(delta);
    expect(errors).toEqual([]);
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join('')).toBe(await result.text);
    expect(['stop', 'length']).toContain(await result.finishReason);
  });

  emulatorIt('Output.object is one InvokeModel request and streamText one InvokeModelWithResponseStream, both answered 200', async () => {
    const anthropic = await vercelBedrockAnthropic(t);
    const before = requests.length;
    await generateText({ model: anthropic(CLAUDE_TOOL), output: Output.object({ schema: weather }), prompt, maxOutputTokens }).catch(() => {});
    await streamText({ model: anthropic(CLAUDE_TOOL), prompt: 'Say hello.', maxOutputTokens: 40 }).consumeStream();
    expect(requests.slice(before)).toEqual([`InvokeModel ${CLAUDE_TOOL} 200`, `InvokeModelWithResponseStream ${CLAUDE_TOOL} 200`]);
  });
});
