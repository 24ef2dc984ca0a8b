// What each model does through Converse / ConverseStream: which request features it takes and
// how its answer looks (AWS "Supported models and model features" table and the refusals users
// reported: src/converse.evidence.md §3, §6).
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
  /** Reasoning blocks carry a signature (Claude); gpt-oss and DeepSeek R1 send none (their captures). */
  reasoningSignature: boolean;
  /** Usage reports `cacheReadInputTokenCount` / `cacheReadInputTokens` (models with prompt caching;
   *  both spellings on the 2026 Claude captures, none on gpt-oss's). */
  cacheUsage: boolean;
  /** Consecutive messages of one role are refused; Titan took two user messages in a row (Aug 2025
   *  converse-stream capture), the refusal is quoted for Claude. */
  strictRoles: boolean;
  /** Which toolChoice members it takes beyond `auto` (Claude 3+ all; Nova `tool`). */
  toolChoice: 'auto' | 'auto-tool' | 'all';
  /** Refuses a conversation that ends on an assistant turn (prefill): Llama. */
  lastTurnUser: boolean;
  /** Takes one user message only (Jurassic-2). */
  singleTurn: boolean;
  /** inferenceConfig members the model refuses (newer OpenAI models: vercel/ai fixture
   *  amazon-bedrock-openai-temperature-error; FORMATS.md §13). */
  refusedParams: Array<'temperature' | 'topP' | 'stopSequences'>;
  /** Supports CountTokens. */
  countTokens: boolean;
  /** The answer keeps the stop sequence that ended it (Nova; Conversation.stopSequenceKept). */
  keepsStopSequence: boolean;
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
  reasoningSignature: false,
  cacheUsage: false,
  strictRoles: false,
  toolChoice: 'auto',
  lastTurnUser: false,
  singleTurn: false,
  refusedParams: [],
  countTokens: false,
  keepsStopSequence: false,
};

const is = (entry: ModelEntry, ...prefixes: string[]) => prefixes.some((p) => entry.modelId.startsWith(p));

export function converseTraits(entry: ModelEntry): ConverseTraits {
  const vision = entry.input.includes('IMAGE');
  switch (entry.family) {
    case 'titan-embed':
    case 'cohere-embed':
    case 'cohere-rerank':
    case 'cohere-command': // "no chat" in the AWS table for Command and Command Light
      return { ...BASE, converse: false };
    case 'anthropic-text':
      return { ...BASE, strictRoles: true };
    case 'anthropic-messages': {
      const claude3 = is(entry, 'anthropic.claude-3-haiku', 'anthropic.claude-3-sonnet', 'anthropic.claude-3-opus', 'anthropic.claude-3-5');
      return {
        ...BASE,
        tools: true,
        streamingTools: true,
        toolChoice: 'all',
        images: vision,
        reasoning: claude3 ? 'none' : 'on-request',
        reasoningSignature: true,
        strictRoles: true,
        cacheUsage: !is(entry, 'anthropic.claude-3-haiku', 'anthropic.claude-3-sonnet', 'anthropic.claude-3-opus', 'anthropic.claude-3-5-sonnet'),
        // The AWS docs and users' tests: 3.5 Haiku and Sonnet, 3.7 Sonnet, Sonnet and Opus 4, Sonnet
        // 4.5 and 4.6; not Opus 4.7/4.8 nor the 5 models (src/converse.evidence.md §5).
        countTokens: is(
          entry,
          'anthropic.claude-3-5-haiku',
          'anthropic.claude-3-5-sonnet',
          'anthropic.claude-3-7-sonnet',
          'anthropic.claude-sonnet-4-', // 4, 4.5 and 4.6
          'anthropic.claude-opus-4-2', // Opus 4 (…-opus-4-20250514…)
        ),
      };
    }
    case 'nova':
      return { ...BASE, tools: true, streamingTools: true, toolChoice: 'auto-tool', images: vision, documents: !is(entry, 'amazon.nova-micro'), cacheUsage: true, keepsStopSequence: true };
    case 'titan-text':
      return { ...BASE, system: false, documents: !is(entry, 'amazon.titan-text-premier') };
    case 'llama': {
      const tools = !is(entry, 'meta.llama2', 'meta.llama3-8b', 'meta.llama3-70b', 'meta.llama3-2-1b', 'meta.llama3-2-3b');
      return { ...BASE, tools, images: vision, lastTurnUser: true };
    }
    case 'mistral-text':
      return { ...BASE, system: !is(entry, 'mistral.mistral-7b', 'mistral.mixtral'), tools: is(entry, 'mistral.mistral-small'), documents: !is(entry, 'mistral.mistral-small') };
    case 'mistral-chat':
      return { ...BASE, tools: true, images: vision };
    case 'cohere-command-r':
      return { ...BASE, tools: true, streamingTools: true };
    case 'ai21-j2':
      return { ...BASE, system: false, documents: false, singleTurn: true };
    case 'ai21-jamba': {
      const instruct = is(entry, 'ai21.jamba-instruct');
      return { ...BASE, tools: !instruct, streamingTools: !instruct, documents: !instruct };
    }
    case 'deepseek':
      return { ...BASE, reasoning: is(entry, 'deepseek.r1') ? 'always' : 'none', reasoningPlacement: 'last' };
    case 'openai':
      return {
        ...BASE,
        tools: true,
        streamingTools: true,
        reasoning: 'always',
        refusedParams: is(entry, 'openai.gpt-oss') ? [] : ['temperature', 'topP', 'stopSequences'],
      };
    case 'palmyra':
      return { ...BASE, tools: true };
    default:
      return { ...BASE };
  }
}
