// Amazon Nova and Titan. Sorted by model id.
//
// Names are the control-plane modelName values seen in real ListFoundationModels output (2023 and
// 2026 dumps); those longer than the service model's 20-character limit are real nonetheless.
// Nova micro/lite/pro report ['ON_DEMAND', 'INFERENCE_PROFILE'], Nova Premier and Nova 2 Lite
// ['INFERENCE_PROFILE'] (2026 dump).

import { providerModels } from './define.js';
import type { ModelEntry } from './types.js';

const nova = providerModels('Amazon', {
  family: 'nova',
  input: ['TEXT', 'IMAGE', 'VIDEO'],
  inferenceTypes: ['ON_DEMAND', 'INFERENCE_PROFILE'],
});
const titanText = providerModels('Amazon', {
  family: 'titan-text',
  customizations: ['FINE_TUNING', 'CONTINUED_PRE_TRAINING'],
  legacy: true,
});
const titanEmbed = providerModels('Amazon', { family: 'titan-embed', output: ['EMBEDDING'], streaming: false });
const novaEmbed = providerModels('Amazon', { family: 'nova-embed', output: ['EMBEDDING'], streaming: false });

export const AMAZON_MODELS: readonly ModelEntry[] = [
  nova('amazon.nova-2-lite-v1:0', 'Nova 2 Lite', 1_000_000, 65_536, {
    inferenceTypes: ['INFERENCE_PROFILE'], profiles: ['us', 'eu', 'global'],
  }),
  // Answered on its bare id on 2026-01-28 (pydantic-ai cassettes test_embeddings/TestBedrock.test_nova_*);
  // 8K-token context (Nova user guide, embeddings); name as the AWS model card gives it.
  novaEmbed('amazon.nova-2-multimodal-embeddings-v1:0', 'Nova Multimodal Embeddings', 8_192, 0, {
    input: ['TEXT', 'IMAGE', 'AUDIO', 'VIDEO'], embeddingDimension: 3072,
  }),
  nova('amazon.nova-lite-v1:0', 'Nova Lite', 300_000, 10_000, {
    customizations: ['FINE_TUNING', 'DISTILLATION'], profiles: ['us', 'eu', 'apac'],
  }),
  nova('amazon.nova-micro-v1:0', 'Nova Micro', 128_000, 10_000, {
    input: ['TEXT'], customizations: ['FINE_TUNING', 'DISTILLATION'], profiles: ['us', 'eu', 'apac'],
  }),
  nova('amazon.nova-premier-v1:0', 'Nova Premier', 1_000_000, 32_000, {
    inferenceTypes: ['INFERENCE_PROFILE'], profiles: ['us'],
  }),
  nova('amazon.nova-pro-v1:0', 'Nova Pro', 300_000, 10_000, {
    customizations: ['FINE_TUNING', 'DISTILLATION'], profiles: ['us', 'eu', 'apac'],
  }),
  titanEmbed('amazon.titan-embed-g1-text-02', 'Titan Text Embeddings v2', 8_192, 0, { embeddingDimension: 1536 }),
  titanEmbed('amazon.titan-embed-image-v1', 'Titan Multimodal Embeddings G1', 128, 0, {
    input: ['TEXT', 'IMAGE'], customizations: ['FINE_TUNING'], embeddingDimension: 1024,
  }),
  titanEmbed('amazon.titan-embed-text-v1', 'Titan Embeddings G1 - Text', 8_192, 0, { embeddingDimension: 1536 }),
  titanEmbed('amazon.titan-embed-text-v2:0', 'Titan Text Embeddings V2', 8_192, 0, { embeddingDimension: 1024 }),
  titanText('amazon.titan-text-express-v1', 'Titan Text G1 - Express', 8_192, 8_192),
  titanText('amazon.titan-text-lite-v1', 'Titan Text G1 - Lite', 4_096, 4_096),
  titanText('amazon.titan-text-premier-v1:0', 'Titan Text G1 - Premier', 32_000, 3_072, {
    customizations: ['FINE_TUNING'], legacy: false,
  }),
  titanText('amazon.titan-tg1-large', 'Titan Text Large', 8_192, 8_192, { customizations: ['FINE_TUNING'] }),
];
