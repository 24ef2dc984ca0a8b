// Open-weight chat models Bedrock serves since late 2025 (Google, MiniMax, Moonshot AI, NVIDIA,
// Qwen, Z.AI). Each id is one a real 2026 call was answered for (HTTP 200) in pydantic-ai's
// recorded Bedrock exchanges (pydantic/pydantic-ai tests/models/bedrock/cassettes/test_native_output,
// 2026-05-20; tests/models/cassettes/test_bedrock: test_bedrock_moonshotai_tool_call and
// test_bedrock_zai_native_output, 2026-07-07; test_bedrock_thinking_*_qwen_variant, 2026-05-27),
// all on demand with the bare id. Their InvokeModel body is OpenAI Chat Completions (the AWS model
// cards' "Chat Completions" request), so they share the `openai` family; what each does through
// Converse is in converse-traits.ts. Limits: the Qwen model card (128K context, 8K output) is
// the only one read; the others are set high, since a limit set too low would refuse a request
// Bedrock answers.

import { providerModels } from './define.js';
import type { ModelEntry } from './types.js';

const chat = (provider: string) => providerModels(provider, { family: 'openai' });

export const GOOGLE_MODELS: readonly ModelEntry[] = [
  chat('Google')('google.gemma-3-27b-it', 'Gemma 3 27B IT', 128_000, 32_768, { input: ['TEXT', 'IMAGE'] }),
];

export const MINIMAX_MODELS: readonly ModelEntry[] = [chat('MiniMax')('minimax.minimax-m2', 'MiniMax M2', 196_608, 32_768)];

export const MOONSHOT_MODELS: readonly ModelEntry[] = [
  chat('Moonshot AI')('moonshot.kimi-k2-thinking', 'Kimi K2 Thinking', 256_000, 32_768),
];

export const NVIDIA_MODELS: readonly ModelEntry[] = [
  chat('NVIDIA')('nvidia.nemotron-nano-12b-v2', 'NVIDIA Nemotron Nano 12B v2 VL BF16', 128_000, 32_768, { input: ['TEXT', 'IMAGE'] }),
];

export const QWEN_MODELS: readonly ModelEntry[] = [chat('Qwen')('qwen.qwen3-32b-v1:0', 'Qwen3 32B (dense)', 128_000, 8_192)];

export const ZAI_MODELS: readonly ModelEntry[] = [chat('Z.AI')('zai.glm-4.7-flash', 'GLM 4.7 Flash', 200_000, 32_768)];
