// Which Claude models refuse which request fields, by model id. One place for both routes:
// Claude's native body (src/families/anthropic-request.ts, unprefixed) and Converse, which passes
// the model's refusal on with its prefix (src/operations/converse-model-fields.ts). Evidence rows:
// src/errors.evidence.md "Settled for issue 8"; src/refusals.evidence.md C18-C20, C24, K28-K30, K38.
import type { ModelEntry } from './types.js';

/**
 * Adaptive-only models refuse `thinking.type: enabled`: Opus 4.7 (8monkey-ai/hebo-gateway#217,
 * 2026-05-29), Opus 4.8 (coder/coder#26691, 2026-06-25), Sonnet 5 through ConverseStream, with the
 * wording (earendil-works/pi#6212, 2026-07-01). Opus 5: no sighting, so taken.
 */
export const adaptiveOnly = (model: ModelEntry) => /claude-(opus-4-[78]|sonnet-5)/.test(model.modelId);

/**
 * `temperature` refused at any value, except 1 beside thinking (logancyang/obsidian-copilot#2600,
 * 2026-06-12, InvokeModelWithResponseStream, Opus 4.7/4.8, whose thinking path took 1): Opus 4.7
 * through Converse (cline/cline#10572, 2026-05-06), Opus 4.7/4.8 (DayuanJiang/next-ai-draw-io#861,
 * 2026-06-06), Sonnet 5 through Converse (cline/cline#12252, 2026-07-13), Opus 5 on InvokeModel
 * (promptfoo/promptfoo#10307, 2026-08-05).
 */
export const deprecatesTemperature = (model: ModelEntry) => /claude-(opus-(4-[7-9]|[5-9])|sonnet-5)/.test(model.modelId);

/**
 * `output_config.effort` refused by Sonnet 4.5 and Haiku 4.5 (anthropics/claude-code-action#1005,
 * 2026-03-04, InvokeModel; aws/agent-toolkit-for-aws model-migration.md: "Works on Opus 4.5 only.
 * Errors on Sonnet 4.5 and Haiku 4.5"); taken by Opus 4.5 and every 4.6+ model.
 */
export const refusesEffort = (model: ModelEntry) => /claude-(sonnet|haiku)-4-5/.test(model.modelId);

/**
 * `temperature` and `top_p` together refused by Opus 4.1 (open-webui/pipelines#546, 2025-08-08,
 * Anthropic's API, the same model-side check), Sonnet 4.5 (BerriAI/litellm#15070, 2025-09-30, Converse,
 * the words; mem0ai/mem0#3891, 2026-01-09, Converse), Haiku 4.5 (aws-samples/bedrock-access-gateway#191,
 * 2025-10-16, ConverseStream), Opus 4.5 and Sonnet 4.6 (aws-samples/bedrock-access-gateway#238,
 * 2026-04-14, tested with anthropic.claude-sonnet-4-6). Sonnet 4 and older take both ("all other
 * Anthropic models are able to receive both", horselock/claude-code-proxy#5, 2025-10-23); Opus 4.6: no
 * sighting, so taken; Opus 4.7+ and Sonnet 5 refuse `temperature` itself (deprecatesTemperature).
 */
export const refusesTemperatureWithTopP = (model: ModelEntry) => /claude-(opus-4-1|opus-4-5|sonnet-4-5|haiku-4-5|sonnet-4-6)/.test(model.modelId);

/**
 * The Claude 3 generation (3 Haiku/Sonnet/Opus, 3.5 Haiku and Sonnet v1/v2), and claude-v2/instant
 * answering Messages bodies: the models whose refusals of an assistant-first conversation and of
 * same-role runs are on record, natively and through Converse (src/errors.evidence.md "Settled
 * for issue 8"). Claude 3.7 and later take both.
 */
export const claude3Era = (model: ModelEntry) => /claude-(3-(haiku|sonnet|opus|5-)|v2|instant)/.test(model.modelId);
