// Anthropic Claude, Messages API (FORMATS.md §1). Also answers Messages bodies sent to the legacy
// claude-v2 / instant models (anthropic-text delegates here; capture
// invoke__anthropic.claude-v2__messages-api: model "claude-2.0").
import { anthropicMessageId, anthropicToolUseId } from '../ids.js';
import { countTokens, deltas } from '../responder/tokens.js';
import type { CitedPassage, Reply, ReplyBlock } from '../responder/types.js';
import { reportsTtlBreakdown, type CacheUsage } from '../responder/prompt-cache.js';
import { claudeGeneration, templated } from '../responder/chat-template.js';
import { claudeCacheUsage, toConversation, type Block, type MessagesRequest } from './anthropic-content.js';
import { parseMessages as parseRequest } from './anthropic-request.js';
import type { Family, InvokeContext, Usage } from './family.js';

export const parseMessages = (body: unknown, ctx: InvokeContext): MessagesRequest => parseRequest(body, ctx.model);

interface Answer {
  reply: Reply;
  cache?: CacheUsage;
  usage: Usage;
  /** Each reply block as Claude renders it, tool calls with their ids. */
  blocks: Array<Record<string, unknown>>;
}

/** The request's document blocks in order: a citation's document_index counts them. */
const documentsOf = (req: MessagesRequest): Block[] =>
  req.messages.flatMap((m) => (Array.isArray(m.content) ? m.content.filter((b) => b?.type === 'document') : []));

/** A citation in Anthropic's wire shape: char_location for plain text, page_location for PDFs,
 *  content_block_location for custom content (Anthropic's citations docs). */
function citationOf(source: CitedPassage, documents: Block[]): Record<string, unknown> {
  const kind = documents[source.documentIndex]?.source?.type;
  const head = { cited_text: source.quote, document_index: source.documentIndex, document_title: source.title || null };
  if (kind === 'base64') return { type: 'page_location', ...head, start_page_number: 1, end_page_number: 2 };
  if (kind === 'content') return { type: 'content_block_location', ...head, start_block_index: 0, end_block_index: 1 };
  return { type: 'char_location', ...head, start_char_index: source.start, end_char_index: source.end };
}

function renderBlock(block: ReplyBlock, documents: Block[]): Record<string, unknown> {
  switch (block.type) {
    case 'reasoning':
      return { type: 'thinking', thinking: block.text, signature: block.signature };
    case 'redacted_reasoning':
      return { type: 'redacted_thinking', data: block.data };
    case 'text':
      return { type: 'text', text: block.text };
    case 'citation':
      return { type: 'text', text: block.text, citations: [citationOf(block.source, documents)] };
    case 'tool_use':
      return { type: 'tool_use', id: anthropicToolUseId(), name: block.name, input: block.input };
  }
}

function answer(req: MessagesRequest, ctx: InvokeContext): Answer {
  const conversation = toConversation(req);
  const reply = ctx.respond(conversation);
  // The cache ledger counts the whole prompt as billed, chat template included (chat-template.ts).
  const cache = claudeCacheUsage(req, templated(conversation, ctx.model.family, ctx.model.modelId, false), ctx.model.modelId);
  const usage: Usage = { inputTokens: cache ? cache.inputTokens : reply.usage.inputTokens, outputTokens: reply.usage.outputTokens };
  if (cache) Object.assign(usage, { cacheReadInputTokens: cache.cacheRead, cacheWriteInputTokens: cache.cacheWrite });
  const documents = documentsOf(req);
  return { reply, cache, usage, blocks: reply.content.map((block) => renderBlock(block, documents)) };
}

/**
 * Usage keys in the order of the prompt-caching capture (cache counts between input and output).
 * Models that take a 1-hour TTL also split the writes by TTL in `cache_creation`, after the cache
 * counts as Anthropic orders it (reportsTtlBreakdown in src/responder/prompt-cache.ts).
 */
function usageBody(a: Answer, outputTokens: number, modelId: string) {
  if (!a.cache) return { input_tokens: a.usage.inputTokens, output_tokens: outputTokens };
  const { cacheWrite, cacheRead, writesByTtl } = a.cache;
  const split = reportsTtlBreakdown(modelId) ? { cache_creation: { ephemeral_5m_input_tokens: writesByTtl['5m'], ephemeral_1h_input_tokens: writesByTtl['1h'] } } : {};
  return { input_tokens: a.usage.inputTokens, cache_creation_input_tokens: cacheWrite, cache_read_input_tokens: cacheRead, ...split, output_tokens: outputTokens };
}

/**
 * The InvokeModel body of Claude Opus 4.8 and later carries Anthropic's 2026 members even without
 * caching: `stop_details: null`; usage with the cache counts at 0 and `cache_creation`, then
 * `output_tokens_details.thinking_tokens` and `service_tier: "standard"`; and the
 * X-Amzn-Bedrock-Cache-Read-Input-Token-Count header at 0, without the write one (a real
 * us.anthropic.claude-opus-4-8 answer recorded 2026-07-30, pydantic-ai cassette
 * test_mid_conversation_system_prompt_on_bedrock). Claude Haiku 4.5 (April 2026, same suite) had
 * none of them, so older models keep their shape. Streams: no recording, unchanged.
 */
const reportsDetailedUsage = (modelId: string) => modelId.includes('anthropic.claude') && claudeGeneration(modelId) >= 4.8;

function detailedUsage(a: Answer) {
  const cacheWrite = a.cache?.cacheWrite ?? 0;
  const writes = a.cache?.writesByTtl ?? { '5m': 0, '1h': 0 };
  const thinking = a.reply.content.reduce((n, b) => n + (b.type === 'reasoning' ? countTokens(b.text) : 0), 0);
  return {
    input_tokens: a.usage.inputTokens,
    cache_creation_input_tokens: cacheWrite,
    cache_read_input_tokens: a.cache?.cacheRead ?? 0,
    cache_creation: { ephemeral_5m_input_tokens: writes['5m'], ephemeral_1h_input_tokens: writes['1h'] },
    output_tokens: a.reply.usage.outputTokens,
    output_tokens_details: { thinking_tokens: Math.min(thinking, a.reply.usage.outputTokens) },
    service_tier: 'standard',
  };
}

/** Tool input JSON as Claude streams it: Python-style `", "` / `": "` separators (tool_use capture;
 *  Converse streams of Claude too: ConverseTraits.spacedToolInput). */
export function spacedJson(value: unknown): string {
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
  } else if (block.type === 'redacted_thinking') {
    // Sent whole in content_block_start, with no deltas (Anthropic's streaming docs).
    yield { type: 'content_block_start', index, content_block: block };
  } else if (block.type === 'text') {
    // A cited block opens with an empty citations array; each citation comes as a citations_delta
    // before the text (Anthropic's citations docs; recorded streams in public test suites).
    const citations = block.citations as unknown[] | undefined;
    yield { type: 'content_block_start', index, content_block: citations ? { type: 'text', text: '', citations: [] } : { type: 'text', text: '' } };
    for (const citation of citations ?? []) yield { type: 'content_block_delta', index, delta: { type: 'citations_delta', citation } };
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
    const detailed = reportsDetailedUsage(ctx.model.modelId);
    const body = {
      id: anthropicMessageId(),
      type: 'message',
      role: 'assistant',
      model: ctx.model.responseModelName,
      content: a.blocks,
      stop_reason: a.reply.stopReason,
      stop_sequence: a.reply.stopSequence,
      ...(detailed ? { stop_details: null } : {}),
      usage: detailed ? detailedUsage(a) : usageBody(a, a.reply.usage.outputTokens, ctx.model.modelId),
    };
    const usage = detailed && !a.cache ? { ...a.usage, cacheReadInputTokens: 0 } : a.usage;
    return { body, usage };
  },
  stream(req, ctx) {
    const a = answer(req, ctx);
    function* events(): Generator<Record<string, unknown>> {
      // message_start reports a token or two of output already (captures: 1, 2, 4).
      const start = { id: anthropicMessageId(), type: 'message', role: 'assistant', model: ctx.model.responseModelName, content: [], stop_reason: null, stop_sequence: null };
      yield { type: 'message_start', message: { ...start, usage: usageBody(a, Math.min(1, a.reply.usage.outputTokens), ctx.model.modelId) } };
      for (const [index, block] of a.blocks.entries()) yield* blockEvents(block, index);
      yield { type: 'message_delta', delta: { stop_reason: a.reply.stopReason, stop_sequence: a.reply.stopSequence }, usage: { output_tokens: a.reply.usage.outputTokens } };
      yield { type: 'message_stop' };
    }
    return { events: events(), usage: a.usage };
  },
};

export default anthropicMessages;
