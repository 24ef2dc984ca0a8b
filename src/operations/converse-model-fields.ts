// The models' own refusals of request fields, as Converse passes them on, with Converse's prefix
// "The model returned the following errors: " (ConverseErrors.fromModel): Claude's native checks of
// src/families/anthropic-request.ts, and Nova 2's reasoning limits. Only where a refusal is on record
// (src/errors.evidence.md, "Settled for issue 8"; src/refusals.evidence.md K24-K27).
import type { ModelEntry } from '../catalog/types.js';
import { ConverseErrors, Errors } from '../errors.js';

type Json = Record<string, any>;

// Adaptive-only models refuse `thinking.type: enabled`: Sonnet 5 through ConverseStream
// (earendil-works/pi#6212, 2026-07-01), Opus 4.8 (coder/coder#26691, 2026-06-25), Opus 4.7
// (8monkey-ai/hebo-gateway#217, 2026-05-29). Opus 5: no sighting, taken.
const adaptiveOnly = (entry: ModelEntry) => /claude-(opus-4-[78]|sonnet-5)/.test(entry.modelId);

// `temperature` refused at any value through Converse: Opus 4.7 (cline/cline#10572, 2026-05-06,
// `{"message":"The model returned the following errors: `temperature` is deprecated for this model."}`),
// Opus 4.7/4.8 (DayuanJiang/next-ai-draw-io#861, 2026-06-06), Sonnet 5 (cline/cline#12252,
// 2026-07-13, "[BEDROCK] The model returned the following errors: `temperature` is deprecated for this
// model."); Opus 5 on InvokeModel (promptfoo/promptfoo#10307, 2026-08-05). `temperature: 1` beside
// thinking is taken (logancyang/obsidian-copilot#2600's thinking path).
const deprecatesTemperature = (entry: ModelEntry) => /claude-(opus-(4-[7-9]|[5-9])|sonnet-5)/.test(entry.modelId);

// output_config.effort: refused by Sonnet 4.5 and Haiku 4.5 (anthropics/claude-code-action#1005,
// 2026-03, InvokeModel); Converse hands `additionalModelRequestFields.output_config` to the same
// validation on Haiku 4.5 (vectorize-io/hindsight#3300, 2026-08-10: "The model returned the following
// errors: output_config.format: Extra inputs are not permitted").
const refusesEffort = (entry: ModelEntry) => /claude-(sonnet|haiku)-4-5/.test(entry.modelId);

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
