// What the OpenAI-style chat bodies share (AI21 Jamba, OpenAI gpt-oss, Writer Palmyra: FORMATS.md
// §10, §13, §14): `messages` with string or part-list content, `tools` as functions, `tool_calls`
// in assistant turns and `tool` turns answering them. Each family renders its own response.
import { random } from '../ids.js';
import type { Schema } from '../schema/validate.js';
import type { Conversation, Part, ReplyBlock, StopReason, ToolChoice, ToolSpec, Turn } from '../responder/types.js';

export interface ChatMessage {
  role: string;
  content?: unknown;
  tool_calls?: Array<{ id?: string; function?: { name?: string; arguments?: string } }>;
  tool_call_id?: string;
}

export interface ChatTool {
  type?: string;
  function?: { name: string; description?: string; parameters?: unknown };
}

/** Roles every OpenAI-style body accepts; `developer` is OpenAI's newer name for `system`. */
export const messageSchema = (roles: readonly string[]): Schema => ({
  type: 'object',
  required: ['role'],
  properties: { role: { enum: roles } },
});

export const toolSchema: Schema = {
  type: 'object',
  required: ['function'],
  properties: {
    type: { type: 'string' },
    function: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
  },
};

/** The text of a content value: a string, `{text}` (Palmyra X5 doc), or a list of text parts. */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map(contentText).join('');
  if (content && typeof content === 'object') {
    const part = content as { type?: string; text?: unknown };
    if (typeof part.text === 'string') return part.text;
  }
  return '';
}

function contentParts(content: unknown): Part[] {
  const parts: Part[] = [];
  const items = Array.isArray(content) ? content : [content];
  for (const item of items) {
    if (item && typeof item === 'object' && (item as { type?: string }).type === 'image_url') {
      const url = String((item as { image_url?: { url?: string } }).image_url?.url ?? '');
      parts.push({ type: 'media', kind: 'image', bytes: Math.floor((url.length * 3) / 4) });
    } else {
      const text = contentText(item);
      if (text) parts.push({ type: 'text', text });
    }
  }
  return parts;
}

function parseArguments(args: string | undefined): unknown {
  try {
    return JSON.parse(args ?? '{}');
  } catch {
    return args ?? '';
  }
}

/** OpenAI's spelling, which Bedrock documents for open-weight models ("With open weight models, use
 * the `response_format` request field", docs.aws.amazon.com/bedrock/latest/userguide/structured-output.html). */
export interface ResponseFormat {
  type: string;
  json_schema?: { name?: string; schema?: unknown; strict?: boolean };
}

export const responseFormatSchema: Schema = {
  type: 'object',
  required: ['type'],
  properties: { type: { type: 'string' }, json_schema: { type: 'object', properties: { name: { type: 'string' }, schema: { type: 'object' } } } },
};

/** The schema the answer must satisfy: the given one, any JSON object for `json_object`, none for `text`. */
export function responseSchemaOf(format: ResponseFormat | undefined): { responseSchema?: unknown } {
  if (format?.type === 'json_schema') return { responseSchema: format.json_schema?.schema ?? { type: 'object' } };
  if (format?.type === 'json_object') return { responseSchema: { type: 'object' } };
  return {};
}

/** Maps chat messages to the neutral conversation (system turns joined into `system`). */
export function chatConversation(
  messages: ChatMessage[],
  rest: { tools?: ChatTool[]; toolChoice?: unknown; maxTokens: number; stop?: string | string[]; reasoning?: boolean; responseFormat?: ResponseFormat },
): Conversation {
  const system: string[] = [];
  const turns: Turn[] = [];
  const push = (role: Turn['role'], parts: Part[]) => {
    const last = turns[turns.length - 1];
    if (last && last.role === role) last.content.push(...parts);
    else turns.push({ role, content: parts });
  };
  for (const m of messages) {
    if (m.role === 'system' || m.role === 'developer') system.push(contentText(m.content));
    else if (m.role === 'tool') push('user', [{ type: 'tool_result', toolUseId: m.tool_call_id ?? '', text: contentText(m.content) }]);
    else if (m.role === 'assistant') {
      const parts = contentParts(m.content);
      for (const call of m.tool_calls ?? []) {
        parts.push({ type: 'tool_use', id: call.id ?? '', name: call.function?.name ?? '', input: parseArguments(call.function?.arguments) });
      }
      push('assistant', parts);
    } else push('user', contentParts(m.content));
  }
  const tools: ToolSpec[] | undefined = rest.tools?.map((t) => ({
    name: t.function?.name ?? '',
    description: t.function?.description,
    inputSchema: t.function?.parameters,
  }));
  return {
    system: system.length ? system.join('\n') : undefined,
    messages: turns,
    tools: tools?.length ? tools : undefined,
    toolChoice: toolChoice(rest.toolChoice),
    maxTokens: rest.maxTokens,
    stopSequences: typeof rest.stop === 'string' ? [rest.stop] : rest.stop,
    reasoning: rest.reasoning,
    ...responseSchemaOf(rest.responseFormat),
  };
}

function toolChoice(choice: unknown): ToolChoice | undefined {
  if (choice === 'auto') return { type: 'auto' };
  if (choice === 'none') return { type: 'none' };
  if (choice === 'required') return { type: 'any' };
  const name = (choice as { function?: { name?: string } } | undefined)?.function?.name;
  return name ? { type: 'tool', name } : undefined;
}

/** OpenAI's finish reasons for the neutral stop reasons. */
export const FINISH_REASON: Record<StopReason, string> = {
  end_turn: 'stop',
  stop_sequence: 'stop',
  max_tokens: 'length',
  tool_use: 'tool_calls',
};

export const textOf = (content: ReplyBlock[]) => content.map((b) => (b.type === 'text' ? b.text : '')).join('');
export const reasoningOf = (content: ReplyBlock[]) => content.map((b) => (b.type === 'reasoning' ? b.text : '')).join('');
export const toolUses = (content: ReplyBlock[]) =>
  content.filter((b): b is Extract<ReplyBlock, { type: 'tool_use' }> => b.type === 'tool_use');

const PADDING = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
/** OpenAI's stream `obfuscation`: a random-length run of padding (both gpt captures show prefixes of this alphabet). */
export const obfuscation = () => PADDING.slice(0, 2 + Math.floor(random() * 55));
