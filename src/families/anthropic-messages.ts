// Anthropic Claude, Messages API (FORMATS.md §1). Also answers Messages bodies sent to the legacy
// claude-v2 / instant models (anthropic-text delegates here; capture
// invoke__anthropic.claude-v2__messages-api: model "claude-2.0").
import { Errors } from '../errors.js';
import { anthropicMessageId, anthropicToolUseId } from '../ids.js';
import { deltas } from '../responder/tokens.js';
import type { Reply, ReplyBlock } from '../responder/types.js';
import { validate, type Schema } from '../schema/validate.js';
import { checkToolSchema } from '../schema/tool-schema.js';
import type { CacheUsage } from '../responder/prompt-cache.js';
import { claudeCacheUsage, toConversation, type MessagesRequest } from './anthropic-content.js';
import type { Family, InvokeContext, Usage } from './family.js';

const number01: Schema = { type: 'number', minimum: 0, maximum: 1 };

// Bedrock's Claude schema is anyOf[not-required-messages, the Messages schema]: every failure of a
// Messages body reads `#: subject must not be valid against schema {"required":["messages"]}` and
// then the Messages schema's own leaves (src/errors.evidence.md §2, diffbot/code-gpt-docs#300,
// fumito-ito/AnthropicSwiftSDK#19). A body without `messages` passes the first branch and goes to
// the Text Completions path, which Claude 3+ refuses (claudeUseMessagesApi).
// Ranges of temperature/top_p/top_k/max_tokens are our reading of the AWS parameter docs.
const SCHEMA: Schema = {
  anyOf: [
    { not: { required: ['messages'] } },
    {
      type: 'object',
      required: ['max_tokens'],
      properties: {
        anthropic_version: { type: 'string' },
        anthropic_beta: { type: 'array', items: { type: 'string' } },
        max_tokens: { type: 'integer', minimum: 1 },
        messages: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            required: ['role', 'content'],
            properties: {
              role: { type: 'string', enum: ['user', 'assistant'] },
              // Array branch first: quadratichq/quadratic#2718 lists its minItems leaf first.
              content: { anyOf: [{ type: 'array', minItems: 1, items: { type: 'object' } }, { type: 'string' }] },
            },
          },
        },
        system: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'object' } }] },
        temperature: number01,
        top_p: number01,
        top_k: { type: 'integer', minimum: 0, maximum: 500 },
        stop_sequences: { type: 'array', items: { type: 'string' } },
        tools: { type: 'array', items: { type: 'object' } },
        tool_choice: { type: 'object', required: ['type'], properties: { type: { type: 'string', enum: ['auto', 'any', 'tool', 'none'] } } },
        thinking: { type: 'object', required: ['type'], properties: { type: { type: 'string', enum: ['enabled', 'disabled'] } } },
      },
      additionalProperties: false,
    },
  ],
} satisfies Schema;

const API_VERSION = 'bedrock-2023-05-31';

/** The checks Anthropic's side makes once the body passed Bedrock's schema (src/errors.evidence.md §3.1). */
function checkMessages(req: MessagesRequest): void {
  req.messages.forEach((message, i) => {
    if (i === 0 && message.role !== 'user') throw Errors.claudeFirstMessageUser();
    if (i > 0 && req.messages[i - 1].role === message.role) throw Errors.claudeRolesAlternate(message.role);
    const last = i === req.messages.length - 1;
    if (message.content === '' && !(last && message.role === 'assistant')) throw Errors.claudeEmptyContent(i);
    if (Array.isArray(message.content) && message.content.some((b) => b?.type === 'text' && b.text === '')) throw Errors.claudeEmptyTextBlock();
  });
  if (req.thinking?.type === 'enabled') {
    const budget = req.thinking.budget_tokens;
    if (typeof budget !== 'number' || budget < 1024) throw Errors.claudeThinkingBudgetMin();
    if (budget >= req.max_tokens) throw Errors.claudeThinkingBudgetAboveMax();
  }
}

export function parseMessages(body: unknown, ctx: InvokeContext): MessagesRequest {
  validate(SCHEMA, body);
  const req = body as MessagesRequest;
  if (!('messages' in (req as object))) throw Errors.claudeUseMessagesApi(ctx.model.responseModelName ?? ctx.model.modelId);
  // Missing: the newer models' Anthropic-side wording (seed 002 notes; QuantumNous/new-api#3339).
  if (req.anthropic_version === undefined) throw Errors.claudeApiVersionRequired();
  if (req.anthropic_version !== API_VERSION) throw Errors.claudeInvalidApiVersion(req.anthropic_version);
  if (req.max_tokens > ctx.model.maxOutputTokens) throw Errors.maxTokensExceeded(ctx.model.maxOutputTokens);
  checkMessages(req);
  req.tools?.forEach((t, i) => (t?.type === undefined || t.type === 'custom') && checkToolSchema(t?.input_schema, `tools.${i}.custom.input_schema`));
  return req;
}

interface Answer {
  reply: Reply;
  cache?: CacheUsage;
  usage: Usage;
  /** Each reply block as Claude renders it, tool calls with their ids. */
  blocks: Array<Record<string, unknown>>;
}

function renderBlock(block: ReplyBlock): Record<string, unknown> {
  switch (block.type) {
    case 'reasoning':
      return { type: 'thinking', thinking: block.text, signature: block.signature };
    case 'text':
    case 'citation': // citations are rendered through Converse only; InvokeModel gets the text
      return { type: 'text', text: block.text };
    case 'tool_use':
      return { type: 'tool_use', id: anthropicToolUseId(), name: block.name, input: block.input };
  }
}

function answer(req: MessagesRequest, ctx: InvokeContext): Answer {
  const conversation = toConversation(req);
  const reply = ctx.respond(conversation);
  const cache = claudeCacheUsage(req, conversation, ctx.model.modelId);
  const usage: Usage = { inputTokens: cache ? cache.inputTokens : reply.usage.inputTokens, outputTokens: reply.usage.outputTokens };
  if (cache) Object.assign(usage, { cacheReadInputTokens: cache.cacheRead, cacheWriteInputTokens: cache.cacheWrite });
  return { reply, cache, usage, blocks: reply.content.map(renderBlock) };
}

/** Usage keys in the order of the prompt-caching capture (cache counts between input and output). */
function usageBody(a: Answer, outputTokens: number) {
  return a.cache
    ? { input_tokens: a.usage.inputTokens, cache_creation_input_tokens: a.cache.cacheWrite, cache_read_input_tokens: a.cache.cacheRead, output_tokens: outputTokens }
    : { input_tokens: a.usage.inputTokens, output_tokens: outputTokens };
}

/** Tool input JSON as Claude streams it: Python-style `", "` / `": "` separators (tool_use capture). */
function spacedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(spacedJson).join(', ')}]`;
  if (typeof value === 'object' && value !== null)
    return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${spacedJson(v)}`).join(', ')}}`;
  return JSON.stringify(value) ?? 'null';
}

/** Splits a string into pieces of about `size` characters (the capture's partial_json run 9–10). */
function pieces(text: string, size = 10): string[] {
  const chars = Array.from(text);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(''));
  return out;
}

function* blockEvents(block: Record<string, unknown>, index: number): Generator<Record<string, unknown>> {
  if (block.type === 'thinking') {
    // Anthropic's thinking stream: deltas of the thought, then one signature_delta (FORMATS.md §1).
    yield { type: 'content_block_start', index, content_block: { type: 'thinking', thinking: '', signature: '' } };
    for (const piece of deltas(String(block.thinking))) yield { type: 'content_block_delta', index, delta: { type: 'thinking_delta', thinking: piece } };
    yield { type: 'content_block_delta', index, delta: { type: 'signature_delta', signature: block.signature } };
  } else if (block.type === 'text') {
    yield { type: 'content_block_start', index, content_block: { type: 'text', text: '' } };
    for (const piece of deltas(String(block.text))) yield { type: 'content_block_delta', index, delta: { type: 'text_delta', text: piece } };
  } else {
    // tool_use starts with an empty input, then an empty partial_json, then the JSON in pieces.
    yield { type: 'content_block_start', index, content_block: { type: 'tool_use', id: block.id, name: block.name, input: {} } };
    for (const piece of ['', ...pieces(spacedJson(block.input))])
      yield { type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: piece } };
  }
  yield { type: 'content_block_stop', index };
}

export const anthropicMessages: Family<MessagesRequest> = {
  name: 'anthropic-messages',
  parse: parseMessages,
  invoke(req, ctx) {
    const a = answer(req, ctx);
    const body = {
      id: anthropicMessageId(),
      type: 'message',
      role: 'assistant',
      model: ctx.model.responseModelName,
      content: a.blocks,
      stop_reason: a.reply.stopReason,
      stop_sequence: a.reply.stopSequence,
      usage: usageBody(a, a.reply.usage.outputTokens),
    };
    return { body, usage: a.usage };
  },
  stream(req, ctx) {
    const a = answer(req, ctx);
    function* events(): Generator<Record<string, unknown>> {
      // message_start reports a token or two of output already (captures: 1, 2, 4).
      const start = { id: anthropicMessageId(), type: 'message', role: 'assistant', model: ctx.model.responseModelName, content: [], stop_reason: null, stop_sequence: null };
      yield { type: 'message_start', message: { ...start, usage: usageBody(a, Math.min(1, a.reply.usage.outputTokens)) } };
      for (const [index, block] of a.blocks.entries()) yield* blockEvents(block, index);
      yield { type: 'message_delta', delta: { stop_reason: a.reply.stopReason, stop_sequence: a.reply.stopSequence }, usage: { output_tokens: a.reply.usage.outputTokens } };
      yield { type: 'message_stop' };
    }
    return { events: events(), usage: a.usage };
  },
};

export default anthropicMessages;
