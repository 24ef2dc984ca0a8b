// Every foundation model the emulator knows, ordered by provider name, then model id.
// The data lives in models-<provider>.ts; see each file's header for its sources.

import { AI21_MODELS } from './models-ai21.js';
import { AMAZON_MODELS } from './models-amazon.js';
import { ANTHROPIC_MODELS } from './models-anthropic.js';
import { COHERE_MODELS } from './models-cohere.js';
import { META_MODELS } from './models-meta.js';
import { MISTRAL_MODELS } from './models-mistral.js';
import { DEEPSEEK_MODELS, OPENAI_MODELS, WRITER_MODELS } from './models-others.js';
import { GOOGLE_MODELS, MINIMAX_MODELS, MOONSHOT_MODELS, NVIDIA_MODELS, QWEN_MODELS, ZAI_MODELS } from './models-open-weight.js';
import type { ModelEntry } from './types.js';

export const MODELS: readonly ModelEntry[] = [
  ...AI21_MODELS, // AI21 Labs
  ...AMAZON_MODELS, // Amazon
  ...ANTHROPIC_MODELS, // Anthropic
  ...COHERE_MODELS, // Cohere
  ...DEEPSEEK_MODELS, // DeepSeek
  ...GOOGLE_MODELS, // Google
  ...META_MODELS, // Meta
  ...MINIMAX_MODELS, // MiniMax
  ...MISTRAL_MODELS, // Mistral AI
  ...MOONSHOT_MODELS, // Moonshot AI
  ...NVIDIA_MODELS, // NVIDIA
  ...OPENAI_MODELS, // OpenAI
  ...QWEN_MODELS, // Qwen
  ...WRITER_MODELS, // Writer
  ...ZAI_MODELS, // Z.AI
];
