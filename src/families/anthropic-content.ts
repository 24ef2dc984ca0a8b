// Claude Messages API request content → the neutral Conversation (FORMATS.md §1), and the prompt
// caching arithmetic that cache_control breakpoints imply.
import { createHash } from 'node:crypto';
import { conversationTokens } from '../responder/tokens.js';
import type { Conversation, Part, ToolChoice, ToolSpec, Turn } from '../responder/types.js';

export type Block = Record<string, any>;

export interface MessagesRequest {
  anthropic_version?: string;
  anthropic_beta?: string[];
  max_tokens: number;
  messages: Array<{ role: 'user' | 'assistant'; content: string | Block[] }>;
  system?: string | Block[];
  temperature?: number;
  top_p?: number;
  top_k?: number;
  stop_sequences?: string[];
  tools?: Block[];
  tool_choice?: { type: 'auto' | 'any' | 'tool' | 'none'; name?: string; disable_parallel_tool_use?: boolean };
  thinking?: { type: string; budget_tokens?: number };
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
        parts.push({ type: 'media', kind: 'document', bytes: mediaBytes(block.source) });
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

const systemText = (system: MessagesRequest['system']) =>
  typeof system === 'string' ? system : Array.isArray(system) ? system.map((b) => String(b?.text ?? '')).join('\n') : undefined;

export function toConversation(req: MessagesRequest): Conversation {
  const choice = req.tool_choice;
  const toolChoice: ToolChoice | undefined = !choice
    ? undefined
    : choice.type === 'tool'
      ? { type: 'tool', name: String(choice.name ?? '') }
      : { type: choice.type };
  return {
    system: systemText(req.system) || undefined,
    messages: req.messages.map((m): Turn => ({ role: m.role, content: toParts(m.content) })),
    tools: req.tools?.map(toTool),
    toolChoice,
    maxTokens: req.max_tokens,
    stopSequences: req.stop_sequences,
    reasoning: req.thinking?.type === 'enabled',
  };
}

// ---------------------------------------------------------------------------------------------
// Prompt caching. Anthropic caches the prefix up to each cache_control breakpoint, in the order
// tools → system → messages. A prefix shorter than the model's minimum is not cached (the usage
// fields then read 0). The first request writes the prefix; a repeat within the TTL reads it.

export interface CacheUsage {
  /** input tokens not served from or written to the cache */
  inputTokens: number;
  cacheWrite: number;
  cacheRead: number;
}

const hasCacheControl = (block: unknown) => typeof block === 'object' && block !== null && 'cache_control' in block;

/** Anthropic's documented minimum cacheable prompt per model (Anthropic prompt-caching docs). */
function minimumCacheable(modelId: string): number {
  if (/haiku-4-5|opus-4-5/.test(modelId)) return 4096;
  if (/claude-3-haiku|claude-3-5-haiku/.test(modelId)) return 2048;
  return 1024;
}

/** Prefix key → expiry (ms since epoch). Process-wide, like the real cache is account-wide. */
const cached = new Map<string, number>();

export function cacheUsage(req: MessagesRequest, conv: Conversation, modelId: string): CacheUsage | undefined {
  // Each breakpoint: the conversation prefix it closes and the TTL it asks for.
  const breakpoints: Array<{ prefix: Pick<Conversation, 'system' | 'messages' | 'tools'>; key: unknown[]; ttl: number }> = [];
  const ttlOf = (block: Block) => (block.cache_control?.ttl === '1h' ? 3_600_000 : 300_000);
  (req.tools ?? []).forEach((tool, i) => {
    if (hasCacheControl(tool)) breakpoints.push({ prefix: { messages: [], tools: conv.tools!.slice(0, i + 1) }, key: [req.tools!.slice(0, i + 1)], ttl: ttlOf(tool) });
  });
  if (Array.isArray(req.system)) {
    req.system.forEach((block, i) => {
      if (!hasCacheControl(block)) return;
      const system = systemText(req.system!.slice(0, i + 1));
      breakpoints.push({ prefix: { system, messages: [], tools: conv.tools }, key: [req.tools, req.system!.slice(0, i + 1)], ttl: ttlOf(block) });
    });
  }
  req.messages.forEach((message, m) => {
    if (typeof message.content === 'string') return;
    message.content.forEach((block, b) => {
      if (!hasCacheControl(block)) return;
      const messages = [...conv.messages.slice(0, m), { role: message.role, content: toParts(message.content.slice(0, b + 1) as Block[]) }];
      const raw = [...req.messages.slice(0, m), { role: message.role, content: (message.content as Block[]).slice(0, b + 1) }];
      breakpoints.push({ prefix: { system: conv.system, messages, tools: conv.tools }, key: [req.tools, req.system, raw], ttl: ttlOf(block) });
    });
  });
  if (breakpoints.length === 0) return undefined;

  const total = conversationTokens(conv);
  const minimum = minimumCacheable(modelId);
  const now = Date.now();
  let read = 0;
  let longest = 0;
  for (const point of breakpoints) {
    const tokens = conversationTokens(point.prefix);
    if (tokens < minimum) continue;
    const key = createHash('sha256').update(modelId).update(JSON.stringify(point.key)).digest('hex');
    if ((cached.get(key) ?? 0) > now) read = Math.max(read, tokens);
    longest = Math.max(longest, tokens);
    cached.set(key, now + point.ttl);
  }
  const write = Math.max(0, longest - read);
  return { inputTokens: Math.max(0, total - read - write), cacheWrite: write, cacheRead: read };
}
