// The responder's Reply as a Converse response body, or as ConverseStream events.
// Bedrock serializes Converse JSON with its keys sorted alphabetically (FORMATS.md §16, every
// converse capture), the `p` padding of stream payloads included; documents (tool inputs) keep
// their own order.
import { converseToolUseId } from '../ids.js';
import type { CitedPassage, Conversation, DocumentText, Reply, ReplyBlock } from '../responder/types.js';
import { padding } from '../stream/frames.js';
import { deltas } from '../responder/tokens.js';

import type { ConverseTraits } from '../catalog/converse-traits.js';
import { spacedJson } from '../families/anthropic-messages.js';
import { idleCacheKeys, reportsTtlBreakdown, type CacheUsage } from '../responder/prompt-cache.js';

type Json = Record<string, unknown>;

/** Sorts keys recursively, except inside values wrapped by `keepOrder`. */
const KEEP = Symbol('keep order');
const keepOrder = (value: unknown) => ({ [KEEP]: value });

export function sortedJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedJson);
  if (typeof value !== 'object' || value === null) return value;
  if (KEEP in value) return (value as { [KEEP]: unknown })[KEEP];
  const out: Json = {};
  for (const key of Object.keys(value).sort()) out[key] = sortedJson((value as Json)[key]);
  return out;
}

/** What rendering needs besides the reply. */
export interface Rendering {
  traits: ConverseTraits;
  modelId: string;
  /** Prompt-cache reads and writes, when the request had cache points. */
  cache?: CacheUsage;
  /** The conversation's documents in order (a citation's documentIndex counts them). */
  documents: Array<DocumentText | undefined>;
  /** Request settings the answer reports back: serviceTier, performanceConfig. */
  echoed: Json;
}

/** The documents of a conversation, in the order citations number them. */
export const documentsOf = (conv: Conversation) =>
  conv.messages.flatMap((turn) => turn.content.flatMap((p) => (p.type === 'media' && p.kind === 'document' ? [p.document] : [])));

/**
 * What a Converse answer reports back of the request (ConverseResponse and the stream's metadata
 * event have `serviceTier` and `performanceConfig`): the tier and latency setting asked for. No
 * capture shows either, so an answer carries them only when the request set them.
 */
export function echoedSettings(input: Record<string, any>): Json {
  const echoed: Json = {};
  if (typeof input.serviceTier?.type === 'string') echoed.serviceTier = { type: input.serviceTier.type };
  if (typeof input.performanceConfig?.latency === 'string') echoed.performanceConfig = { latency: input.performanceConfig.latency };
  return echoed;
}

export interface RenderedBlock {
  block: ReplyBlock;
  toolUseId?: string;
}

/** The reply's blocks in the order the model emits them, tool uses given their ids. */
export function orderBlocks(reply: Reply, traits: ConverseTraits): RenderedBlock[] {
  const blocks: RenderedBlock[] = reply.content.map((block) => {
    if (block.type === 'tool_use') return { block, toolUseId: converseToolUseId() };
    if (block.type === 'reasoning' && !traits.reasoningSignature) return { block: { ...block, signature: '' } };
    return { block };
  });
  if (traits.reasoningPlacement === 'last') blocks.sort((a, b) => Number(a.block.type === 'reasoning') - Number(b.block.type === 'reasoning'));
  return blocks;
}

function contentBlock({ block, toolUseId }: RenderedBlock, r: Rendering): Json {
  switch (block.type) {
    case 'text':
      return { text: block.text };
    case 'tool_use':
      // `type: "tool_use"` last, where 2026 answers carry it (ConverseTraits.toolUseType).
      return { toolUse: { input: keepOrder(block.input), name: block.name, toolUseId, ...(r.traits.toolUseType ? { type: 'tool_use' } : {}) } };
    case 'reasoning':
      return { reasoningContent: { reasoningText: { text: block.text, ...(block.signature ? { signature: block.signature } : {}) } } };
    case 'redacted_reasoning':
      return { reasoningContent: { redactedContent: block.data } };
    case 'citation':
      return { citationsContent: { citations: [citation(block.source, r)], content: [{ text: block.text }] } };
  }
}

/**
 * A Citation: the quoted characters of a text document (converse__langchain-aws__citations), or,
 * for a PDF, the page the quote is on, numbered from 1 with an exclusive end (`documentPage`
 * {start: 1, end: 2} for page 1 in the vercel/ai recorded answer of Claude Sonnet 4 citing a PDF,
 * amazon-bedrock-document-citations.chunks.txt, July 2026).
 */
function citation(source: CitedPassage, r: Rendering): Json {
  const { documentIndex, start, end, quote, title } = source;
  const { pages, chunks } = r.documents[documentIndex] ?? {};
  // A document of `source.content` blocks is cited by chunk: `documentChunk` {documentIndex, start,
  // end} with 0-based chunk indexes, end exclusive, and the whole chunk as sourceContent (a real
  // Claude Sonnet 5 answer of 2026-07-09, langchain-aws cassette test_citations[document1]).
  if (chunks) {
    let chunk = 0;
    for (let at = 0; chunk < chunks.length - 1 && at + chunks[chunk].length <= start; chunk++) at += chunks[chunk].length;
    return { location: { documentChunk: { documentIndex, end: chunk + 1, start: chunk } }, sourceContent: [{ text: chunks[chunk] }], title };
  }
  if (pages) {
    let page = 0;
    for (let at = 0; page < pages.length - 1 && at + pages[page].length <= start; page++) at += pages[page].length;
    return { location: { documentPage: { documentIndex, end: page + 2, start: page + 1 } }, sourceContent: [{ text: quote }], title };
  }
  return { location: { documentChar: { documentIndex, end, start } }, sourceContent: [{ text: quote }], title };
}

/**
 * TokenUsage; `serverToolUsage: {}` is on every 2026 capture (gpt-oss, Claude Sonnet 5,
 * citations). Without cache points, the cache counts of a body are whatever that model's real
 * answers carry (idleCacheKeys), and a stream's metadata carries none (the 2026 Claude captures,
 * vercel/ai fixtures). With cache points in use, reads and writes are reported under both
 * spellings, TokenUsage's cacheRead/WriteInputTokens and the older `…Count`, in bodies and stream
 * metadata alike (a raw ConverseStream metadata frame quoted in cline/cline#4683, August 2025), and
 * inputTokens counts only what the cache did not serve. `cacheDetails` (service model 2026-01-20:
 * "cache creation metrics for a specific TTL duration") splits the writes by TTL, 5m then 1h, for
 * the models that take a 1-hour TTL.
 */
export function usageOf(reply: Reply, { traits, cache, modelId }: Rendering, streaming: boolean): Json {
  const { outputTokens } = reply.usage;
  const inputTokens = cache ? cache.inputTokens : reply.usage.inputTokens;
  let counts: Json = {};
  if (cache) {
    const { cacheRead: read, cacheWrite: write } = cache;
    counts = { cacheReadInputTokenCount: read, cacheReadInputTokens: read, cacheWriteInputTokenCount: write, cacheWriteInputTokens: write };
    const details = (['5m', '1h'] as const).filter((ttl) => cache.writesByTtl[ttl] > 0).map((ttl) => ({ inputTokens: cache.writesByTtl[ttl], ttl }));
    if (details.length > 0 && reportsTtlBreakdown(modelId)) counts.cacheDetails = details;
  } else if (traits.cacheUsage && !streaming) {
    const keys = idleCacheKeys(modelId);
    if (keys !== 'none') counts = { cacheReadInputTokenCount: 0, cacheReadInputTokens: 0 };
    if (keys === 'read-write') counts = { ...counts, cacheWriteInputTokenCount: 0, cacheWriteInputTokens: 0 };
  }
  const total = inputTokens + outputTokens + (cache ? cache.cacheRead + cache.cacheWrite : 0);
  return { ...counts, inputTokens, outputTokens, serverToolUsage: {}, totalTokens: total };
}

export function converseBody(blocks: RenderedBlock[], reply: Reply, r: Rendering, latencyMs: number, extra: Json = {}): unknown {
  return sortedJson({
    metrics: { latencyMs },
    output: { message: { content: blocks.map((b) => contentBlock(b, r)), role: 'assistant' } },
    stopReason: reply.stopReason,
    usage: usageOf(reply, r, false),
    ...r.echoed,
    ...extra,
  });
}

export interface StreamEvent {
  type: string;
  payload: unknown;
}

/** ConverseStream's events (SPEC.md §7.4): no contentBlockStart for text or reasoning. */
export function converseEvents(blocks: RenderedBlock[], reply: Reply, r: Rendering, latencyMs: () => number, extra: Json = {}): StreamEvent[] {
  const events: Array<{ type: string; body: Json }> = [{ type: 'messageStart', body: { role: 'assistant' } }];
  // gpt-oss streams open with an empty text block (ConverseTraits.streamOpensWithEmptyText).
  const first = r.traits.streamOpensWithEmptyText ? 1 : 0;
  if (first) events.push({ type: 'contentBlockDelta', body: { contentBlockIndex: 0, delta: { text: '' } } }, { type: 'contentBlockStop', body: { contentBlockIndex: 0 } });
  blocks.forEach(({ block, toolUseId }, at) => {
    const index = at + first;
    const delta = (d: Json) => events.push({ type: 'contentBlockDelta', body: { contentBlockIndex: index, delta: d } });
    if (block.type === 'tool_use') {
      // `type: "tool_use"` after toolUseId where the model's answers carry it (ConverseTraits.toolUseType):
      // a real Claude Sonnet 5 ConverseStream of 2026-07-09 starts its tool block with
      // {"name","toolUseId","type":"tool_use"} (langchain-aws cassette test_agent_loop_streaming).
      const typed = r.traits.toolUseType ? { type: 'tool_use' } : {};
      events.push({ type: 'contentBlockStart', body: { contentBlockIndex: index, start: { toolUse: { name: block.name, toolUseId, ...typed } } } });
      // Tool input goes out as partial JSON strings that concatenate to the whole input.
      // The first input delta is an empty string (evidence §7), as Claude's native stream begins.
      const json = r.traits.spacedToolInput ? spacedJson(block.input) : JSON.stringify(block.input);
      delta({ toolUse: { input: '' } });
      for (let at = 0; at < json.length; at += 20) delta({ toolUse: { input: json.slice(at, at + 20) } });
    } else if (block.type === 'citation') {
      // The citation goes first, then the cited text (the citations capture's stream).
      delta({ citation: citation(block.source, r) });
      for (const piece of deltas(block.text)) delta({ text: piece });
    } else if (block.type === 'redacted_reasoning') {
      // One delta carries the whole opaque blob (pydantic-ai's Bedrock stream tests).
      delta({ reasoningContent: { redactedContent: block.data } });
    } else if (block.type === 'reasoning') {
      for (const piece of deltas(block.text)) delta({ reasoningContent: { text: piece } });
      if (block.signature) delta({ reasoningContent: { signature: block.signature } });
    } else {
      for (const piece of deltas(block.text)) delta({ text: piece });
    }
    events.push({ type: 'contentBlockStop', body: { contentBlockIndex: index } });
  });
  events.push({ type: 'messageStop', body: { stopReason: reply.stopReason, ...extra } });
  events.push({ type: 'metadata', body: { metrics: { latencyMs: latencyMs() }, usage: usageOf(reply, r, true), ...r.echoed } });
  return events.map((e, n) => ({ type: e.type, payload: sortedJson({ ...e.body, p: padding(n) }) }));
}
