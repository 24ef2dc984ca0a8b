// Anthropic Claude on Bedrock. Sorted by model id.
//
// Sources: FORMATS.md §1-2 (ids, `model` values seen in captures: "claude-2.0",
// "claude-3-5-sonnet-20240620", "claude-3-haiku-20240307", "claude-3-5-haiku-20241022");
// REAL_ERROR_MESSAGES.md (claude-3-7-sonnet bare id refused on demand); a real 2026
// ListFoundationModels dump (Claude 3.5 Haiku and every 4.x model report ['INFERENCE_PROFILE']);
// Anthropic's "Claude on Amazon Bedrock" page (base ids without dates for 4.6+, profile geographies,
// 1M context for 4.6+, Sonnet 4/Opus 4.1/Haiku 3.5 deprecated, Sonnet 3.7/Opus 4 retired: both kept
// here as LEGACY); AWS model cards as cited by public routing tables (opus-4-7, opus-4-8, opus-5,
// sonnet-5 ids and geographies). `responseModelName` is the Messages API `model` value.

import { providerModels } from './define.js';
import type { ModelEntry } from './types.js';

const claude = providerModels('Anthropic', { family: 'anthropic-messages', input: ['TEXT', 'IMAGE'] });
/** Legacy Text Completions models (they also accept Messages API bodies; the family handles that). */
const claudeText = providerModels('Anthropic', { family: 'anthropic-text', legacy: true });

export const ANTHROPIC_MODELS: readonly ModelEntry[] = [
  // On demand as well: a bare-id call in us-east-1 answered 200 in March 2025
  // (invoke__anthropic.claude-3-5-haiku-20241022-v1_0__prompt-caching).
  // Converse refused maxTokens 8192 (dify#10390, 2024-11-06: "The maximum tokens you requested exceeds
  // the model limit of 4096", the day after dify raised it to Anthropic's 8192); no later acceptance
  // found. InvokeModel: no refusal quoted, so 8192 stays there.
  claude('anthropic.claude-3-5-haiku-20241022-v1:0', 'Claude 3.5 Haiku', 200_000, 8_192, {
    converseMaxOutputTokens: 4_096,
    input: ['TEXT'], inferenceTypes: ['ON_DEMAND', 'INFERENCE_PROFILE'], legacy: true, profiles: ['us'],
    responseModelName: 'claude-3-5-haiku-20241022',
  }),
  // Converse refuses maxTokens above 4096 (vercel/ai#2772, 2024-08-22, ConverseStream; boto/boto3#4279,
  // 2024-09, Converse; sigoden/aichat#813, 2024-08-30); InvokeModel takes 8192 (anthropics/
  // anthropic-sdk-python#665, 2024-09-19: no error, the output stops near 4096).
  claude('anthropic.claude-3-5-sonnet-20240620-v1:0', 'Claude 3.5 Sonnet', 200_000, 8_192, {
    converseMaxOutputTokens: 4_096,
    legacy: true, profiles: ['us', 'eu', 'apac', 'us-gov'],
    responseModelName: 'claude-3-5-sonnet-20240620',
  }),
  // On demand in us-west-2 only: "us-west-2 allows us to use modelid anthropic.claude-3-5-sonnet-
  // 20241022-v2:0 instead of us.…" (fern-api/fern-platform#1969, 2025-01); refused on demand in
  // us-east-1 (LibreChat#4570 2024-10, bolt.diy#1102 2025-01, strands course issue 2025-08).
  claude('anthropic.claude-3-5-sonnet-20241022-v2:0', 'Claude 3.5 Sonnet v2', 200_000, 8_192, {
    profileOnly: true, onDemandRegions: ['us-west-2'], legacy: true, profiles: ['us', 'apac'],
    responseModelName: 'claude-3-5-sonnet-20241022',
  }),
  claude('anthropic.claude-3-7-sonnet-20250219-v1:0', 'Claude 3.7 Sonnet', 200_000, 64_000, {
    profileOnly: true, legacy: true, profiles: ['us', 'eu', 'apac', 'us-gov'],
    responseModelName: 'claude-3-7-sonnet-20250219',
  }),
  claude('anthropic.claude-3-haiku-20240307-v1:0', 'Claude 3 Haiku', 200_000, 4_096, {
    customizations: ['FINE_TUNING'], profiles: ['us', 'eu', 'apac'],
    responseModelName: 'claude-3-haiku-20240307',
  }),
  claude('anthropic.claude-3-opus-20240229-v1:0', 'Claude 3 Opus', 200_000, 4_096, {
    legacy: true, profiles: ['us'], responseModelName: 'claude-3-opus-20240229',
  }),
  claude('anthropic.claude-3-sonnet-20240229-v1:0', 'Claude 3 Sonnet', 200_000, 4_096, {
    legacy: true, profiles: ['us', 'eu', 'apac'], responseModelName: 'claude-3-sonnet-20240229',
  }),
  claude('anthropic.claude-haiku-4-5-20251001-v1:0', 'Claude Haiku 4.5', 200_000, 64_000, {
    profileOnly: true, profiles: ['us', 'eu', 'jp', 'au', 'global'],
    responseModelName: 'claude-haiku-4-5-20251001',
  }),
  claudeText('anthropic.claude-instant-v1', 'Claude Instant', 100_000, 4_096, {
    responseModelName: 'claude-instant-1.2',
  }),
  claude('anthropic.claude-opus-4-1-20250805-v1:0', 'Claude Opus 4.1', 200_000, 32_000, {
    profileOnly: true, legacy: true, profiles: ['us'], responseModelName: 'claude-opus-4-1-20250805',
  }),
  claude('anthropic.claude-opus-4-20250514-v1:0', 'Claude Opus 4', 200_000, 32_000, {
    profileOnly: true, legacy: true, profiles: ['us'], responseModelName: 'claude-opus-4-20250514',
  }),
  claude('anthropic.claude-opus-4-5-20251101-v1:0', 'Claude Opus 4.5', 200_000, 64_000, {
    profileOnly: true, profiles: ['us', 'eu', 'global'], responseModelName: 'claude-opus-4-5-20251101',
  }),
  claude('anthropic.claude-opus-4-6-v1', 'Claude Opus 4.6', 1_000_000, 128_000, {
    profileOnly: true, profiles: ['us', 'eu', 'apac', 'jp', 'au', 'global'],
    responseModelName: 'claude-opus-4-6',
  }),
  claude('anthropic.claude-opus-4-7', 'Claude Opus 4.7', 1_000_000, 128_000, {
    profileOnly: true, profiles: ['us', 'eu', 'jp', 'au', 'global'], responseModelName: 'claude-opus-4-7',
  }),
  claude('anthropic.claude-opus-4-8', 'Claude Opus 4.8', 1_000_000, 128_000, {
    profileOnly: true, profiles: ['us', 'eu', 'jp', 'au', 'global'], responseModelName: 'claude-opus-4-8',
  }),
  claude('anthropic.claude-opus-5', 'Claude Opus 5', 1_000_000, 128_000, {
    profileOnly: true, profiles: ['us', 'eu', 'au', 'global'], responseModelName: 'claude-opus-5',
  }),
  claude('anthropic.claude-sonnet-4-20250514-v1:0', 'Claude Sonnet 4', 200_000, 64_000, {
    profileOnly: true, legacy: true, profiles: ['us', 'eu', 'apac', 'global'],
    responseModelName: 'claude-sonnet-4-20250514',
  }),
  claude('anthropic.claude-sonnet-4-5-20250929-v1:0', 'Claude Sonnet 4.5', 200_000, 64_000, {
    profileOnly: true, profiles: ['us', 'eu', 'jp', 'au', 'global', 'us-gov'],
    responseModelName: 'claude-sonnet-4-5-20250929',
  }),
  claude('anthropic.claude-sonnet-4-6', 'Claude Sonnet 4.6', 1_000_000, 128_000, {
    profileOnly: true, profiles: ['us', 'eu', 'jp', 'au', 'global'], responseModelName: 'claude-sonnet-4-6',
  }),
  claude('anthropic.claude-sonnet-5', 'Claude Sonnet 5', 1_000_000, 128_000, {
    profileOnly: true, profiles: ['us', 'eu', 'jp', 'au', 'global'], responseModelName: 'claude-sonnet-5',
  }),
  claudeText('anthropic.claude-v2', 'Claude', 100_000, 4_096, { responseModelName: 'claude-2.0' }),
  claudeText('anthropic.claude-v2:1', 'Claude', 200_000, 4_096, { responseModelName: 'claude-2.1' }),
];
