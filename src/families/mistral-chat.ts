// Mistral chat completion (Large 24.02 / 24.07, Pixtral Large): FORMATS.md §8. Mistral Large is
// also listed under Mistral text completion (Bedrock docs; the AWS .NET example streams Large
// 24.02 with a `prompt` body and reads `outputs[0].text`), so a body with `prompt` and no
// `messages` is answered the text-completion way.
import { Errors } from '../errors.js';
import { mistralToolCallId } from '../ids.js';
import { countTokens, deltas } from '../responder/tokens.js';
import type { Conversation, Part, Reply, ToolChoice, Turn } from '../responder/types.js';
import { validate, type Schema } from '../schema/validate.js';
import type { Family, InvokeContext } from './family.js';
import { responseFormatSchema, responseSchemaOf, type ResponseFormat } from './chat-completions.js';
import { invokeMistralText, MISTRAL_STOP, parseMistralText, streamMistralText, type MistralTextRequest } from './mistral-text.js';

type Json = Record<string, any>;

interface ChatRequest {
  messages: Json[];
  tools?: Array<{ type: 'function'; function: { name: string; description?: string; parameters?: unknown } }>;
  tool_choice?: 'auto' | 'any' | 'none';
  max_tokens?: number;
  top_p?: number;
  temperature?: number;
  stop?: string | string[];
  response_format?: ResponseFormat;
}

type Parsed = { kind: 'text'; req: MistralTextRequest } | { kind: 'chat'; req: ChatRequest };

const str: Schema = { type: 'string' };
// Pixtral takes content as parts (text, image_url); the others a string.
const part: Schema = {
  type: 'object',
  required: ['type'],
  properties: { type: { type: 'string', enum: ['text', 'image_url'] }, text: str, image_url: true },
};

const schema: Schema = {
  type: 'object',
  required: ['messages'],
  properties: {
    messages: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['role'],
        properties: {
          role: { type: 'string', enum: ['system', 'user', 'assistant', 'tool'] },
          content: { anyOf: [str, { type: 'array', items: part }] },
          tool_calls: {
            type: 'array',
            items: { type: 'object', required: ['function'], properties: { id: str, function: { type: 'object', required: ['name', 'arguments'], properties: { name: str, arguments: str } } } },
          },
          tool_call_id: str,
        },
      },
    },
    tools: {
      type: 'array',
      items: {
        type: 'object',
        required: ['type', 'function'],
        properties: { type: { type: 'string', enum: ['function'] }, function: { type: 'object', required: ['name'], properties: { name: str, description: str, parameters: { type: 'object' } } } },
      },
    },
    tool_choice: { type: 'string', enum: ['auto', 'any', 'none'] },
    max_tokens: { type: 'integer', minimum: 1 },
    top_p: { type: 'number', minimum: 0, maximum: 1 },
    temperature: { type: 'number', minimum: 0, maximum: 1 },
    stop: { anyOf: [str, { type: 'array', items: str }] },
    response_format: responseFormatSchema,
  },
  // Open, as the text-completion body (mistral-text.ts): `random_seed`, `safe_prompt`, … pass
  // (src/refusals.evidence.md S25).
};

function textOf(content: unknown, images: Part[]): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  const texts: string[] = [];
  for (const p of content as Json[]) {
    if (p.type === 'text') texts.push(String(p.text ?? ''));
    else {
      const url = typeof p.image_url === 'string' ? p.image_url : String(p.image_url?.url ?? '');
      images.push({ type: 'media', kind: 'image', bytes: Math.floor((url.length * 3) / 4) });
    }
  }
  return texts.join('\n');
}

function conversation(req: ChatRequest): Conversation {
  const system: string[] = [];
  const messages: Turn[] = [];
  for (const m of req.messages) {
    const media: Part[] = [];
    const text = textOf(m.content, media);
    if (m.role === 'system') system.push(text);
    else if (m.role === 'tool') messages.push({ role: 'user', content: [{ type: 'tool_result', toolUseId: String(m.tool_call_id ?? ''), text }] });
    else {
      const content: Part[] = [...media];
      if (text) content.push({ type: 'text', text });
      for (const call of (m.tool_calls ?? []) as Json[]) {
        let input: unknown = {};
        try {
          input = JSON.parse(call.function.arguments);
        } catch {
          input = call.function.arguments;
        }
        content.push({ type: 'tool_use', id: String(call.id ?? ''), name: call.function.name, input });
      }
      messages.push({ role: m.role, content });
    }
  }
  const toolChoice: ToolChoice | undefined = req.tool_choice ? { type: req.tool_choice } : undefined;
  return {
    system: system.length ? system.join('\n') : undefined,
    messages,
    tools: req.tools?.map((t) => ({ name: t.function.name, description: t.function.description, inputSchema: t.function.parameters })),
    toolChoice,
    // Default max_tokens 8192 for Mistral Large (Bedrock Mistral chat docs).
    maxTokens: req.max_tokens ?? 8192,
    stopSequences: typeof req.stop === 'string' ? [req.stop] : req.stop,
    ...responseSchemaOf(req.response_format),
  };
}

function chat(req: ChatRequest, ctx: InvokeContext) {
  const r: Reply = ctx.respond(conversation(req));
  const text = r.content.map((b) => (b.type === 'text' ? b.text : '')).join('');
  // Tool calls: `{id, function: {name, arguments}}` with the arguments as a JSON string, as the
  // request side of the Bedrock docs spells them; content is "" beside them.
  const toolCalls = r.content.flatMap((b) =>
    b.type === 'tool_use' ? [{ id: mistralToolCallId(), function: { name: b.name, arguments: JSON.stringify(b.input) } }] : [],
  );
  const outputTokens = countTokens(text) + toolCalls.reduce((n, c) => n + countTokens(c.function.name) + countTokens(c.function.arguments), 0);
  return { text, toolCalls, stop: MISTRAL_STOP[r.stopReason], usage: { inputTokens: r.usage.inputTokens, outputTokens } };
}

const message = (content: string, toolCalls: unknown[]) =>
  toolCalls.length ? { role: 'assistant', content, tool_calls: toolCalls } : { role: 'assistant', content };

export const mistralChat: Family<Parsed> = {
  name: 'mistral-chat',
  parse(body, ctx) {
    const isPrompt = typeof body === 'object' && body !== null && 'prompt' in body && !('messages' in body);
    if (isPrompt) return { kind: 'text', req: parseMistralText(body, ctx) };
    const req = validate<ChatRequest>(schema, body);
    if (req.max_tokens !== undefined && req.max_tokens > ctx.model.maxOutputTokens) throw Errors.maxTokensExceeded(ctx.model.maxOutputTokens);
    return { kind: 'chat', req };
  },

  invoke(parsed, ctx) {
    if (parsed.kind === 'text') return invokeMistralText(parsed.req, ctx);
    const { text, toolCalls, stop, usage } = chat(parsed.req, ctx);
    return { body: { choices: [{ index: 0, message: message(text, toolCalls), stop_reason: stop }] }, usage };
  },

  // Unverified (FORMATS.md §8 [K]): OpenAI-like chunks carrying `choices[].message` deltas with
  // `stop_reason: null`, the last naming the reason; tool calls whole, in the last chunk.
  stream(parsed, ctx) {
    if (parsed.kind === 'text') return streamMistralText(parsed.req, ctx);
    const { text, toolCalls, stop, usage } = chat(parsed.req, ctx);
    const pieces = toolCalls.length ? [] : deltas(text, 1);
    if (pieces.length === 0) pieces.push(toolCalls.length ? '' : text);
    const events = pieces.map((piece, i) => {
      const last = i === pieces.length - 1;
      return { choices: [{ index: 0, message: message(piece, last ? toolCalls : []), stop_reason: last ? stop : null }] };
    });
    return { events, usage };
  },
};

export default mistralChat;
