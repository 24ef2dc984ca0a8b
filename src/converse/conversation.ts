// From a Converse request (already through Coral's constraint checks) to the neutral
// Conversation the responder reads, enforcing Bedrock's conversation rules with its wording
// (REAL_ERROR_MESSAGES.md; src/converse.evidence.md).
import { ConverseErrors } from '../errors.js';
import type { Conversation, Part, ToolChoice, ToolSpec, Turn } from '../responder/types.js';

type Json = Record<string, any>;

export interface ConverseInput {
  messages?: Json[];
  system?: Json[];
  inferenceConfig?: { maxTokens?: number; temperature?: number; topP?: number; stopSequences?: string[] };
  toolConfig?: { tools: Json[]; toolChoice?: Json };
  additionalModelRequestFields?: Json;
}

/** Bytes of a media source: base64 bytes decode to 3/4 of their length; S3 objects count as 100 KB. */
function mediaBytes(source: Json | undefined): number {
  if (typeof source?.bytes === 'string') return Math.floor((source.bytes.length * 3) / 4);
  if (typeof source?.text === 'string') return source.text.length;
  if (Array.isArray(source?.content)) return source.content.reduce((n: number, c: Json) => n + String(c.text ?? '').length, 0);
  return 100_000;
}

function toolResultText(content: Json[]): string {
  return content.map((c) => (typeof c.text === 'string' ? c.text : c.json !== undefined ? JSON.stringify(c.json) : '')).join('\n');
}

function toPart(block: Json): Part | undefined {
  if (typeof block.text === 'string') return { type: 'text', text: block.text };
  for (const kind of ['image', 'document', 'video', 'audio'] as const) {
    if (block[kind]) return { type: 'media', kind, bytes: mediaBytes(block[kind].source) };
  }
  if (block.toolUse) return { type: 'tool_use', id: block.toolUse.toolUseId, name: block.toolUse.name, input: block.toolUse.input };
  if (block.toolResult) return { type: 'tool_result', toolUseId: block.toolResult.toolUseId, text: toolResultText(block.toolResult.content ?? []) };
  if (block.reasoningContent?.reasoningText) return { type: 'reasoning', text: String(block.reasoningContent.reasoningText.text ?? '') };
  if (block.guardContent?.text) return { type: 'text', text: String(block.guardContent.text.text ?? '') };
  return undefined; // cachePoint and the like carry no tokens
}

/** The rules Bedrock applies to the message list, in the order it applies them. */
function checkMessages(messages: Json[], hasToolConfig: boolean): void {
  if (messages.length === 0 || messages[0].role !== 'user') throw ConverseErrors.mustStartWithUser();
  let previousToolUseIds = new Set<string>();
  messages.forEach((message, i) => {
    if (i > 0 && message.role === messages[i - 1].role) throw ConverseErrors.mustAlternate();
    const content: Json[] = message.content ?? [];
    if (content.length === 0) throw ConverseErrors.emptyContent(i);
    const usesTools = content.some((b) => b.toolUse || b.toolResult);
    if (usesTools && !hasToolConfig) throw ConverseErrors.toolConfigRequired();
    if (message.role === 'user' && content.some((b) => b.reasoningContent)) throw ConverseErrors.userReasoning();
    const ids = content.filter((b) => b.toolUse).map((b) => String(b.toolUse.toolUseId));
    const duplicate = ids.find((id, n) => ids.indexOf(id) !== n);
    if (duplicate !== undefined) throw ConverseErrors.duplicateToolUseIds(i, duplicate);
    const results = content.filter((b) => b.toolResult).map((b) => String(b.toolResult.toolUseId));
    const unknown = results.filter((id) => !previousToolUseIds.has(id));
    if (unknown.length > 0) throw ConverseErrors.toolResultWithoutToolUse(i, unknown);
    if (message.role === 'user' && previousToolUseIds.size > 0) {
      const missing = [...previousToolUseIds].filter((id) => !results.includes(id));
      if (missing.length > 0) throw ConverseErrors.missingToolResults(i, missing);
    }
    previousToolUseIds = new Set(message.role === 'assistant' ? ids : []);
  });
}

function toolsOf(config: ConverseInput['toolConfig']): { tools?: ToolSpec[]; toolChoice?: ToolChoice } {
  if (!config) return {};
  const tools = config.tools
    .filter((t) => t.toolSpec)
    .map((t) => ({ name: t.toolSpec.name, description: t.toolSpec.description, inputSchema: t.toolSpec.inputSchema?.json }));
  const choice = config.toolChoice;
  const toolChoice: ToolChoice | undefined = choice?.tool ? { type: 'tool', name: choice.tool.name } : choice?.any ? { type: 'any' } : choice?.auto ? { type: 'auto' } : undefined;
  return { tools, toolChoice };
}

/**
 * @param maxTokens the output limit in force: the request's, else the model's default.
 * @param reasoning whether the model thinks before answering (its traits and the request decide).
 */
export function toConversation(input: ConverseInput, maxTokens: number, reasoning: boolean): Conversation {
  const messages = input.messages ?? [];
  checkMessages(messages, input.toolConfig !== undefined);
  const turns: Turn[] = messages.map((m) => ({
    role: m.role === 'assistant' ? 'assistant' : 'user',
    content: (m.content as Json[]).map(toPart).filter((p): p is Part => p !== undefined),
  }));
  const system = (input.system ?? []).map((b) => (typeof b.text === 'string' ? b.text : '')).filter(Boolean).join('\n');
  return {
    ...(system ? { system } : {}),
    messages: turns,
    ...toolsOf(input.toolConfig),
    maxTokens,
    stopSequences: input.inferenceConfig?.stopSequences,
    reasoning,
  };
}
