// DeepSeek, OpenAI and Writer. Sorted by provider, then model id. Names from a real 2026
// ListFoundationModels dump: DeepSeek-R1 and both Palmyra models report ['INFERENCE_PROFILE'],
// gpt-oss ['ON_DEMAND'].
//
// OpenAI bodies echo the invoked model id as `model` (a capture invoked through `us.` shows the
// profile id), so no fixed responseModelName is set for them.

import { providerModels } from './define.js';
import type { ModelEntry } from './types.js';

const deepseek = providerModels('DeepSeek', { family: 'deepseek' });
const openai = providerModels('OpenAI', { family: 'openai' });
const palmyra = providerModels('Writer', { family: 'palmyra', profileOnly: true, profiles: ['us'] });

export const DEEPSEEK_MODELS: readonly ModelEntry[] = [
  deepseek('deepseek.r1-v1:0', 'DeepSeek-R1', 128_000, 32_768, { profileOnly: true, profiles: ['us'] }),
  deepseek('deepseek.v3-v1:0', 'DeepSeek-V3.1', 163_840, 81_920),
];

export const OPENAI_MODELS: readonly ModelEntry[] = [
  // Seen only as `us.openai.gpt-6-sol` in a 2026 capture (invoke__us.openai.gpt-6-sol__*).
  openai('openai.gpt-6-sol', 'GPT-6 Sol', 128_000, 16_384, { profileOnly: true, profiles: ['us'] }),
  openai('openai.gpt-oss-120b-1:0', 'gpt-oss-120b', 128_000, 16_384),
  openai('openai.gpt-oss-20b-1:0', 'gpt-oss-20b', 128_000, 16_384),
];

export const WRITER_MODELS: readonly ModelEntry[] = [
  palmyra('writer.palmyra-x4-v1:0', 'Palmyra X4', 122_880, 8_192),
  palmyra('writer.palmyra-x5-v1:0', 'Palmyra X5', 1_040_000, 8_192),
];
