// What each model does through Converse / ConverseStream: which request features it takes and
// how its answer looks (AWS "Supported models and model features" table; src/converse.evidence.md).
import type { ModelEntry } from './types.js';

export interface ConverseTraits {
  /** False for embedding and rerank models: Converse refuses them. */
  converse: boolean;
  system: boolean;
  tools: boolean;
  /** Tool use inside ConverseStream. */
  streamingTools: boolean;
  images: boolean;
  documents: boolean;
  /** Reasoning: never, always (DeepSeek R1, gpt-oss), or when the request asks (Claude thinking). */
  reasoning: 'none' | 'always' | 'on-request';
  /** Where the reasoning block goes: DeepSeek R1 answers text first (converse__us.deepseek.r1 capture). */
  reasoningPlacement: 'first' | 'last';
  /** Supports CountTokens. */
  countTokens: boolean;
}

const BASE: ConverseTraits = {
  converse: true,
  system: true,
  tools: false,
  streamingTools: false,
  images: false,
  documents: true,
  reasoning: 'none',
  reasoningPlacement: 'first',
  countTokens: false,
};

const is = (entry: ModelEntry, ...prefixes: string[]) => prefixes.some((p) => entry.modelId.startsWith(p));

export function converseTraits(entry: ModelEntry): ConverseTraits {
  const vision = entry.input.includes('IMAGE');
  switch (entry.family) {
    case 'titan-embed':
    case 'cohere-embed':
    case 'cohere-rerank':
      return { ...BASE, converse: false };
    case 'anthropic-text':
      return { ...BASE };
    case 'anthropic-messages':
      return {
        ...BASE,
        tools: true,
        streamingTools: true,
        images: vision,
        reasoning: is(entry, 'anthropic.claude-3-haiku', 'anthropic.claude-3-sonnet', 'anthropic.claude-3-opus', 'anthropic.claude-3-5') ? 'none' : 'on-request',
        // CountTokens is served for Claude 3.5 Haiku, 3.7 Sonnet and the 4.x family and later.
        countTokens: !is(entry, 'anthropic.claude-3-haiku', 'anthropic.claude-3-sonnet', 'anthropic.claude-3-opus', 'anthropic.claude-3-5-sonnet'),
      };
    case 'nova':
      return { ...BASE, tools: true, streamingTools: true, images: vision };
    case 'titan-text':
      return { ...BASE, system: false };
    case 'llama':
      return { ...BASE, tools: !is(entry, 'meta.llama2', 'meta.llama3-8b', 'meta.llama3-70b'), images: vision };
    case 'mistral-text':
      return { ...BASE, system: !is(entry, 'mistral.mistral-7b', 'mistral.mixtral') };
    case 'mistral-chat':
      return { ...BASE, tools: true, images: vision };
    case 'cohere-command':
      return { ...BASE, system: false };
    case 'cohere-command-r':
      return { ...BASE, tools: true };
    case 'ai21-j2':
      return { ...BASE, system: false, documents: false };
    case 'ai21-jamba':
      return { ...BASE, tools: true };
    case 'deepseek':
      return { ...BASE, reasoning: is(entry, 'deepseek.r1') ? 'always' : 'none', reasoningPlacement: 'last' };
    case 'openai':
      return { ...BASE, tools: true, streamingTools: true, reasoning: 'always' };
    case 'palmyra':
      return { ...BASE, tools: true };
    default:
      return { ...BASE };
  }
}
