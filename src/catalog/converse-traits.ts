// What each model does through Converse / ConverseStream: which request features it takes and
// how its answer looks (AWS "Supported models and model features" table and the refusals users
// reported: src/converse.evidence.md §3, §6).
import { claude3Era } from './claude-rules.js';
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
  /** Takes a conversation whose first message is the assistant's (the rest refuse it with
   *  mustStartWithUser): Anthropic, Qwen, GLM and Kimi, "Verified against Bedrock us-east-1 on
   *  2026-07-03" (pydantic/pydantic-ai#6255, providers/bedrock.py
   *  `bedrock_supports_leading_assistant_message`; its recorded Sonnet 4.5 answer, 200). */
  leadingAssistant: boolean;
  /** Reads image and document blocks whose source is `s3Location`. Claude does not: Converse drops
   *  the source it cannot translate (recorded 2026-03-16, src/operations/converse-media.ts). Every
   *  other model passes for want of evidence. */
  s3Media: boolean;
  /** Who refuses blank text blocks: Bedrock, each blank block (langchain-aws#403, Titan), or, for
   *  Claude 3.7+, the model, only a message with nothing but blank text (src/converse/conversation.ts). */
  blankText: 'bedrock' | 'anthropic';
  /** What a toolResult's content may hold besides text, where it is narrower than a user message:
   *  Nova 2 refuses PDF/DOCX documents and video there (recorded 2026-03-16). */
  toolResultMedia: 'all' | 'no-binary-documents';
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
  leadingAssistant: false,
  s3Media: true,
  blankText: 'bedrock',
  toolResultMedia: 'all',
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
    case 'nova-embed':
    case 'cohere-embed':
    case 'cohere-rerank':
      return { ...BASE, converse: false };
    case 'cohere-command':
      // "Limited (no chat)" for Converse and ConverseStream in AWS's feature table: one user message,
      // no system prompt; documents for Command, not Light (src/converse.evidence.md §6). No refusal
      // of the model itself is on record (src/refusals.evidence.md K02).
      return { ...BASE, system: false, singleTurn: true, documents: !is(entry, 'cohere.command-light') };
    case 'anthropic-text':
      return { ...BASE, strictRoles: true, systemMessages: false };
    case 'anthropic-messages': {
      const claude3 = claude3Era(entry);
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
        // Not the Claude 3 generation (3 and 3.5), which refuses an assistant-first conversation
        // natively too (src/errors.evidence.md "Settled for issue 8"); guidance-for-multi-provider-
        // generative-ai-gateway#123 (2025-05, Claude 3.5 Sonnet v2, Converse) quotes mustStartWithUser.
        leadingAssistant: !claude3,
        s3Media: false,
        blankText: claude3 ? 'bedrock' : 'anthropic',
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
        toolResultMedia: is(entry, 'amazon.nova-2') ? 'no-binary-documents' : 'all',
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
      if (!is(entry, 'openai.')) {
        // The open-weight chat models (models-open-weight.ts), as their recorded 2026 answers show:
        // MiniMax M2 and Kimi K2 Thinking answer a reasoningContent block unasked, Qwen3 when
        // `additionalModelRequestFields.reasoning_config` is set (pydantic-ai cassettes
        // test_bedrock_native_output_minimax, test_bedrock_moonshotai_tool_call,
        // test_bedrock_thinking_high_qwen_variant). Qwen, GLM and Kimi take a leading assistant
        // turn (pydantic-ai#6255, verified 2026-07-03).
        return {
          ...BASE,
          tools: true,
          streamingTools: true,
          images: vision,
          reasoning: is(entry, 'minimax.', 'moonshot.') ? 'always' : is(entry, 'qwen.qwen3') ? 'on-request' : 'none',
          leadingAssistant: is(entry, 'qwen.', 'zai.', 'moonshot.'),
        };
      }
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
