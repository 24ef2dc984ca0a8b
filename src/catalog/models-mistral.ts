// Mistral AI. Sorted by model id. 'mistral-text' speaks the prompt/outputs body (7B, Mixtral,
// Small 24.02); 'mistral-chat' the messages/choices body (Large 24.02 and 24.07, Pixtral Large).
// Names from a real 2026 ListFoundationModels dump; Pixtral Large reports ['INFERENCE_PROFILE'].

import { providerModels } from './define.js';
import type { ModelEntry } from './types.js';

const mistralText = providerModels('Mistral AI', { family: 'mistral-text' });
const mistralChat = providerModels('Mistral AI', { family: 'mistral-chat' });

export const MISTRAL_MODELS: readonly ModelEntry[] = [
  // Answered a Converse tool call on the bare id in 2026 (Arize-ai/openinference cassette
  // python/…/bedrock/cassettes/test_converse_tool_use_message.yaml, committed 2026-04-29, 200, a
  // toolUse block); limits not read, set high (no false refusal).
  mistralChat('mistral.devstral-2-123b', 'Devstral 2 123B', 256_000, 32_768),
  mistralText('mistral.mistral-7b-instruct-v0:2', 'Mistral 7B Instruct', 32_000, 8_192),
  mistralChat('mistral.mistral-large-2402-v1:0', 'Mistral Large (24.02)', 32_000, 8_192),
  mistralChat('mistral.mistral-large-2407-v1:0', 'Mistral Large (24.07)', 128_000, 8_192),
  // Answered on demand through Converse in 2026 (pydantic/pydantic-ai cassette
  // test_bedrock_native_output_mistral, 2026-05-20); limits not read, set high (no false refusal).
  mistralChat('mistral.mistral-large-3-675b-instruct', 'Mistral Large 3', 256_000, 32_768, { input: ['TEXT', 'IMAGE'] }),
  mistralText('mistral.mistral-small-2402-v1:0', 'Mistral Small (24.02)', 32_000, 8_192),
  mistralText('mistral.mixtral-8x7b-instruct-v0:1', 'Mixtral 8x7B Instruct', 32_000, 4_096),
  mistralChat('mistral.pixtral-large-2502-v1:0', 'Pixtral Large (25.02)', 128_000, 8_192, {
    input: ['TEXT', 'IMAGE'], profileOnly: true, profiles: ['us', 'eu'],
  }),
];
