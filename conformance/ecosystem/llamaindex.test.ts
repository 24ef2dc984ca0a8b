// LlamaIndex (llama-index-llms-bedrock-converse, BedrockConverse): structured_predict with a Pydantic
// class (python/llamaindex_structured.py), which LlamaIndex sends as a tool with toolChoice any, on Nova
// (as the issue asks) and on Claude. LlamaIndex's Python package takes `us.` profile ids for the models
// on its list (its TypeScript sibling refuses them). One process runs both models in turn.
import { expect } from 'vitest';
import { requireModel } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';
import { describePrograms, partOf, PROGRAM_TIMEOUT, requestsTo } from './python-programs.js';

const MODELS = [
  ['Nova Lite', 'us.amazon.nova-lite-v1:0'],
  ['Claude Haiku 4.5', 'us.anthropic.claude-haiku-4-5-20251001-v1:0'],
] as const;

const MODEL_IDS = MODELS.map(([, id]) => id);

describePrograms('LlamaIndex: BedrockConverse.structured_predict', (run) => {
  for (const [name, modelId] of MODELS) {
    awsIt(`${name}: returns a valid Song`, async () => {
      await requireModel(modelId);
      const { output } = partOf(await run('llamaindex_structured.py', ...MODEL_IDS), modelId);
      expect(typeof output.title).toBe('string');
      expect(typeof output.artist).toBe('string');
      expect(Number.isInteger(output.length_seconds)).toBe(true);
      expect(output.length_seconds).toBeGreaterThanOrEqual(1);
      expect(output.length_seconds).toBeLessThanOrEqual(3600);
    }, PROGRAM_TIMEOUT);

    emulatorIt(`${name}: one Converse request, answered 200`, async () => {
      const r = await run('llamaindex_structured.py', ...MODEL_IDS);
      partOf(r, modelId);
      expect(requestsTo(r, modelId)).toEqual([`Converse ${modelId} 200`]);
    }, PROGRAM_TIMEOUT);
  }
});
