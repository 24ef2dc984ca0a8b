// Prompt caching, one ledger for InvokeModel's `cache_control` (Claude) and Converse's
// `cachePoint`: the prefix closed by each breakpoint is written on first use and read by a repeat
// within its TTL; a prefix shorter than the model's minimum is not cached (usage then reads 0).
import { claudeGeneration } from './chat-template.js';
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
  /** The written tokens by the TTL of the breakpoint that closed them (they sum to cacheWrite). */
  writesByTtl: { '5m': number; '1h': number };
}

const ONE_HOUR = 3_600_000;
export const ttlMs = (ttl: unknown) => (ttl === '1h' ? ONE_HOUR : 300_000);

/**
 * Whether answers break cache writes down by TTL (Converse `cacheDetails`, added to the service
 * model 2026-01-20 with CachePointBlock.ttl; Claude's native `usage.cache_creation`): the models that
 * take a 1-hour TTL, Claude 4.5 and later (Anthropic's prompt-caching docs; anthropics/claude-code#32671
 * logs Bedrock's message_start with a 5m/1h split; archestra-ai/archestra#5700, June 2026, limits
 * Bedrock's 1h TTL to Claude 4.5+).
 */
export const reportsTtlBreakdown = (modelId: string) => modelId.includes('anthropic.claude') && claudeGeneration(modelId) >= 4.5;

/**
 * The cache counts a Converse body carries when the request has no cache point, as real answers
 * show them in 2026:
 *  - `read-write`, all four keys at 0: Claude 3.5 Haiku to 4.6 (vercel/ai recorded fixtures of
 *    July 2026: Sonnet 4, 4.5, 4.6, Opus 4.6; litellm's Haiku 4.5 test body);
 *  - `read`, only cacheReadInputTokenCount/cacheReadInputTokens: Claude Opus 4.7, Opus 4.8 and
 *    Sonnet 5 (vercel/ai fixtures of Opus 4.7 and 4.8, July 2026; the Sonnet 5 citations capture);
 *  - `read-write` again for Claude Opus 5: `global.anthropic.claude-opus-5` answered all four keys at 0
 *    (vercel/ai amazon-bedrock-opus-5-top-k-success.json, issue #21380, after August 2026), as did
 *    Opus 5.5 (amazon-bedrock-opus-5-5-json-text.json). So the rule is per model, not by generation;
 *  - `none`: Nova (vercel/ai fixtures of Nova Micro and Nova 2 Lite, August 2026) and models
 *    without prompt caching.
 */
export function idleCacheKeys(modelId: string): 'none' | 'read' | 'read-write' {
  if (!modelId.includes('anthropic.claude')) return 'none';
  return /claude-(?:opus-4-[78]|sonnet-5)(?![-.\d])/.test(modelId) ? 'read' : 'read-write';
}

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
  // Expired prefixes go once the ledger grows, so a long-running emulator does not keep them all.
  if (cached.size > 10_000) for (const [key, expiry] of cached) if (expiry <= now) cached.delete(key);
  let read = 0;
  const closed: Array<{ tokens: number; ttlMs: number }> = [];
  // A prefix holds its turns' role markers and the system prompts the template adds (tool use,
  // citations); what stays uncached after the last breakpoint is at least the header the answer
  // starts after (the prompt-caching capture: input_tokens 4 after an 18,131-token write).
  const base = conv.template?.base ?? 0;
  for (const point of breakpoints) {
    const tokens = conversationTokens({ ...point.prefix, template: conv.template }) - base;
    if (tokens < minimum) continue;
    // node:crypto is fetched on first use: loading it costs about 10 ms of start-up (issue #2).
    const key = process.getBuiltinModule('node:crypto').createHash('sha256').update(modelId).update(JSON.stringify(point.key)).digest('hex');
    if ((cached.get(key) ?? 0) > now) read = Math.max(read, tokens);
    closed.push({ tokens, ttlMs: point.ttlMs });
    cached.set(key, now + point.ttlMs);
  }
  // What is written is the part past the longest read prefix; each stretch between two
  // breakpoints is written with the TTL of the breakpoint that closes it.
  const writesByTtl = { '5m': 0, '1h': 0 };
  let from = read;
  for (const { tokens, ttlMs: ttl } of closed.sort((a, b) => a.tokens - b.tokens)) {
    if (tokens <= from) continue;
    writesByTtl[ttl === ONE_HOUR ? '1h' : '5m'] += tokens - from;
    from = tokens;
  }
  const write = writesByTtl['5m'] + writesByTtl['1h'];
  return { inputTokens: Math.max(0, total - read - write), cacheWrite: write, cacheRead: read, writesByTtl };
}
