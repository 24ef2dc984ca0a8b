// From a Converse request (already through Coral's constraint checks) to the neutral
// Conversation the responder reads, enforcing Bedrock's conversation rules with its wording
// (REAL_ERROR_MESSAGES.md; src/converse.evidence.md).
import { ConverseErrors } from '../errors.js';
import { pdfPages } from './pdf-text.js';
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
    const citations = doc.citations?.enabled === true;
    // A PDF asked for citations is read page by page when it is simple enough (pdf-text.ts).
    const pages = citations && doc.format === 'pdf' && typeof doc.source?.bytes === 'string' ? pdfPages(Buffer.from(doc.source.bytes, 'base64')) : undefined;
    const text = pages ? pages.join('') : documentText(doc);
    const chunks = Array.isArray(doc.source?.content) ? doc.source.content.map((c: Json) => String(c.text ?? '')) : undefined;
    return { type: 'media', kind: 'document', bytes: mediaBytes(doc.source), document: { title: String(doc.name), text, citations, ...(pages ? { pages } : {}), ...(chunks ? { chunks } : {}) } };
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
  /** A first message of the assistant's is taken (ConverseTraits.leadingAssistant). */
  leadingAssistant?: boolean;
  /** Who refuses blank text (ConverseTraits.blankText); Bedrock itself, block by block, by default. */
  blankText?: 'bedrock' | 'anthropic';
  /** Which tool blocks may not share a turn with text or media (Llama, Mistral Large 24.02). */
  separateToolTurns?: Array<'toolUse' | 'toolResult'>;
}

const CONVERSATION_BLOCKS = ['text', 'image', 'document', 'video', 'audio'];

/**
 * "messages.N.content: Conversation blocks and tool use blocks cannot be provided in the same
 * turn." (quarkus-langchain4j#1983, 2025-11, Llama 3.2 11B; langchain-aws#1118, 2026-06, Mistral
 * Large 24.02 and Llama 3.2 90B) and its tool-result twin (strands harness-sdk#1223, 2025-11,
 * Llama 4 Maverick). Strands' toolResult message followed by a user text message hit the second:
 * Bedrock merges consecutive messages of one role first, so the check runs on the merged turns
 * and N counts merged turns.
 */
function checkSeparateToolTurns(messages: Json[], kinds: Array<'toolUse' | 'toolResult'>): void {
  const merged: Json[][] = [];
  let previousRole: string | undefined;
  for (const message of messages) {
    if (message.role === previousRole) merged[merged.length - 1].push(...message.content);
    else merged.push([...message.content]);
    previousRole = message.role;
  }
  merged.forEach((content, i) => {
    const talks = content.some((b) => CONVERSATION_BLOCKS.some((k) => b[k] !== undefined));
    if (talks && kinds.includes('toolUse') && content.some((b) => b.toolUse)) throw ConverseErrors.mixedToolUseTurn(i);
    if (talks && kinds.includes('toolResult') && content.some((b) => b.toolResult)) throw ConverseErrors.mixedToolResultTurn(i);
  });
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

/**
 * The rules Bedrock applies to the message list, in the order it applies them. Messages of role
 * `system` (2026 service model) take no part in the turn order; indexes stay those of the request.
 */
function checkMessages(all: Json[], hasToolConfig: boolean, rules: ConversationRules): void {
  const messages = all.filter((m) => m.role !== 'system');
  if (messages.length === 0 || (messages[0].role !== 'user' && !rules.leadingAssistant)) throw ConverseErrors.mustStartWithUser();
  let previousToolUseIds = new Set<string>();
  let previousRole: string | undefined;
  all.forEach((message, i) => {
    const content: Json[] = message.content ?? [];
    if (message.role !== 'system' && rules.strictRoles && message.role === previousRole) throw ConverseErrors.mustAlternate();
    if (content.length === 0) throw ConverseErrors.emptyContent(i);
    const blank = (block: Json) => typeof block.text === 'string' && block.text.trim() === '';
    if (rules.blankText === 'anthropic') {
      // Claude 3.7+: a blank block beside other content was answered (pydantic-ai cassette
      // test_bedrock_cache_write_and_read, 2025-12-11, Sonnet 4.5: a "\n" block, 200); a message
      // of blank text only is refused by the model (NousResearch/hermes-agent#63983, 2026-07-13,
      // and #41985, 2026-06-08, Opus 4.8: a lone " " user message).
      const saysNothing = content.some(blank) && content.every((b) => blank(b) || b.cachePoint !== undefined);
      if (saysNothing) throw ConverseErrors.fromModel('messages: text content blocks must contain non-whitespace text');
    } else {
      content.forEach((block, j) => {
        if (blank(block)) throw ConverseErrors.blankText(i, j);
      });
    }
    if (message.role === 'system') return;
    previousRole = message.role;
    const usesTools = content.some((b) => b.toolUse || b.toolResult);
    if (usesTools && !hasToolConfig) throw ConverseErrors.toolConfigRequired();
    if (message.role === 'user' && content.some((b) => b.reasoningContent)) throw ConverseErrors.userReasoning();
    const ids = content.filter((b) => b.toolUse).map((b) => String(b.toolUse.toolUseId));
    const duplicate = ids.find((id, n) => ids.indexOf(id) !== n);
    if (duplicate !== undefined) throw ConverseErrors.duplicateToolUseIds(i, duplicate);
    // A server tool's call and its result both sit in the assistant turn (Nova 2's
    // `nova_code_interpreter`: toolUse `type: "server_tool_use"`, toolResult `type:
    // "nova_code_interpreter_result"`), sent back as answered; the user turn answers only the
    // client tools (pydantic/pydantic-ai cassette test_bedrock_model_with_code_execution_tool,
    // recorded 2026-01-16: 200). So assistant-turn results and server calls are not counted.
    const results = message.role === 'assistant' ? [] : content.filter((b) => b.toolResult).map((b) => String(b.toolResult.toolUseId));
    if (results.length > previousToolUseIds.size || results.some((id) => !previousToolUseIds.has(id))) throw ConverseErrors.toolResultsExceedToolUses(i);
    if (message.role === 'user' && previousToolUseIds.size > 0) {
      const missing = [...previousToolUseIds].filter((id) => !results.includes(id));
      if (missing.length > 0) throw ConverseErrors.missingToolResults(i, missing);
    }
    const clientIds = content.filter((b) => b.toolUse && b.toolUse.type !== 'server_tool_use').map((b) => String(b.toolUse.toolUseId));
    previousToolUseIds = new Set(message.role === 'assistant' ? clientIds : []);
  });
  if (rules.singleTurn && messages.length > 1) throw ConverseErrors.noHistory();
  if (rules.lastTurnUser && messages[messages.length - 1].role !== 'user') throw ConverseErrors.lastTurnMustBeUser();
  if (rules.separateToolTurns?.length) checkSeparateToolTurns(messages, rules.separateToolTurns);
  checkDocuments(messages);
}

/** outputConfig's JSON schema, carried as a string; an unparsable one is refused (wording unverified). */
function responseSchemaOf(input: ConverseInput): { responseSchema?: unknown } {
  const schema = input.outputConfig?.textFormat?.structure?.jsonSchema?.schema;
  if (schema === undefined) {
    // Claude's native structured output passed through additionalModelRequestFields: `output_config.format`
    // (or the older beta `output_format`), its schema an object (Anthropic's structured outputs docs).
    const native = input.additionalModelRequestFields?.output_config?.format ?? input.additionalModelRequestFields?.output_format;
    return native?.type === 'json_schema' && typeof native.schema === 'object' && native.schema !== null ? { responseSchema: native.schema } : {};
  }
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
 * The tools in force after the conversation's toolAddition / toolRemoval blocks (2026-07-31
 * model: "Use within a system role message to make a tool available [or remove it] without
 * re-sending the full tool configuration"), taken in order. A tool added by a name the
 * configuration does not declare is known by its name only.
 */
function toolsInForce(declared: ToolSpec[] | undefined, messages: Json[]): ToolSpec[] | undefined {
  let tools = declared;
  for (const message of messages) {
    for (const block of message.content ?? []) {
      const name = block.toolAddition?.tool?.name ?? block.toolRemoval?.tool?.name;
      if (typeof name !== 'string') continue;
      const rest = (tools ?? []).filter((t) => t.name !== name);
      tools = block.toolRemoval ? rest : [...rest, declared?.find((t) => t.name === name) ?? { name }];
    }
  }
  return tools;
}

/** Consecutive messages of one role as one turn, as Bedrock merges them (strands harness-sdk#1223). */
function mergeTurns(turns: Turn[]): Turn[] {
  const out: Turn[] = [];
  for (const turn of turns) {
    const last = out[out.length - 1];
    if (last?.role === turn.role) last.content.push(...turn.content);
    else out.push({ role: turn.role, content: [...turn.content] });
  }
  return out;
}

const textOf = (blocks: Json[]) => blocks.map((b) => (typeof b.text === 'string' ? b.text : '')).filter(Boolean).join('\n');

/**
 * @param maxTokens the output limit in force: the request's, else the model's default.
 * @param reasoning whether the model thinks before answering (its traits and the request decide).
 * @param rules the model's own conversation rules (ConverseTraits).
 */
export function toConversation(input: ConverseInput, maxTokens: number, reasoning: boolean, rules: ConversationRules = { strictRoles: true, lastTurnUser: false, singleTurn: false }): Conversation {
  const messages = input.messages ?? [];
  checkMessages(messages, input.toolConfig !== undefined, rules);
  const spoken = messages.filter((m) => m.role !== 'system');
  const turns = mergeTurns(
    spoken.map((m) => ({
      role: m.role === 'assistant' ? 'assistant' : 'user',
      content: (m.content as Json[]).map(toPart).filter((p): p is Part => p !== undefined),
    })),
  );
  // A system-role message's text joins the system prompt, after the top-level one.
  const system = [textOf(input.system ?? []), ...messages.filter((m) => m.role === 'system').map((m) => textOf(m.content))].filter(Boolean).join('\n');
  const { tools, toolChoice } = toolsOf(input.toolConfig);
  const inForce = toolsInForce(tools, messages);
  return {
    ...(system ? { system } : {}),
    messages: turns,
    ...(inForce !== undefined ? { tools: inForce } : {}),
    ...(toolChoice ? { toolChoice } : {}),
    maxTokens,
    stopSequences: input.inferenceConfig?.stopSequences,
    reasoning,
    ...responseSchemaOf(input),
  };
}
