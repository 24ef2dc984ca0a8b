// Cohere. Sorted by model id. Names from real ListFoundationModels dumps (2023, 2026).

import { providerModels } from './define.js';
import type { ModelEntry } from './types.js';

const command = providerModels('Cohere', { family: 'cohere-command', legacy: true, customizations: ['FINE_TUNING'] });
const commandR = providerModels('Cohere', { family: 'cohere-command-r' });
const embed = providerModels('Cohere', { family: 'cohere-embed', output: ['EMBEDDING'], streaming: false });
const rerank = providerModels('Cohere', { family: 'cohere-rerank', streaming: false });

export const COHERE_MODELS: readonly ModelEntry[] = [
  command('cohere.command-light-text-v14', 'Command Light', 4_000, 4_000),
  commandR('cohere.command-r-plus-v1:0', 'Command R+', 128_000, 4_000),
  commandR('cohere.command-r-v1:0', 'Command R', 128_000, 4_000),
  command('cohere.command-text-v14', 'Command', 4_000, 4_000),
  embed('cohere.embed-english-v3', 'Embed English', 512, 0, { embeddingDimension: 1024 }),
  embed('cohere.embed-multilingual-v3', 'Embed Multilingual', 512, 0, { embeddingDimension: 1024 }),
  embed('cohere.embed-v4:0', 'Embed v4', 128_000, 0, {
    input: ['TEXT', 'IMAGE'], inferenceTypes: ['ON_DEMAND', 'INFERENCE_PROFILE'],
    profiles: ['us', 'eu', 'apac'], embeddingDimension: 1536,
  }),
  rerank('cohere.rerank-v3-5:0', 'Rerank 3.5', 4_096, 0),
];
