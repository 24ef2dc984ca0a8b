// AI21 Labs. Sorted by model id. Jurassic-2 does not stream (responseStreamingSupported false in
// real ListFoundationModels output).

import { providerModels } from './define.js';
import type { ModelEntry } from './types.js';

const j2 = providerModels('AI21 Labs', { family: 'ai21-j2', streaming: false, legacy: true });
const jamba = providerModels('AI21 Labs', { family: 'ai21-jamba' });

export const AI21_MODELS: readonly ModelEntry[] = [
  j2('ai21.j2-mid-v1', 'Jurassic-2 Mid', 8_191, 8_191),
  j2('ai21.j2-ultra-v1', 'Jurassic-2 Ultra', 8_191, 8_191),
  jamba('ai21.jamba-1-5-large-v1:0', 'Jamba 1.5 Large', 256_000, 4_096),
  jamba('ai21.jamba-1-5-mini-v1:0', 'Jamba 1.5 Mini', 256_000, 4_096),
  jamba('ai21.jamba-instruct-v1:0', 'Jamba-Instruct', 256_000, 4_096, { legacy: true }),
];
