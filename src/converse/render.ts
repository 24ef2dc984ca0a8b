// The responder's Reply as a Converse response body, or as ConverseStream events.
// Bedrock serializes Converse JSON with its keys sorted alphabetically (FORMATS.md §16, every
// converse capture), the `p` padding of stream payloads included; documents (tool inputs) keep
// their own order.
import { converseToolUseId } from '../ids.js';
import type { CitedPassage, Reply, ReplyBlock } from '../responder/types.js';
import { padding } from '../stream/frames.js';
import { deltas } from '../responder/tokens.js';

import type { ConverseTraits } from '../catalog/converse-traits.js';
import type { CacheUsage } from '../responder/prompt-cache.js';

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

function contentBlock({ block, toolUseId }: RenderedBlock): Json {
  switch (block.type) {
    case 'text':
      return { text: block.text };
    case 'tool_use':
      return { toolUse: { input: keepOrder(block.input), name: block.name, toolUseId } };
    case 'reasoning':
      return { reasoningContent: { reasoningText: { text: block.text, ...(block.signature ? { signature: block.signature } : {}) } } };
    case 'redacted_reasoning':
      return { reasoningContent: { redactedContent: block.data } };
    case 'citation':
      return { citationsContent: { citations: [citation(block.source)], content: [{ text: block.text }] } };
  }
}

/** A Citation (converse__langchain-aws__citations): the quoted characters of the document. */
function citation(source: CitedPassage): Json {
  const { documentIndex, start, end, quote, title } = source;
  return { location: { documentChar: { documentIndex, end, start } }, sourceContent: [{ text: quote }], title };
}

/**
 * TokenUsage; `serverToolUsage: {}` is on every 2026 capture (gpt-oss, Claude Sonnet 5,
 * citations). Models with prompt caching report the cache reads in Converse bodies under both
 * spellings even when nothing was cached, but not in ConverseStream metadata (the same 2026
 * Claude captures). With cache points in use, reads and writes are reported (TokenUsage's
 * cacheRead/WriteInputTokens, plus the older `…Count` spelling in bodies), and inputTokens counts
 * only what the cache did not serve.
 */
export function usageOf(reply: Reply, traits: ConverseTraits, streaming = false, cache?: CacheUsage): Json {
  const { outputTokens } = reply.usage;
  const inputTokens = cache ? cache.inputTokens : reply.usage.inputTokens;
  let counts: Json = {};
  if (cache) {
    counts = { cacheReadInputTokens: cache.cacheRead, cacheWriteInputTokens: cache.cacheWrite };
    if (!streaming) counts = { ...counts, cacheReadInputTokenCount: cache.cacheRead, cacheWriteInputTokenCount: cache.cacheWrite };
  } else if (traits.cacheUsage && !streaming) {
    counts = { cacheReadInputTokenCount: 0, cacheReadInputTokens: 0 };
  }
  const total = inputTokens + outputTokens + (cache ? cache.cacheRead + cache.cacheWrite : 0);
  return { ...counts, inputTokens, outputTokens, serverToolUsage: {}, totalTokens: total };
}

export function converseBody(blocks: RenderedBlock[], reply: Reply, traits: ConverseTraits, latencyMs: number, extra: Json = {}, cache?: CacheUsage): unknown {
  return sortedJson({
    metrics: { latencyMs },
    output: { message: { content: blocks.map(contentBlock), role: 'assistant' } },
    stopReason: reply.stopReason,
    usage: usageOf(reply, traits, false, cache),
    ...extra,
  });
}

export interface StreamEvent {
  type: string;
  payload: unknown;
}

/** ConverseStream's events (SPEC.md §7.4): no contentBlockStart for text or reasoning. */
export function converseEvents(blocks: RenderedBlock[], reply: Reply, traits: ConverseTraits, latencyMs: () => number, extra: Json = {}, cache?: CacheUsage): StreamEvent[] {
  const events: Array<{ type: string; body: Json }> = [{ type: 'messageStart', body: { role: 'assistant' } }];
  blocks.forEach(({ block, toolUseId }, index) => {
    const delta = (d: Json) => events.push({ type: 'contentBlockDelta', body: { contentBlockIndex: index, delta: d } });
    if (block.type === 'tool_use') {
      events.push({ type: 'contentBlockStart', body: { contentBlockIndex: index, start: { toolUse: { name: block.name, toolUseId } } } });
      // Tool input goes out as partial JSON strings that concatenate to the whole input.
      // The first input delta is an empty string (evidence §7), as Claude's native stream begins.
      const json = JSON.stringify(block.input);
      delta({ toolUse: { input: '' } });
      for (let at = 0; at < json.length; at += 20) delta({ toolUse: { input: json.slice(at, at + 20) } });
    } else if (block.type === 'citation') {
      // The citation goes first, then the cited text (the citations capture's stream).
      delta({ citation: citation(block.source) });
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
  events.push({ type: 'metadata', body: { metrics: { latencyMs: latencyMs() }, usage: usageOf(reply, traits, true, cache) } });
  return events.map((e, n) => ({ type: e.type, payload: sortedJson({ ...e.body, p: padding(n) }) }));
}
