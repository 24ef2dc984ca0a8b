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
  /** Which toolChoice members it takes beyond `auto`: all of them unless a refusal was quoted (Llama:
   *  `any` and `tool`; Mistral Large 24.02: `tool`). The service model's note "only supported by
   *  Anthropic Claude 3 models" for `tool` is stale (Nova, DeepSeek V3 take it), so it is no refusal
   *  (src/converse.evidence.md §8; src/refusals.evidence.md K14, K15). */
  toolChoice: 'auto' | 'auto-any' | 'all';
  /** Tool blocks that may not share a (merged) turn with text or media: "Conversation blocks and
   *  tool use blocks cannot be provided in the same turn" (Llama, Mistral Large 24.02). */
  separateToolTurns: Array<'toolUse' | 'toolResult'>;
  /** Takes messages of role `system` (2026 service model), their text joining the system prompt. */
  systemMessages: boolean;
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
  /** Converse's toolUse blocks carry `"type": "tool_use"` (after toolUseId): every 2026 recorded
   *  Claude answer does (vercel/ai fixtures issue-17267-*, Sonnet 4.6; bedrock-opus-4-7-strict-tool-live;
   *  issue-11363-stop-sequence-null-tool-use), and so does ConverseStream's contentBlockStart
   *  (Claude Sonnet 5, langchain-aws cassette test_agent_loop_streaming, 2026-07-09); gpt-oss's does
   *  not (issue-9967), nor Kimi K2's stream (src/converse.evidence.md §9). */
  toolUseType: boolean;
  /** ConverseStream opens with an empty text block (index 0: one `{"text":""}` delta, then its stop)
   *  before the reasoning: gpt-oss (pydantic-ai cassette test_bedrock_model_stream_empty_text_delta,
   *  openai.gpt-oss-120b-1:0, recorded 2025-10; pydantic-ai#3215 "Ignore empty text deltas when
   *  streaming gpt-oss on Bedrock"). Its non-streaming answers have no such block (2026 captures). */
  streamOpensWithEmptyText: boolean;
  /** ConverseStream's tool input deltas are Claude's JSON, with `": "` and `", "` separators: the
   *  Claude 3 Sonnet capture (`{"concept": ` …) and a real Claude Sonnet 5 stream of 2026-07-09
   *  (`{"locat`, `ion": "San ` …; langchain-aws cassette test_agent_loop_streaming). */
  spacedToolInput: boolean;
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
  toolChoice: 'all',
  separateToolTurns: [],
  systemMessages: true,
  lastTurnUser: false,
  singleTurn: false,
  refusedParams: [],
  countTokens: false,
  keepsStopSequence: false,
  toolUseType: false,
  streamOpensWithEmptyText: false,
  spacedToolInput: false,
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
      return { ...BASE, strictRoles: true, systemMessages: false };
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
        toolUseType: true,
        spacedToolInput: true,
        strictRoles: true,
        // "Claude Opus 4.8 on Bedrock rejects a `system` role in the messages list" (evidence, issue 8).
        systemMessages: false,
        cacheUsage: !is(entry, 'anthropic.claude-3-haiku', 'anthropic.claude-3-sonnet', 'anthropic.claude-3-opus', 'anthropic.claude-3-5-sonnet'),
        // Every bare Claude id counts but those refused on evidence: Opus 4.7, Opus 4.8, Sonnet 5,
        // Opus 5 (users' 2026 measurements: Darwin notes, Aug 2026; a bench test "MEASURED: sonnet-5 and
        // opus-5 raise ValidationException in us-east-1"), and Claude 3 Haiku/Sonnet/Opus, left out of
        // the AWS count-tokens page's list that names the older 3.5 models (src/converse.evidence.md §5).
        // Haiku 4.5, Opus 4.1/4.5/4.6: no sighting either way, so they count (refusals N02).
        countTokens: !is(
          entry,
          'anthropic.claude-opus-4-7',
          'anthropic.claude-opus-4-8',
          'anthropic.claude-opus-5',
          'anthropic.claude-sonnet-5',
          'anthropic.claude-3-haiku',
          'anthropic.claude-3-sonnet',
          'anthropic.claude-3-opus',
        ),
      };
    }
    case 'nova':
      // any and tool since 2025-03-19 (AWS What's New "Amazon Nova expands Tool Choice options").
      // Nova 2 thinks when additionalModelRequestFields.reasoningConfig.type is "enabled", its
      // reasoning redacted and unsigned (vercel/ai fixture amazon-bedrock-nova-2-high-reasoning-success).
      return {
        ...BASE,
        tools: true,
        streamingTools: true,
        toolChoice: 'all',
        images: vision,
        documents: !is(entry, 'amazon.nova-micro'),
        cacheUsage: true,
        keepsStopSequence: true,
        reasoning: is(entry, 'amazon.nova-2') ? 'on-request' : 'none',
      };
    case 'titan-text':
      return { ...BASE, system: false, documents: !is(entry, 'amazon.titan-text-premier') };
    case 'llama': {
      const tools = !is(entry, 'meta.llama2', 'meta.llama3-8b', 'meta.llama3-70b', 'meta.llama3-2-1b', 'meta.llama3-2-3b');
      // toolChoice any refused (quoted for 3.1 70B and 4 Maverick; langchain-aws allows Llama `auto` only).
      return { ...BASE, tools, images: vision, lastTurnUser: true, toolChoice: 'auto', separateToolTurns: ['toolUse', 'toolResult'] };
    }
    case 'mistral-text':
      return { ...BASE, system: !is(entry, 'mistral.mistral-7b', 'mistral.mixtral'), tools: is(entry, 'mistral.mistral-small'), documents: !is(entry, 'mistral.mistral-small') };
    case 'mistral-chat':
      // langchain-aws#1118 (2026-06): Mistral Large 24.02 refuses text beside toolUse in one turn.
      // It also refuses toolChoice `tool` (litellm note quoting "This model doesn't support the
      // toolConfig.toolChoice.tool field…" for mistral.mistral-large-2402-v1:0; refusals K12).
      return {
        ...BASE,
        tools: true,
        images: vision,
        toolChoice: is(entry, 'mistral.mistral-large-2402') ? 'auto-any' : 'all',
        separateToolTurns: is(entry, 'mistral.mistral-large-2402') ? ['toolUse'] : [],
      };
    case 'cohere-command-r':
      return { ...BASE, tools: true, streamingTools: true };
    case 'ai21-j2':
      return { ...BASE, system: false, documents: false, singleTurn: true };
    case 'ai21-jamba': {
      const instruct = is(entry, 'ai21.jamba-instruct');
      return { ...BASE, tools: !instruct, streamingTools: !instruct, documents: !instruct };
    }
    case 'deepseek': {
      // V3.x takes tools and every toolChoice ("these options will not be rejected on Converse API
      // side", langchain-aws#688, 2025-10); R1 refuses tools (quoted).
      const v3 = is(entry, 'deepseek.v3');
      return { ...BASE, tools: v3, streamingTools: v3, reasoning: v3 ? 'none' : 'always', reasoningPlacement: 'last' };
    }
    case 'openai':
      return {
        ...BASE,
        tools: true,
        streamingTools: true,
        reasoning: 'always',
        refusedParams: is(entry, 'openai.gpt-oss') ? [] : ['temperature', 'topP', 'stopSequences'],
        streamOpensWithEmptyText: is(entry, 'openai.gpt-oss'),
      };
    case 'palmyra':
      return { ...BASE, tools: true };
    default:
      return { ...BASE };
  }
}
