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
import { converseCacheUsage } from '../converse/cache-points.js';
import { checkFieldPaths } from './converse-fields.js';
import { checkToolSchema } from '../schema/tool-schema.js';
import type { CacheUsage } from '../responder/prompt-cache.js';
import { conversationTokens } from '../responder/tokens.js';
import type { Conversation } from '../responder/types.js';
import type { Runtime } from '../runtime.js';

export interface PreparedConverse {
  entry: ModelEntry;
  traits: ConverseTraits;
  input: ConverseInput & Record<string, any>;
  conversation: Conversation;
  /** Prompt-cache reads and writes, for models that cache and requests with cache points. */
  cache?: CacheUsage;
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
  const { entry, viaProfile } = resolveModel(modelId, runtime.settings.customModelId, invoking);
  const traits = converseTraits(entry);
  // CountTokens (invoking = false) refuses with its own message instead.
  if (invoking && !traits.converse) throw ConverseErrors.unsupportedModel();
  return { entry, traits, viaProfile };
}

/** Refuses what the model cannot take, with Bedrock's "This model doesn't support …" wording. */
function checkCapabilities(input: ConverseInput, entry: ModelEntry, traits: ConverseTraits, streaming: boolean): void {
  if (streaming && !entry.streaming) throw Errors.streamingNotSupported();
  if (input.system?.length && !traits.system) throw ConverseErrors.noSystemMessages();
  // The 2026 model added a `system` message role; the one sighting (Claude Opus 4.8, evidence §1)
  // is this refusal, so every model refuses it.
  if (input.messages?.some((m) => m.role === 'system')) throw ConverseErrors.noSystemMessages();
  if (input.toolConfig && (!traits.tools || (streaming && !traits.streamingTools))) {
    throw streaming && traits.tools ? ConverseErrors.noStreamingToolUse() : ConverseErrors.noToolUse();
  }
  for (const param of traits.refusedParams) {
    if (input.inferenceConfig?.[param] !== undefined) throw ConverseErrors.unsupportedField(param);
  }
  const choice = input.toolConfig?.toolChoice;
  if (choice?.any && traits.toolChoice !== 'all') throw ConverseErrors.unsupportedField('toolConfig.toolChoice.any');
  if (choice?.tool && traits.toolChoice === 'auto') throw ConverseErrors.unsupportedField('toolConfig.toolChoice.tool');
  for (const message of input.messages ?? []) {
    if (message.role !== 'user') continue;
    for (const block of message.content ?? []) {
      if (block.image && !traits.images) throw ConverseErrors.unsupportedUserContent('image');
      if (block.document && !traits.documents) throw ConverseErrors.unsupportedUserContent('document');
      if (block.video && !entry.input.includes('VIDEO')) throw ConverseErrors.unsupportedUserContent('video');
      if (block.audio && !entry.input.includes('AUDIO')) throw ConverseErrors.unsupportedUserContent('audio');
    }
  }
}

/** Claude's own checks on extended thinking, which Converse passes through with its prefix. */
function checkThinking(input: Record<string, any>): void {
  const thinking = input.additionalModelRequestFields?.thinking;
  if (thinking?.type === 'enabled' && typeof thinking.budget_tokens === 'number' && thinking.budget_tokens < 1024) {
    throw ConverseErrors.fromModel(Errors.claudeThinkingBudgetMin().message);
  }
  const temperature = input.inferenceConfig?.temperature;
  if (temperature !== undefined && temperature !== 1) throw ConverseErrors.thinkingTemperature();
  if (input.toolConfig?.toolChoice?.any || input.toolConfig?.toolChoice?.tool) throw ConverseErrors.thinkingWithForcedTool();
}

function wantsReasoning(input: Record<string, any>, traits: ConverseTraits): boolean {
  if (traits.reasoning === 'always') return true;
  const thinking = input.additionalModelRequestFields?.thinking;
  return traits.reasoning === 'on-request' && (thinking?.type === 'enabled' || thinking?.type === 'adaptive');
}

export async function prepareConverse(c: Context, runtime: Runtime, streaming: boolean): Promise<PreparedConverse> {
  const { entry, traits } = converseModel(c, runtime);
  const input = (await readJson(c)) as PreparedConverse['input'];
  checkConstraints(CONVERSE_REQUEST, input);
  checkCapabilities(input, entry, traits, streaming);
  checkFieldPaths(input);
  const reasoning = wantsReasoning(input, traits);
  if (reasoning && traits.reasoning === 'on-request') checkThinking(input);
  const requested = input.inferenceConfig?.maxTokens;
  if (requested !== undefined && requested > entry.maxOutputTokens) throw Errors.maxTokensExceeded(entry.maxOutputTokens);
  const conversation = { ...toConversation(input, requested ?? entry.maxOutputTokens, reasoning, traits), ...(traits.keepsStopSequence ? { stopSequenceKept: true } : {}) };
  // After Converse's own schema checks (in toConversation): what Claude itself refuses.
  if (entry.provider === 'Anthropic') input.toolConfig?.tools?.filter((t) => t.toolSpec).forEach((t, i) => checkToolSchema(t.toolSpec.inputSchema?.json, `converse:tools.${i}.custom.input_schema`));
  if (conversationTokens(conversation) > entry.contextWindow) throw ConverseErrors.inputTooLong();
  const cache = traits.cacheUsage ? converseCacheUsage(entry, input, conversation) : undefined;
  return { entry, traits, input, conversation, cache };
}
