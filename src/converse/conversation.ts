// From a Converse request (already through Coral's constraint checks) to the neutral
// Conversation the responder reads, enforcing Bedrock's conversation rules with its wording
// (REAL_ERROR_MESSAGES.md; src/converse.evidence.md).
import { ConverseErrors } from '../errors.js';
import type { Conversation, Part, ToolChoice, ToolSpec, Turn } from '../responder/types.js';
import { checkToolSchema } from '../schema/tool-schema.js';

type Json = Record<string, any>;

export interface ConverseInput {
  messages?: Json[];
  system?: Json[];
  inferenceConfig?: { maxTokens?: number; temperature?: number; topP?: number; stopSequences?: string[] };
  toolConfig?: { tools: Json[]; toolChoice?: Json };
  additionalModelRequestFields?: Json;
  outputConfig?: { textFormat?: { structure?: { jsonSchema?: { schema?: string } } } };
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

const TEXT_FORMATS = new Set(['txt', 'md', 'csv', 'html']);

/** A document's readable text: given as text, or as bytes of a plain-text format. */
function documentText(doc: Json): string {
  const source = doc.source ?? {};
  if (typeof source.text === 'string') return source.text;
  if (Array.isArray(source.content)) return source.content.map((c: Json) => String(c.text ?? '')).join('');
  if (typeof source.bytes === 'string' && TEXT_FORMATS.has(doc.format)) return Buffer.from(source.bytes, 'base64').toString('utf8');
  return '';
}

export function toPart(block: Json): Part | undefined {
  if (typeof block.text === 'string') return { type: 'text', text: block.text };
  if (block.document) {
    const doc = block.document;
    return { type: 'media', kind: 'document', bytes: mediaBytes(doc.source), document: { title: String(doc.name), text: documentText(doc), citations: doc.citations?.enabled === true } };
  }
  for (const kind of ['image', 'document', 'video', 'audio'] as const) {
    if (block[kind]) return { type: 'media', kind, bytes: mediaBytes(block[kind].source) };
  }
  if (block.toolUse) return { type: 'tool_use', id: block.toolUse.toolUseId, name: block.toolUse.name, input: block.toolUse.input };
  if (block.toolResult) return { type: 'tool_result', toolUseId: block.toolResult.toolUseId, text: toolResultText(block.toolResult.content ?? []) };
  if (block.reasoningContent?.reasoningText) return { type: 'reasoning', text: String(block.reasoningContent.reasoningText.text ?? '') };
  if (block.guardContent?.text) return { type: 'text', text: String(block.guardContent.text.text ?? '') };
  return undefined; // cachePoint and the like carry no tokens
}

/** Rules some models add to the common ones (ConverseTraits). */
export interface ConversationRules {
  strictRoles: boolean;
  lastTurnUser: boolean;
  singleTurn: boolean;
}

// The message lists alphanumerics, whitespace, hyphens, parentheses and brackets, yet a 2026 call
// named `company_policy` was answered (converse__langchain-aws__citations): underscores pass.
const DOCUMENT_NAME = /^[A-Za-z0-9_\s\-()[\]]+$/;

/** Documents: a text block beside them, at most five, plain names, no name twice (evidence §4). */
function checkDocuments(messages: Json[]): void {
  const names: string[] = [];
  for (const message of messages) {
    const docs = (message.content as Json[]).filter((b) => b.document);
    if (docs.length > 0 && !message.content.some((b: Json) => typeof b.text === 'string')) throw ConverseErrors.documentNeedsText();
    for (const doc of docs) {
      const name = String(doc.document.name);
      if (!DOCUMENT_NAME.test(name) || /\s\s/.test(name)) throw ConverseErrors.documentName();
      if (names.includes(name)) throw ConverseErrors.duplicateDocumentNames();
      names.push(name);
    }
  }
  if (names.length > 5) throw ConverseErrors.tooManyDocuments();
}

/** The rules Bedrock applies to the message list, in the order it applies them. */
function checkMessages(messages: Json[], hasToolConfig: boolean, rules: ConversationRules): void {
  if (messages.length === 0 || messages[0].role !== 'user') throw ConverseErrors.mustStartWithUser();
  let previousToolUseIds = new Set<string>();
  messages.forEach((message, i) => {
    if (rules.strictRoles && i > 0 && message.role === messages[i - 1].role) throw ConverseErrors.mustAlternate();
    const content: Json[] = message.content ?? [];
    if (content.length === 0) throw ConverseErrors.emptyContent(i);
    content.forEach((block, j) => {
      if (typeof block.text === 'string' && block.text.trim() === '') throw ConverseErrors.blankText(i, j);
    });
    const usesTools = content.some((b) => b.toolUse || b.toolResult);
    if (usesTools && !hasToolConfig) throw ConverseErrors.toolConfigRequired();
    if (message.role === 'user' && content.some((b) => b.reasoningContent)) throw ConverseErrors.userReasoning();
    const ids = content.filter((b) => b.toolUse).map((b) => String(b.toolUse.toolUseId));
    const duplicate = ids.find((id, n) => ids.indexOf(id) !== n);
    if (duplicate !== undefined) throw ConverseErrors.duplicateToolUseIds(i, duplicate);
    const results = content.filter((b) => b.toolResult).map((b) => String(b.toolResult.toolUseId));
    if (results.length > previousToolUseIds.size || results.some((id) => !previousToolUseIds.has(id))) throw ConverseErrors.toolResultsExceedToolUses(i);
    if (message.role === 'user' && previousToolUseIds.size > 0) {
      const missing = [...previousToolUseIds].filter((id) => !results.includes(id));
      if (missing.length > 0) throw ConverseErrors.missingToolResults(i, missing);
    }
    previousToolUseIds = new Set(message.role === 'assistant' ? ids : []);
  });
  if (rules.singleTurn && messages.length > 1) throw ConverseErrors.noHistory();
  if (rules.lastTurnUser && messages[messages.length - 1].role !== 'user') throw ConverseErrors.lastTurnMustBeUser();
  checkDocuments(messages);
}

/** outputConfig's JSON schema, carried as a string; an unparsable one is refused (wording unverified). */
function responseSchemaOf(input: ConverseInput): { responseSchema?: unknown } {
  const schema = input.outputConfig?.textFormat?.structure?.jsonSchema?.schema;
  if (schema === undefined) return {};
  try {
    return { responseSchema: JSON.parse(schema) };
  } catch {
    throw ConverseErrors.invalidOutputSchema();
  }
}

function toolsOf(config: ConverseInput['toolConfig']): { tools?: ToolSpec[]; toolChoice?: ToolChoice } {
  if (!config) return {};
  config.tools.forEach((t, i) => t.toolSpec && checkToolSchema(t.toolSpec.inputSchema?.json, `toolConfig.tools.${i}.toolSpec.inputSchema`));
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
 * @param rules the model's own conversation rules (ConverseTraits).
 */
export function toConversation(input: ConverseInput, maxTokens: number, reasoning: boolean, rules: ConversationRules = { strictRoles: true, lastTurnUser: false, singleTurn: false }): Conversation {
  const messages = input.messages ?? [];
  checkMessages(messages, input.toolConfig !== undefined, rules);
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
    ...responseSchemaOf(input),
  };
}
