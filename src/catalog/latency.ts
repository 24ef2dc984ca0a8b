// Typical speed of each model family on Bedrock, for `--realistic-pacing` (issue 9): median time to
// first token and output tokens per second (tokens received per second after the first chunk).
// Data, not rules: the first pattern that matches the base model id wins. `source` says where a
// figure comes from; "estimate" marks figures inferred from a sibling model or the family's size,
// where no published measurement was found.
import type { Pacing } from '../responder/types.js';

interface Speed {
  pattern: RegExp;
  ttftMs: number;
  tokensPerSecond: number;
  source: string;
}

const AA = 'Artificial Analysis, provider page (Amazon Bedrock endpoint), median';
const AIPERF = 'aiperf.ghast.people.aws.dev Bedrock benchmark report, 2026 (averages over all runs)';

export const SPEEDS: readonly Speed[] = [
  // artificialanalysis.ai/models/claude-21/providers: Amazon 1.82 s, 28 t/s.
  { pattern: /^anthropic\.claude-(v2|instant)/, ttftMs: 1800, tokensPerSecond: 28, source: `${AA} (Claude 2.1)` },
  // artificialanalysis.ai/models/claude-3-sonnet/providers: Amazon 0.76 s, 60 t/s.
  { pattern: /^anthropic\.claude-3-sonnet/, ttftMs: 760, tokensPerSecond: 60, source: `${AA} (Claude 3 Sonnet)` },
  // artificialanalysis.ai/models/claude-3-5-haiku/providers: Amazon standard 0.70–0.81 s; output
  // speed on Bedrock standard not stated there (Anthropic 68 t/s, latency-optimized 101 t/s): estimate 60.
  { pattern: /^anthropic\.claude-3-5-haiku/, ttftMs: 750, tokensPerSecond: 60, source: `${AA} (Claude 3.5 Haiku TTFT); speed an estimate` },
  { pattern: /^anthropic\.claude-3-haiku/, ttftMs: 600, tokensPerSecond: 120, source: 'estimate (Claude 3 Haiku: faster than 3.5 Haiku)' },
  // artificialanalysis.ai/models/claude-35-sonnet/providers: Amazon 0.93–0.96 s, 53–54 t/s.
  { pattern: /^anthropic\.claude-3-5-sonnet|^anthropic\.claude-3-7-sonnet/, ttftMs: 950, tokensPerSecond: 54, source: `${AA} (Claude 3.5 Sonnet; 3.7 an estimate)` },
  { pattern: /^anthropic\.claude-3-opus|^anthropic\.claude-opus/, ttftMs: 1800, tokensPerSecond: 30, source: 'estimate (Opus-class: about half Sonnet speed)' },
  { pattern: /^anthropic\.claude-(sonnet|haiku)/, ttftMs: 1200, tokensPerSecond: 55, source: 'estimate (Claude 4+ Sonnet/Haiku: as Claude 3.5 Sonnet)' },
  // aiperf report: nova-micro ~0.25 s first token, 485–575 tok/s; nova-2-lite 203–303 tok/s.
  { pattern: /^amazon\.nova-micro/, ttftMs: 250, tokensPerSecond: 400, source: `${AIPERF} (nova-micro)` },
  { pattern: /^amazon\.nova-2-lite|^amazon\.nova-lite/, ttftMs: 350, tokensPerSecond: 250, source: `${AIPERF} (nova-2-lite); Nova Lite an estimate` },
  { pattern: /^amazon\.nova/, ttftMs: 500, tokensPerSecond: 100, source: 'estimate (Nova Pro/Premier)' },
  { pattern: /^amazon\.titan/, ttftMs: 500, tokensPerSecond: 60, source: 'estimate' },
  // aiperf report: llama4-scout/maverick ~0.26 s first token, 175–250 tok/s.
  { pattern: /^meta\.llama4/, ttftMs: 300, tokensPerSecond: 200, source: `${AIPERF} (llama4-scout, llama4-maverick)` },
  { pattern: /^meta\.llama/, ttftMs: 450, tokensPerSecond: 80, source: 'estimate' },
  // aiperf report: deepseek-r1 0.09–0.13 s to the first (reasoning) token.
  { pattern: /^deepseek\./, ttftMs: 150, tokensPerSecond: 60, source: `${AIPERF} (deepseek-r1 TTFT); speed an estimate` },
];

/** Everything else (Mistral, Cohere, AI21, OpenAI, Writer, ...): an estimate. */
const FALLBACK: Pacing = { ttftMs: 600, tokensPerSecond: 70, jitter: 0.2 };

/** The typical pacing of a model (base id, not a profile or ARN). */
export function typicalSpeed(modelId: string): Pacing {
  const speed = SPEEDS.find((s) => s.pattern.test(modelId));
  // Jitter: real streams arrive unevenly (deterministic here, average speed unchanged).
  return speed ? { ttftMs: speed.ttftMs, tokensPerSecond: speed.tokensPerSecond, jitter: 0.2 } : FALLBACK;
}
