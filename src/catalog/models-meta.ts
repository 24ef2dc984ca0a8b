// Meta Llama. Sorted by model id.
//
// Names from a real 2026 ListFoundationModels dump. Llama 3.2, 3.3 and 4 report ['INFERENCE_PROFILE'];
// Llama 3.1 8B/70B are invocable on demand in us-west-2 and through `us.` profiles.

import { providerModels } from './define.js';
import type { ModelEntry } from './types.js';

const llama = providerModels('Meta', { family: 'llama' });

export const META_MODELS: readonly ModelEntry[] = [
  llama('meta.llama2-13b-chat-v1', 'Llama 2 Chat 13B', 4_096, 2_048, { legacy: true }),
  llama('meta.llama2-70b-chat-v1', 'Llama 2 Chat 70B', 4_096, 2_048, { legacy: true }),
  llama('meta.llama3-1-405b-instruct-v1:0', 'Llama 3.1 405B Instruct', 128_000, 2_048),
  llama('meta.llama3-1-70b-instruct-v1:0', 'Llama 3.1 70B Instruct', 128_000, 2_048, {
    inferenceTypes: ['ON_DEMAND', 'INFERENCE_PROFILE'], customizations: ['FINE_TUNING', 'DISTILLATION'], profiles: ['us'],
  }),
  // 8,192 output tokens: pollinations/pollinations#5503 (2025-11-30) runs it at 4,096 and names 8,192
  // as its limit; the 2,048 refusals on record are for 70B (src/refusals.evidence.md S23).
  llama('meta.llama3-1-8b-instruct-v1:0', 'Llama 3.1 8B Instruct', 128_000, 8_192, {
    inferenceTypes: ['ON_DEMAND', 'INFERENCE_PROFILE'], customizations: ['FINE_TUNING', 'DISTILLATION'], profiles: ['us'],
  }),
  llama('meta.llama3-2-11b-instruct-v1:0', 'Llama 3.2 11B Instruct', 128_000, 2_048, {
    input: ['TEXT', 'IMAGE'], profileOnly: true, customizations: ['FINE_TUNING'], profiles: ['us'],
  }),
  // The bare id answered Converse and ConverseStream in us-east-1 on 2025-02-28 (traceloop/openllmetry
  // cassettes tests/traces/cassettes/test_meta/test_meta_converse*.yaml, 200), after the 2024-10
  // refusals of Llama 3.2 bare ids (refusals M03, M06).
  llama('meta.llama3-2-1b-instruct-v1:0', 'Llama 3.2 1B Instruct', 128_000, 2_048, {
    profileOnly: true, customizations: ['FINE_TUNING'], profiles: ['us', 'eu'], onDemandRegions: ['us-east-1'],
  }),
  llama('meta.llama3-2-3b-instruct-v1:0', 'Llama 3.2 3B Instruct', 128_000, 2_048, {
    profileOnly: true, customizations: ['FINE_TUNING'], profiles: ['us', 'eu'],
  }),
  llama('meta.llama3-2-90b-instruct-v1:0', 'Llama 3.2 90B Instruct', 128_000, 2_048, {
    input: ['TEXT', 'IMAGE'], profileOnly: true, customizations: ['FINE_TUNING'], profiles: ['us'],
  }),
  llama('meta.llama3-3-70b-instruct-v1:0', 'Llama 3.3 70B Instruct', 128_000, 2_048, {
    profileOnly: true, profiles: ['us'],
  }),
  llama('meta.llama3-70b-instruct-v1:0', 'Llama 3 70B Instruct', 8_192, 2_048),
  llama('meta.llama3-8b-instruct-v1:0', 'Llama 3 8B Instruct', 8_192, 2_048),
  llama('meta.llama4-maverick-17b-instruct-v1:0', 'Llama 4 Maverick 17B Instruct', 1_000_000, 16_384, {
    input: ['TEXT', 'IMAGE'], profileOnly: true, profiles: ['us'],
  }),
  llama('meta.llama4-scout-17b-instruct-v1:0', 'Llama 4 Scout 17B Instruct', 3_500_000, 16_384, {
    input: ['TEXT', 'IMAGE'], profileOnly: true, profiles: ['us'],
  }),
];
