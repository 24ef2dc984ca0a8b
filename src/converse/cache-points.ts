// Converse prompt caching: each `cachePoint` (in tools, system or a message) closes a prefix the
// shared ledger (src/responder/prompt-cache.ts) writes or reads, as Claude's cache_control does.
import type { ModelEntry } from '../catalog/types.js';
import { cacheUsage, ttlMs, type Breakpoint, type CacheUsage } from '../responder/prompt-cache.js';
import type { Conversation, Part } from '../responder/types.js';
import { toPart, type ConverseInput } from './conversation.js';

type Json = Record<string, any>;

const parts = (blocks: Json[]) => blocks.map(toPart).filter((p): p is Part => p !== undefined);
const systemText = (blocks: Json[]) => blocks.map((b) => (typeof b.text === 'string' ? b.text : '')).filter(Boolean).join('\n');

export function converseCacheUsage(entry: ModelEntry, input: ConverseInput, conv: Conversation): CacheUsage | undefined {
  const points: Breakpoint[] = [];
  const tools = input.toolConfig?.tools ?? [];
  tools.forEach((tool, i) => {
    if (!tool.cachePoint) return;
    const prefixTools = conv.tools?.slice(0, tools.slice(0, i).filter((t) => t.toolSpec).length);
    points.push({ prefix: { messages: [], tools: prefixTools }, key: ['tools', tools.slice(0, i)], ttlMs: ttlMs(tool.cachePoint.ttl) });
  });
  const system = input.system ?? [];
  system.forEach((block, i) => {
    if (!block.cachePoint) return;
    points.push({ prefix: { system: systemText(system.slice(0, i)), messages: [], tools: conv.tools }, key: ['system', tools, system.slice(0, i)], ttlMs: ttlMs(block.cachePoint.ttl) });
  });
  const messages = input.messages ?? [];
  messages.forEach((message, m) => {
    (message.content as Json[]).forEach((block, b) => {
      if (!block.cachePoint) return;
      const prefix = [...conv.messages.slice(0, m), { role: conv.messages[m].role, content: parts((message.content as Json[]).slice(0, b)) }];
      const raw = [...messages.slice(0, m), { role: message.role, content: (message.content as Json[]).slice(0, b) }];
      points.push({ prefix: { system: conv.system, messages: prefix, tools: conv.tools }, key: ['messages', tools, system, raw], ttlMs: ttlMs(block.cachePoint.ttl) });
    });
  });
  return cacheUsage(entry.modelId, conv, points);
}
