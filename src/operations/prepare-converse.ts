// What Converse, ConverseStream and CountTokens share before answering: resolve the model,
// read the JSON body, apply Coral's constraints, the model's capabilities and the conversation
// rules. Every failure here is a plain JSON error, before any stream opens.
import type { Context } from 'hono';
import { converseTraits, type ConverseTraits } from '../catalog/converse-traits.js';
import { resolveModel } from '../catalog/resolve.js';
import type { ModelEntry } from '../catalog/types.js';
import { checkConstraints } from '../converse/coral.js';
import { CONVERSE_REQUEST } from '../converse/converse-shapes.js';
import { toConversation, type ConverseInput } from '../converse/conversation.js';
import { ConverseErrors, Errors } from '../errors.js';
import { readRequestBody } from '../http/body.js';
import { callerRegion } from '../http/region.js';
import { converseCacheUsage } from '../converse/cache-points.js';
import { checkModelFields } from './converse-model-fields.js';
import { checkMedia } from './converse-media.js';
import { checkFieldPaths } from './converse-fields.js';
import { checkToolSchema } from '../schema/tool-schema.js';
import type { CacheUsage } from '../responder/prompt-cache.js';
import { templated } from '../responder/chat-template.js';
import { limitToWindow } from './context-window.js';
import { conversationTokens } from '../responder/tokens.js';
import type { Conversation, ToolChoice } from '../responder/types.js';
import type { Runtime } from '../runtime.js';

export interface PreparedConverse {
  entry: ModelEntry;
  traits: ConverseTraits;
  input: ConverseInput & Record<string, any>;
  conversation: Conversation;
  /** Prompt-cache reads and writes, for models that cache and requests with cache points. */
  cache?: CacheUsage;
  /** The output limit is the room left in the context window (context-window.ts). */
  windowBound: boolean;
}

/** The JSON body of a Converse-style request. */
export async function readJson(c: Context): Promise<Record<string, any>> {
  const bytes = await readRequestBody(c);
  if (bytes.length === 0) return {};
  try {
    const value = JSON.parse(Buffer.from(bytes).toString('utf8'));
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value;
  } catch {
    // fall through
  }
  throw Errors.malformedJson();
}

/** The model behind a Converse-style route, refusing those Converse does not serve. */
export function converseModel(c: Context, runtime: Runtime, invoking = true): { entry: ModelEntry; traits: ConverseTraits; viaProfile: boolean } {
  const modelId = c.req.param('modelId') ?? '';
  c.set('modelId', modelId);
  const region = callerRegion(c.req.header('authorization'), runtime.settings.region);
  const { entry, viaProfile } = resolveModel(modelId, runtime.settings.customModelId, invoking, region);
  const traits = converseTraits(entry);
  // CountTokens (invoking = false) refuses with its own message instead.
  if (invoking && !traits.converse) throw ConverseErrors.unsupportedModel();
  return { entry, traits, viaProfile };
}

/** Refuses what the model cannot take, with Bedrock's "This model doesn't support …" wording. */
function checkCapabilities(input: ConverseInput, entry: ModelEntry, traits: ConverseTraits, streaming: boolean): void {
  if (streaming && !entry.streaming) throw Errors.streamingNotSupported();
  if (input.system?.length && !traits.system) throw ConverseErrors.noSystemMessages();
  // The 2026 model added a `system` message role. Claude Opus 4.8 refused it (a 2026 code comment,
  // evidence "Refusal rules settled for issue 8"); no refusal is known for the others.
  if (input.messages?.some((m) => m.role === 'system') && !(traits.system && traits.systemMessages)) throw ConverseErrors.noSystemMessages();
  if (input.toolConfig && (!traits.tools || (streaming && !traits.streamingTools))) {
    throw streaming && traits.tools ? ConverseErrors.noStreamingToolUse() : ConverseErrors.noToolUse();
  }
  for (const param of traits.refusedParams) {
    if (input.inferenceConfig?.[param] !== undefined) throw ConverseErrors.unsupportedField(param);
  }
  const choice = input.toolConfig?.toolChoice;
  if (choice?.any && traits.toolChoice === 'auto') throw ConverseErrors.unsupportedField('toolConfig.toolChoice.any');
  if (choice?.tool && traits.toolChoice !== 'all') throw ConverseErrors.unsupportedField('toolConfig.toolChoice.tool');
  checkMedia(input.messages, entry, traits);
}

/** Claude's own checks on extended thinking, which Converse passes through with its prefix. */
function checkThinking(input: Record<string, any>): void {
  const thinking = input.additionalModelRequestFields?.thinking;
  if (thinking?.type === 'enabled' && typeof thinking.budget_tokens === 'number' && thinking.budget_tokens < 1024) {
    throw ConverseErrors.fromModel(Errors.claudeThinkingBudgetMin().message);
  }
  const temperature = input.inferenceConfig?.temperature;
  if (temperature !== undefined && temperature !== 1) throw ConverseErrors.thinkingTemperature();
  const extra = input.additionalModelRequestFields?.tool_choice?.type;
  if (input.toolConfig?.toolChoice?.any || input.toolConfig?.toolChoice?.tool || extra === 'any' || extra === 'tool') throw ConverseErrors.thinkingWithForcedTool();
}

/**
 * Claude's own `tool_choice` passed through additionalModelRequestFields: refused beside a
 * toolConfig.toolChoice ("The additional field tool_choice/type conflicts with the existing field
 * toolConfig.toolChoice.auto. …", vercel/ai fixture issue-17267-tool-choice-conflict, Claude
 * Sonnet 4.6, 2026), honoured alone (issue-17267-disable-parallel-tool-use-enabled: one call).
 */
function additionalToolChoice(input: Record<string, any>, entry: ModelEntry): ToolChoice | undefined {
  const extra = input.additionalModelRequestFields?.tool_choice;
  if (entry.family !== 'anthropic-messages' || typeof extra?.type !== 'string') return undefined;
  const member = ['auto', 'any', 'tool'].find((m) => input.toolConfig?.toolChoice?.[m] !== undefined);
  if (member) throw ConverseErrors.additionalFieldConflict('tool_choice/type', `toolConfig.toolChoice.${member}`);
  if (extra.type === 'tool') return { type: 'tool', name: String(extra.name ?? '') };
  return ['auto', 'any', 'none'].includes(extra.type) ? ({ type: extra.type } as ToolChoice) : undefined;
}

function wantsReasoning(input: Record<string, any>, traits: ConverseTraits): boolean {
  if (traits.reasoning === 'always') return true;
  const thinking = input.additionalModelRequestFields?.thinking;
  // Nova 2: `reasoningConfig` through additionalModelRequestFields (Nova 2 user guide, extended thinking).
  const nova = input.additionalModelRequestFields?.reasoningConfig;
  // Qwen3: `reasoning_config: "low" | "high"` (pydantic-ai cassette test_bedrock_thinking_high_qwen_variant, 2026-05-27).
  const qwen = input.additionalModelRequestFields?.reasoning_config;
  return traits.reasoning === 'on-request' && (thinking?.type === 'enabled' || thinking?.type === 'adaptive' || nova?.type === 'enabled' || typeof qwen === 'string');
}

export async function prepareConverse(c: Context, runtime: Runtime, streaming: boolean): Promise<PreparedConverse> {
  const { entry, traits } = converseModel(c, runtime);
  const input = (await readJson(c)) as PreparedConverse['input'];
  checkConstraints(CONVERSE_REQUEST, input);
  checkCapabilities(input, entry, traits, streaming);
  checkFieldPaths(input);
  checkModelFields(input, entry);
  const reasoning = wantsReasoning(input, traits);
  if (reasoning && entry.family === 'anthropic-messages') checkThinking(input);
  const requested = input.inferenceConfig?.maxTokens;
  const limit = entry.converseMaxOutputTokens ?? entry.maxOutputTokens;
  if (requested !== undefined && requested > limit) throw Errors.maxTokensExceeded(limit);
  const extraChoice = additionalToolChoice(input, entry);
  const asked = {
    ...toConversation(input, requested ?? limit, reasoning, traits),
    ...(traits.keepsStopSequence ? { stopSequenceKept: true } : {}),
    ...(extraChoice ? { toolChoice: extraChoice } : {}),
  };
  // Counted with the model's chat template, as Bedrock bills it (src/responder/chat-template.ts).
  // After Converse's own schema checks (in toConversation): what Claude itself refuses.
  if (entry.provider === 'Anthropic')
    input.toolConfig?.tools?.forEach((t, i) => t?.toolSpec && checkToolSchema(t.toolSpec.inputSchema?.json, `converse:tools.${i}.custom.input_schema`));
  const full = templated(asked, entry.family, entry.modelId, true);
  if (conversationTokens(full) > entry.contextWindow) throw ConverseErrors.inputTooLong();
  const { conv: conversation, bound: windowBound } = limitToWindow(full, entry);
  const cache = traits.cacheUsage ? converseCacheUsage(entry, input, conversation) : undefined;
  return { entry, traits, input, conversation, cache, windowBound };
}
