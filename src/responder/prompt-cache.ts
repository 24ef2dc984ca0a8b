// Prompt caching, one ledger for InvokeModel's `cache_control` (Claude) and Converse's
// `cachePoint`: the prefix closed by each breakpoint is written on first use and read by a repeat
// within its TTL; a prefix shorter than the model's minimum is not cached (usage then reads 0).
import { conversationTokens } from './tokens.js';
import type { Conversation } from './types.js';

export interface Breakpoint {
  /** The part of the conversation the breakpoint closes. */
  prefix: Pick<Conversation, 'system' | 'messages' | 'tools'>;
  /** What identifies that prefix (the raw request content up to the breakpoint). */
  key: unknown;
  ttlMs: number;
}

export interface CacheUsage {
  /** input tokens not served from or written to the cache */
  inputTokens: number;
  cacheWrite: number;
  cacheRead: number;
}

export const ttlMs = (ttl: unknown) => (ttl === '1h' ? 3_600_000 : 300_000);

/** Anthropic's documented minimum cacheable prompt per model (Anthropic prompt-caching docs). */
function minimumCacheable(modelId: string): number {
  if (/haiku-4-5|opus-4-5/.test(modelId)) return 4096;
  if (/claude-3-haiku|claude-3-5-haiku/.test(modelId)) return 2048;
  return 1024;
}

/** Prefix key → expiry (ms since epoch). Process-wide, like the real cache is account-wide. */
const cached = new Map<string, number>();

export function cacheUsage(modelId: string, conv: Conversation, breakpoints: Breakpoint[]): CacheUsage | undefined {
  if (breakpoints.length === 0) return undefined;
  const total = conversationTokens(conv);
  const minimum = minimumCacheable(modelId);
  const now = Date.now();
  let read = 0;
  let longest = 0;
  for (const point of breakpoints) {
    const tokens = conversationTokens(point.prefix);
    if (tokens < minimum) continue;
    // node:crypto is fetched on first use: loading it costs about 10 ms of start-up (issue #2).
    const key = process.getBuiltinModule('node:crypto').createHash('sha256').update(modelId).update(JSON.stringify(point.key)).digest('hex');
    if ((cached.get(key) ?? 0) > now) read = Math.max(read, tokens);
    longest = Math.max(longest, tokens);
    cached.set(key, now + point.ttlMs);
  }
  const write = Math.max(0, longest - read);
  return { inputTokens: Math.max(0, total - read - write), cacheWrite: write, cacheRead: read };
}
