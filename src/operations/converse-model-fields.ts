// The models' own refusals of request fields, as Converse passes them on, with Converse's prefix
// "The model returned the following errors: " (ConverseErrors.fromModel): Claude's native checks of
// src/families/anthropic-request.ts, and Nova 2's reasoning limits. Only where a refusal is on record
// (src/errors.evidence.md, "Settled for issue 8"; src/refusals.evidence.md K24-K27).
import type { ModelEntry } from '../catalog/types.js';
import { adaptiveOnly, deprecatesTemperature, refusesEffort, refusesTemperatureWithTopP } from '../catalog/claude-rules.js';
import { ConverseErrors, Errors } from '../errors.js';

type Json = Record<string, any>;

export function checkModelFields(input: Json, entry: ModelEntry): void {
  if (entry.family === 'nova') return checkNovaFields(input, entry);
  if (entry.family !== 'anthropic-messages') return;
  const extra: Json = input.additionalModelRequestFields ?? {};
  const thinking = extra.thinking?.type;
  if (thinking === 'enabled' && adaptiveOnly(entry)) throw ConverseErrors.fromModel(Errors.claudeThinkingAdaptiveOnly().message);
  if (extra.output_config?.effort !== undefined && refusesEffort(entry)) throw ConverseErrors.fromModel(Errors.claudeExtraInput('output_config.effort').message);
  const temperature = input.inferenceConfig?.temperature ?? extra.temperature;
  const thinks = thinking === 'enabled' || thinking === 'adaptive';
  if (temperature !== undefined && deprecatesTemperature(entry) && !(thinks && temperature === 1)) {
    throw ConverseErrors.fromModel(Errors.claudeTemperatureDeprecated().message);
  }
  const topP = input.inferenceConfig?.topP ?? extra.top_p;
  if (temperature !== undefined && topP !== undefined && refusesTemperatureWithTopP(entry)) {
    throw ConverseErrors.fromModel(Errors.claudeTemperatureWithTopP().message);
  }
}

// Nova v1 cannot reason and refuses an enabled reasoningConfig ("Same failure at `low` as at `high`":
// UKGovernmentBEIS/inspect_ai#5301, 2026-09-08, us.amazon.nova-pro-v1:0, Converse). Nova 2 with high
// reasoning effort refuses an output limit: vercel/ai fixture
// amazon-bedrock-nova-2-high-reasoning-validation-error (Converse, Nova 2 Lite, 2026).
function checkNovaFields(input: Json, entry: ModelEntry): void {
  const config = input.additionalModelRequestFields?.reasoningConfig;
  if (config?.type === 'enabled' && !entry.modelId.startsWith('amazon.nova-2')) {
    throw ConverseErrors.fromModel(Errors.malformedInput('the provided reasoning config value is invalid').message);
  }
  if (config?.type === 'enabled' && config.maxReasoningEffort === 'high' && input.inferenceConfig?.maxTokens !== undefined) {
    throw ConverseErrors.fromModel(Errors.novaHighReasoningMaxTokens().message);
  }
}
