// How fast an answer goes out (issue 9): a Reply's `pacing`, else the model's published figures when
// realistic pacing is on (src/catalog/latency.ts), else as fast as possible. Streams: everything up
// to the first text goes out `ttftMs` after the request arrived; then each event that carries text
// waits until its tokens have "been generated" at `tokensPerSecond`; events without text (messageStart,
// contentBlockStop, metadata) go with their neighbours. This is Artificial Analysis's definition of
// output speed: tokens received per second after the first chunk (artificialanalysis.ai/methodology).
import { typicalSpeed } from '../catalog/latency.js';
import { countTokens } from '../responder/tokens.js';
import type { Pacing, Reply } from '../responder/types.js';

/** The pacing in force for one answer: the Reply's own wins over the realistic default. */
export function pacingOf(reply: Reply | undefined, modelId: string, realistic: boolean | undefined): Pacing | undefined {
  if (!reply) return undefined; // embeddings and rerank: nothing generated, nothing paced
  if (reply.pacing) return reply.pacing;
  return realistic ? typicalSpeed(modelId) : undefined;
}

/** A non-streaming answer's total latency: `latencyMs`, else time to first token plus the generation. */
export function answerLatency(pacing: Pacing | undefined, outputTokens: number): number {
  if (!pacing) return 0;
  if (pacing.latencyMs !== undefined) return Math.max(0, pacing.latencyMs);
  const generating = pacing.tokensPerSecond ? (outputTokens / pacing.tokensPerSecond) * 1000 : 0;
  return Math.max(0, (pacing.ttftMs ?? 0) + generating);
}

// The members that hold generated text in a native or Converse stream event (FORMATS.md; the
// families' stream() functions): Claude's text/thinking/partial_json, completion, Titan's outputText,
// Llama's generation, OpenAI-style content/arguments/reasoning, Converse's text and toolUse input.
const TEXT_KEYS = new Set(['text', 'thinking', 'partial_json', 'completion', 'outputText', 'generation', 'content', 'arguments', 'reasoning_content', 'reasoning', 'input']);
// Members that repeat or quote text already counted: Cohere's closing `response`, citations' quotes.
const SKIPPED_KEYS = new Set(['response', 'citation', 'citations', 'amazon-bedrock-invocationMetrics', 'sourceContent']);

/** Tokens of generated text one stream event carries (0 for messageStart, stops, metadata). */
export function textTokens(event: unknown): number {
  if (Array.isArray(event)) return event.reduce((n: number, item) => n + textTokens(item), 0);
  if (!event || typeof event !== 'object') return 0;
  let n = 0;
  for (const [key, value] of Object.entries(event)) {
    if (SKIPPED_KEYS.has(key)) continue;
    if (typeof value === 'string') n += TEXT_KEYS.has(key) ? countTokens(value) : 0;
    else n += textTokens(value);
  }
  return n;
}

/** A deterministic value in [-1, 1] for the k-th gap; odd gaps mirror the even ones before them, so
 *  jitter varies each gap but leaves the average speed as asked. */
function wobble(k: number): number {
  const even = k - (k % 2);
  const x = Math.sin((even + 1) * 12.9898) * 43758.5453;
  const u = 2 * (x - Math.floor(x)) - 1;
  return k % 2 ? -u : u;
}

/** Deadlines (`now()` clock) of a paced stream's events, given the tokens each carries. */
export class StreamSchedule {
  private deadline: number;
  private texts = 0;
  private readonly jitter: number;

  constructor(
    private readonly pacing: Pacing,
    start: number,
  ) {
    this.deadline = start + Math.max(0, pacing.ttftMs ?? 0);
    this.jitter = Math.min(1, Math.max(0, pacing.jitter ?? 0));
  }

  /** When the next event may go out. */
  next(tokens: number): number {
    const tps = this.pacing.tokensPerSecond;
    if (tokens > 0) {
      // The first text goes out at the time to first token; each later one after its tokens' time.
      if (this.texts > 0 && tps && tps > 0) this.deadline += ((tokens / tps) * 1000) * (1 + this.jitter * wobble(this.texts - 1));
      this.texts++;
    }
    return this.deadline;
  }
}
