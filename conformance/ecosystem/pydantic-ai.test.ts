// pydantic-ai (pydantic-ai-slim[bedrock], BedrockConverseModel): an agent with a tool and an output
// type, on Claude and on Nova (python/pydantic_ai_agent.py). pydantic-ai sends the output type as a
// tool named final_result next to the agent's own tools, with toolChoice any (the agent may not answer
// in text), also on the request that carries the tool's result; when an answer holds no valid
// final_result call it sends the validation error back and retries, once by default.
import { expect } from 'vitest';
import { requireModel } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';
import { describePrograms, partOf, PROGRAM_TIMEOUT, requestsTo } from './python-programs.js';

const MODELS = [
  ['Claude Haiku 4.5', 'us.anthropic.claude-haiku-4-5-20251001-v1:0'],
  ['Nova Lite', 'us.amazon.nova-lite-v1:0'],
] as const;

const MODEL_IDS = MODELS.map(([, id]) => id);

describePrograms('pydantic-ai: an agent with a tool and an output type', (run) => {
  for (const [name, modelId] of MODELS) {
    awsIt(`${name}: result.output is a valid CityWeather`, async () => {
      await requireModel(modelId);
      const out = partOf(await run('pydantic_ai_agent.py', ...MODEL_IDS), modelId);
      expect(typeof out.output.city).toBe('string');
      expect(Number.isInteger(out.output.temperature_celsius)).toBe(true);
      expect(out.output.temperature_celsius).toBeGreaterThanOrEqual(-60);
      expect(out.output.temperature_celsius).toBeLessThanOrEqual(60);
      expect(typeof out.output.summary).toBe('string');
      expect(out.output.summary.length).toBeLessThanOrEqual(200);
      expect(out.usage.input_tokens).toBeGreaterThan(0);
      expect(out.usage.output_tokens).toBeGreaterThan(0);
    }, PROGRAM_TIMEOUT);

    emulatorIt(`${name}: every Converse request is answered 200, with no output retry (one or two model calls)`, async () => {
      const r = await run('pydantic_ai_agent.py', ...MODEL_IDS);
      partOf(r, modelId);
      const requests = requestsTo(r, modelId);
      expect(requests.length).toBeGreaterThanOrEqual(1);
      expect(requests.length).toBeLessThanOrEqual(2);
      for (const line of requests) expect(line).toBe(`Converse ${modelId} 200`);
    }, PROGRAM_TIMEOUT);
  }
});
