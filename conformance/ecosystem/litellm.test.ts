// LiteLLM (`litellm`): completion() on Claude and Nova through both of its Bedrock routes,
// `bedrock/converse/<id>` (Converse, ConverseStream) and `bedrock/invoke/<id>` (InvokeModel and its
// stream, with the model's native body: Claude's Messages body, Nova's messages-v1 body): text,
// streaming (text, and a tool call put together from its deltas), a tool round trip (tool call, "tool" message, final answer) and structured output
// (`response_format` with a pydantic class) (python/litellm_completion.py, one process for all).
// A bare `bedrock/<id>` goes to Converse for these models (LiteLLM's own routing, seen in the
// emulator's log), so the invoke route is named explicitly.
// What LiteLLM 1.110 sends for structured output (recorded against the emulator): Claude gets the schema
// as native structured output (Converse `outputConfig.textFormat`; on InvokeModel `output_config.format`
// with `anthropic_beta: ["structured-outputs-2025-11-13"]`) and the object is the answer's JSON text;
// Nova on InvokeModel gets a tool `json_tool_call` with toolChoice tool, whose input LiteLLM returns as
// the message content.
import { expect } from 'vitest';
import { requireModel } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';
import { describePrograms, partOf, PROGRAM_TIMEOUT, requestsTo } from './python-programs.js';

const CLAUDE = 'us.anthropic.claude-haiku-4-5-20251001-v1:0';
const NOVA = 'us.amazon.nova-lite-v1:0';
const CASES = [
  ['converse', 'Claude Haiku 4.5', CLAUDE, ['Converse', 'ConverseStream']],
  ['converse', 'Nova Lite', NOVA, ['Converse', 'ConverseStream']],
  ['invoke', 'Claude Haiku 4.5', CLAUDE, ['InvokeModel', 'InvokeModelWithResponseStream']],
  ['invoke', 'Nova Lite', NOVA, ['InvokeModel', 'InvokeModelWithResponseStream']],
] as const;
const MODELS = CASES.map(([route, , modelId]) => `bedrock/${route}/${modelId}`);

describePrograms('LiteLLM: completion() on Bedrock', (run) => {
  const part = async (model: string, scenario: string) => partOf(await run('litellm_completion.py', ...MODELS), `${model} ${scenario}`);

  for (const [route, name, modelId, [operation, streamOperation]] of CASES) {
    const model = `bedrock/${route}/${modelId}`;

    awsIt(`${model} (${name}): with a system message, a text, finish_reason stop or length, and the usage`, async () => {
      await requireModel(modelId);
      const out = await part(model, 'text');
      expect(out.content.trim()).not.toBe('');
      expect(['stop', 'length']).toContain(out.finish_reason);
      expect(out.usage.prompt_tokens).toBeGreaterThan(0);
      expect(out.usage.completion_tokens).toBeGreaterThan(0);
      expect(out.usage.total_tokens).toBe(out.usage.prompt_tokens + out.usage.completion_tokens);
    }, PROGRAM_TIMEOUT);

    awsIt(`${model} (${name}): stream=True gives several deltas, one finish_reason and the usage`, async () => {
      await requireModel(modelId);
      const out = await part(model, 'stream');
      expect(out.deltas.length).toBeGreaterThan(1);
      expect(out.deltas.join('').trim()).not.toBe('');
      expect(out.finish_reasons).toHaveLength(1);
      expect(['stop', 'length']).toContain(out.finish_reasons[0]);
      expect(out.usage.prompt_tokens).toBeGreaterThan(0);
      expect(out.usage.completion_tokens).toBeGreaterThan(0);
    }, PROGRAM_TIMEOUT);

    awsIt(`${model} (${name}): stream=True with tools gives a get_temperature call whose pieces join into valid arguments, finish_reason tool_calls`, async () => {
      await requireModel(modelId);
      const out = await part(model, 'stream_tools');
      expect(out.tool_calls.length).toBeGreaterThanOrEqual(1);
      for (const call of out.tool_calls) {
        expect(typeof call.id).toBe('string');
        expect(call.name).toBe('get_temperature');
        expect(Object.keys(call.arguments)).toEqual(['city']);
        expect(typeof call.arguments.city).toBe('string');
      }
      expect(out.finish_reasons).toEqual(['tool_calls']);
    }, PROGRAM_TIMEOUT);

    awsIt(`${model} (${name}): tools round trip: a get_temperature call with valid arguments, then a text answer to the tool message`, async () => {
      await requireModel(modelId);
      const out = await part(model, 'tools');
      expect(out.finish_reason).toBe('tool_calls');
      expect(out.tool_calls.length).toBeGreaterThanOrEqual(1);
      for (const call of out.tool_calls) {
        expect(call.name).toBe('get_temperature');
        expect(Object.keys(call.arguments)).toEqual(['city']);
        expect(typeof call.arguments.city).toBe('string');
      }
      expect(out.final_tool_calls).toBe(0);
      expect(out.final_content.trim()).not.toBe('');
      expect(['stop', 'length']).toContain(out.final_finish_reason);
      expect(out.final_usage.prompt_tokens).toBeGreaterThan(0);
    }, PROGRAM_TIMEOUT);

    awsIt(`${model} (${name}): response_format=CityWeather gives content that CityWeather parses`, async () => {
      await requireModel(modelId);
      const { output, finish_reason } = await part(model, 'structured');
      expect(typeof output.city).toBe('string');
      expect(Number.isInteger(output.temperature_celsius)).toBe(true);
      expect(Math.abs(output.temperature_celsius)).toBeLessThanOrEqual(60);
      expect(typeof output.conditions).toBe('string');
      expect(['stop', 'tool_calls']).toContain(finish_reason);
    }, PROGRAM_TIMEOUT);

    emulatorIt(`${model} (${name}): ${operation} for text, ${streamOperation} for the streams, ${operation} for the rest, all answered 200`, async () => {
      const r = await run('litellm_completion.py', ...MODELS);
      for (const scenario of ['text', 'stream', 'stream_tools', 'tools', 'structured']) partOf(r, `${model} ${scenario}`);
      const mine = requestsTo(r, modelId).filter((line) => [operation, streamOperation].includes(line.split(' ')[0] as any));
      expect(mine).toEqual([operation, streamOperation, streamOperation, operation, operation, operation].map((op) => `${op} ${modelId} 200`));
    }, PROGRAM_TIMEOUT);
  }
});
