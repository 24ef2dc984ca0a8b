// Claude Messages API request content → the neutral Conversation (FORMATS.md §1), and the prompt
// caching arithmetic that cache_control breakpoints imply.
import { cacheUsage, ttlMs, type Breakpoint, type CacheUsage } from '../responder/prompt-cache.js';
import type { Conversation, DocumentText, Part, ToolChoice, ToolSpec, Turn } from '../responder/types.js';

export type Block = Record<string, any>;

export interface MessagesRequest {
  anthropic_version?: string;
  anthropic_beta?: string[];
  max_tokens: number;
  /** `system` only on the models that take mid-conversation system messages (anthropic-request). */
  messages: Array<{ role: 'user' | 'assistant' | 'system'; content: string | Block[] }>;
  system?: string | Block[];
  temperature?: number;
  top_p?: number;
  top_k?: number;
  stop_sequences?: string[];
  tools?: Block[];
  tool_choice?: { type: 'auto' | 'any' | 'tool' | 'none'; name?: string; disable_parallel_tool_use?: boolean };
  thinking?: { type: string; budget_tokens?: number };
  output_config?: { format?: Block; effort?: string };
  output_format?: Block;
  metadata?: Block;
}

/** Bytes behind a base64 payload, without decoding it. */
const base64Bytes = (data: unknown) => (typeof data === 'string' ? Math.floor((data.length * 3) / 4) : 0);

function mediaBytes(source: Block | undefined): number {
  if (!source) return 0;
  if (source.type === 'base64') return base64Bytes(source.data);
  if (source.type === 'text' && typeof source.data === 'string') return Buffer.byteLength(source.data);
  if (source.type === 'content' && Array.isArray(source.content)) return Buffer.byteLength(JSON.stringify(source.content));
  return 0;
}

/** A document block's readable text and title, for citations (Anthropic's citations docs). */
function documentOf(block: Block): DocumentText {
  const source = block.source ?? {};
  let text = '';
  if (source.type === 'text' && typeof source.data === 'string') text = source.data;
  else if (source.type === 'content' && Array.isArray(source.content)) text = source.content.map((c: Block) => String(c?.text ?? '')).join('');
  else if (source.type === 'base64' && source.media_type === 'application/pdf') text = pdfText(source.data);
  return { title: typeof block.title === 'string' ? block.title : '', text, citations: block.citations?.enabled === true };
}

/** The text shown by a simple PDF: the literal strings of its uncompressed `Tj`/`TJ` operators. */
function pdfText(data: unknown): string {
  if (typeof data !== 'string') return '';
  const pdf = Buffer.from(data, 'base64').toString('latin1');
  const strings = [...pdf.matchAll(/\(((?:\\.|[^\\()])*)\)\s*Tj/g)].map((m) => m[1].replace(/\\(.)/g, '$1'));
  return strings.join(' ');
}

const resultText = (content: unknown): string =>
  typeof content === 'string'
    ? content
    : Array.isArray(content)
      ? content.map((b: Block) => (b?.type === 'text' && typeof b.text === 'string' ? b.text : '')).join('\n')
      : '';

function toParts(content: string | Block[]): Part[] {
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  const parts: Part[] = [];
  for (const block of content) {
    switch (block?.type) {
      case 'text':
        parts.push({ type: 'text', text: String(block.text ?? '') });
        break;
      case 'image':
        parts.push({ type: 'media', kind: 'image', bytes: mediaBytes(block.source) });
        break;
      case 'document':
        parts.push({ type: 'media', kind: 'document', bytes: mediaBytes(block.source), document: documentOf(block) });
        break;
      case 'tool_use':
        parts.push({ type: 'tool_use', id: String(block.id ?? ''), name: String(block.name ?? ''), input: block.input ?? {} });
        break;
      case 'tool_result':
        parts.push({ type: 'tool_result', toolUseId: String(block.tool_use_id ?? ''), text: resultText(block.content) });
        break;
      case 'thinking':
        parts.push({ type: 'reasoning', text: String(block.thinking ?? '') });
        break;
      // redacted_thinking and unknown blocks carry nothing we can count.
    }
  }
  return parts;
}

// The Anthropic-defined tools carry no input_schema; the responder needs one to fill the call.
// Shapes from Anthropic's computer-use docs (FORMATS.md §1 lists the tool types).
const TYPED_TOOL_SCHEMAS: Array<[RegExp, unknown]> = [
  [/^computer_/, { type: 'object', properties: { action: { type: 'string', enum: ['screenshot'] } }, required: ['action'] }],
  [/^bash_/, { type: 'object', properties: { command: { type: 'string' } }, required: ['command'] }],
  [/^text_editor_/, { type: 'object', properties: { command: { type: 'string', enum: ['view'] }, path: { type: 'string' } }, required: ['command', 'path'] }],
];

function toTool(tool: Block): ToolSpec {
  if (typeof tool.type === 'string' && tool.type !== 'custom') {
    const schema = TYPED_TOOL_SCHEMAS.find(([pattern]) => pattern.test(tool.type))?.[1];
    return { name: String(tool.name ?? tool.type), inputSchema: schema ?? { type: 'object' } };
  }
  return { name: String(tool.name ?? ''), description: tool.description, inputSchema: tool.input_schema };
}

/** The turns of `messages`, consecutive turns of one role combined (Anthropic's Messages API reference). */
function turnsOf(messages: MessagesRequest['messages']): Turn[] {
  const turns: Turn[] = [];
  for (const m of messages) {
    if (m.role === 'system') continue; // instructions: counted with the system prompt
    const previous = turns[turns.length - 1];
    if (previous?.role === m.role) previous.content.push(...toParts(m.content));
    else turns.push({ role: m.role, content: toParts(m.content) });
  }
  return turns;
}

const systemText = (system: MessagesRequest['system']) =>
  typeof system === 'string' ? system : Array.isArray(system) ? system.map((b) => String(b?.text ?? '')).join('\n') : undefined;

/** The top-level system prompt, then any mid-conversation system messages, in order. */
function instructionsOf(req: MessagesRequest): string | undefined {
  const parts = [systemText(req.system), ...req.messages.filter((m) => m.role === 'system').map((m) => systemText(m.content))];
  return parts.filter(Boolean).join('\n') || undefined;
}

export function toConversation(req: MessagesRequest): Conversation {
  const choice = req.tool_choice;
  const toolChoice: ToolChoice | undefined = !choice
    ? undefined
    : choice.type === 'tool'
      ? { type: 'tool', name: String(choice.name ?? '') }
      : { type: choice.type };
  const messages = turnsOf(req.messages);
  const responseSchema = responseSchemaOf(req);
  return {
    system: instructionsOf(req),
    messages,
    tools: req.tools?.map(toTool),
    toolChoice,
    maxTokens: req.max_tokens,
    stopSequences: req.stop_sequences,
    // Adaptive thinking thinks as enabled thinking does (capture …claude-sonnet-5__adaptive-thinking).
    reasoning: req.thinking?.type === 'enabled' || req.thinking?.type === 'adaptive',
    ...(responseSchema !== undefined ? { responseSchema } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Prompt caching. Anthropic caches the prefix up to each cache_control breakpoint, in the order
// tools → system → messages; the ledger is src/responder/prompt-cache.ts.

const hasCacheControl = (block: unknown) => typeof block === 'object' && block !== null && 'cache_control' in block;

export function claudeCacheUsage(req: MessagesRequest, conv: Conversation, modelId: string): CacheUsage | undefined {
  // Each breakpoint: the conversation prefix it closes and the TTL it asks for.
  const breakpoints: Breakpoint[] = [];
  const ttlOf = (block: Block) => ttlMs(block.cache_control?.ttl);
  (req.tools ?? []).forEach((tool, i) => {
    if (hasCacheControl(tool)) breakpoints.push({ prefix: { messages: [], tools: conv.tools!.slice(0, i + 1) }, key: [req.tools!.slice(0, i + 1)], ttlMs: ttlOf(tool) });
  });
  if (Array.isArray(req.system)) {
    req.system.forEach((block, i) => {
      if (!hasCacheControl(block)) return;
      const system = systemText(req.system!.slice(0, i + 1));
      breakpoints.push({ prefix: { system, messages: [], tools: conv.tools }, key: [req.tools, req.system!.slice(0, i + 1)], ttlMs: ttlOf(block) });
    });
  }
  req.messages.forEach((message, m) => {
    if (typeof message.content === 'string') return;
    message.content.forEach((block, b) => {
      if (!hasCacheControl(block)) return;
      const raw = [...req.messages.slice(0, m), { role: message.role, content: (message.content as Block[]).slice(0, b + 1) }];
      const messages = turnsOf(raw);
      breakpoints.push({ prefix: { system: conv.system, messages, tools: conv.tools }, key: [req.tools, req.system, raw], ttlMs: ttlOf(block) });
    });
  });
  return cacheUsage(modelId, conv, breakpoints);
}

/** The JSON schema a structured-output request asks the answer to follow, if any. */
export function responseSchemaOf(req: Pick<MessagesRequest, 'output_config' | 'output_format'>): unknown {
  const format = req.output_config?.format ?? req.output_format;
  return format?.type === 'json_schema' && typeof format.schema === 'object' ? format.schema : undefined;
}
