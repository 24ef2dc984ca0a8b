// LangChain (langchain-aws): with_structured_output and a bind_tools round trip (the model's tool call,
// a ToolMessage with the tool's result, the final answer), through ChatBedrockConverse (Converse) on
// Claude and on Nova, and through ChatBedrock (InvokeModel, Claude's native body) on Claude
// (python/langchain_chat.py, one process running them all in turn). with_structured_output
// forces the schema's tool (toolChoice tool / tool_choice {type: tool}).
import { expect } from 'vitest';
import { requireModel } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';
import { describePrograms, partOf, PROGRAM_TIMEOUT, requestsTo } from './python-programs.js';

const CLAUDE = 'us.anthropic.claude-haiku-4-5-20251001-v1:0';
const NOVA = 'us.amazon.nova-lite-v1:0';
const CASES = [
  ['ChatBedrockConverse', 'converse', 'Claude Haiku 4.5', CLAUDE, 'Converse'],
  ['ChatBedrockConverse', 'converse', 'Nova Lite', NOVA, 'Converse'],
  ['ChatBedrock', 'invoke', 'Claude Haiku 4.5', CLAUDE, 'InvokeModel'],
] as const;

const ARGS = CASES.map(([, kind, , modelId]) => `${kind}:${modelId}`);

describePrograms('LangChain (langchain-aws)', (run) => {
  for (const [cls, kind, name, modelId, operation] of CASES) {
    const key = `${kind}:${modelId}`;
    awsIt(`${cls} on ${name}: with_structured_output(CityWeather).invoke() returns a valid CityWeather`, async () => {
      await requireModel(modelId);
      const { output } = partOf(await run('langchain_chat.py', ...ARGS), `${key} structured`);
      expect(typeof output.city).toBe('string');
      expect(Number.isInteger(output.temperature_celsius)).toBe(true);
      expect(Math.abs(output.temperature_celsius)).toBeLessThanOrEqual(60);
      expect(typeof output.conditions).toBe('string');
    }, PROGRAM_TIMEOUT);


    awsIt(`${cls} on ${name}: bind_tools round trip: a get_temperature call, then a text answer to its ToolMessage`, async () => {
      await requireModel(modelId);
      const out = partOf(await run('langchain_chat.py', ...ARGS), `${key} tools`);
      expect(out.tool_calls.length).toBeGreaterThanOrEqual(1);
      for (const call of out.tool_calls) {
        expect(call.name).toBe('get_temperature');
        expect(typeof call.args.city).toBe('string');
      }
      expect(out.final_tool_calls).toBe(0);
      expect(out.final_text.trim()).not.toBe('');
      expect(out.final_usage.input_tokens).toBeGreaterThan(0);
      expect(out.final_usage.output_tokens).toBeGreaterThan(0);
    }, PROGRAM_TIMEOUT);

    emulatorIt(`${cls} on ${name}: with_structured_output is one ${operation} request and the round trip two, all answered 200`, async () => {
      const r = await run('langchain_chat.py', ...ARGS);
      partOf(r, `${key} structured`);
      partOf(r, `${key} tools`);
      expect(requestsTo(r, modelId).filter((line) => line.startsWith(`${operation} `))).toEqual([`${operation} ${modelId} 200`, `${operation} ${modelId} 200`, `${operation} ${modelId} 200`]);
    }, PROGRAM_TIMEOUT);
  }
});
