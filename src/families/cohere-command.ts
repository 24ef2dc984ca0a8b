// Cohere Command / Command Light, the generate API (FORMATS.md §9; captures
// invoke__cohere.command-*.json and invoke-with-response-stream__cohere.command-light-text-v14*.json).
import { cohereGenerationId } from '../ids.js';
import { countTokens, tokenize } from '../responder/tokens.js';
import type { Reply, StopReason } from '../responder/types.js';
import { validate, type Schema } from '../schema/validate.js';
import type { Family, InvokeContext } from './family.js';

interface CommandRequest {
  prompt: string;
  temperature?: number;
  p?: number;
  k?: number;
  max_tokens?: number;
  stop_sequences?: string[];
  return_likelihoods?: 'GENERATION' | 'ALL' | 'NONE';
  stream?: boolean;
  num_generations?: number;
  logit_bias?: Record<string, number>;
  truncate?: 'NONE' | 'START' | 'END';
}

// Ranges from the AWS parameter page for Cohere Command (FORMATS.md §9). Cohere's Bedrock schemas
// refuse unknown keys (Command R's `extraneous key [top_k]`, REAL_ERROR_MESSAGES.md).
const schema: Schema = {
  type: 'object',
  required: ['prompt'],
  properties: {
    prompt: { type: 'string' },
    temperature: { type: 'number', minimum: 0, maximum: 5 },
    p: { type: 'number', minimum: 0, maximum: 1 },
    k: { type: 'number', minimum: 0, maximum: 500 },
    max_tokens: { type: 'integer', minimum: 1, maximum: 4096 },
    stop_sequences: { type: 'array', maxItems: 4, items: { type: 'string' } },
    return_likelihoods: { enum: ['GENERATION', 'ALL', 'NONE'] },
    stream: { type: 'boolean' },
    num_generations: { type: 'integer', minimum: 1, maximum: 5 },
    logit_bias: { type: 'object', additionalProperties: { type: 'number' } },
    truncate: { enum: ['NONE', 'START', 'END'] },
  },
  additionalProperties: false,
};

/** Cohere ends a generation COMPLETE unless the token limit cut it (both captures). */
const FINISH: Record<StopReason, string> = { end_turn: 'COMPLETE', stop_sequence: 'COMPLETE', tool_use: 'COMPLETE', max_tokens: 'MAX_TOKENS' };

interface Generated {
  text: string;
  finishReason: string;
  usage: { inputTokens: number; outputTokens: number };
  generations: number;
}

function generate(req: CommandRequest, ctx: InvokeContext): Generated {
  const r: Reply = ctx.respond({
    messages: [{ role: 'user', content: [{ type: 'text', text: req.prompt }] }],
    maxTokens: req.max_tokens ?? 20, // FORMATS.md §9: default 20
    stopSequences: req.stop_sequences,
  });
  let text = r.content.map((b) => (b.type === 'text' ? b.text : '')).join('');
  // Cohere's generate keeps the stop sequence at the end of the text (Cohere API docs, [K]).
  if (r.stopReason === 'stop_sequence' && r.stopSequence) text += r.stopSequence;
  const generations = req.num_generations ?? 1;
  // Every generation is billed, and so is the prompt once per generation: num_generations 2
  // reported inputTokenCount 40 / outputTokenCount 20 for a 20/10 single run (stream captures).
  const usage = { inputTokens: r.usage.inputTokens * generations, outputTokens: countTokens(text) * generations };
  return { text, finishReason: FINISH[r.stopReason], usage, generations };
}

// Deterministic stand-ins for likelihoods, in the range real ones take.
function likelihood(token: string): number {
  let h = 7;
  for (const c of token) h = (h * 31 + c.codePointAt(0)!) % 100_003;
  return -Math.fround(0.05 + (h % 9000) / 1000);
}

function tokenLikelihoods(text: string) {
  return tokenize(text).map((token) => ({ token, likelihood: likelihood(token) }));
}

function generationBody(req: CommandRequest, g: Generated) {
  const withLikelihoods = req.return_likelihoods === 'GENERATION' || req.return_likelihoods === 'ALL';
  const tokens = withLikelihoods ? tokenLikelihoods(g.text) : [];
  const prompt = req.return_likelihoods === 'ALL' ? tokenLikelihoods(req.prompt) : [];
  return {
    id: cohereGenerationId(),
    text: g.text,
    finish_reason: g.finishReason,
    ...(withLikelihoods
      ? {
          likelihood: tokens.length ? tokens.reduce((s, t) => s + t.likelihood, 0) / tokens.length : 0,
          token_likelihoods: [...prompt, ...tokens],
        }
      : {}),
  };
}

// Key order id, generations, prompt; `id` is the request id (FORMATS.md §0, both captures).
function responseBody(req: CommandRequest, ctx: InvokeContext, g: Generated) {
  return {
    id: ctx.requestId,
    generations: Array.from({ length: g.generations }, () => generationBody(req, g)),
    prompt: req.prompt,
  };
}

function* tokenChunks(g: Generated): Generator<Record<string, unknown>> {
  for (let index = 0; index < g.generations; index++) {
    for (const text of tokenize(g.text)) {
      // One token a chunk; `index` leads only when several generations interleave (num_generations2 capture).
      yield g.generations > 1 ? { index, is_finished: false, text } : { is_finished: false, text };
    }
  }
  // One closing chunk for all generations, without `index` (num_generations2 capture).
  yield { finish_reason: g.finishReason, is_finished: true };
}

export const cohereCommand: Family<CommandRequest> = {
  name: 'cohere-command',
  parse: (body) => validate<CommandRequest>(schema, body),
  invoke(req, ctx) {
    const g = generate(req, ctx);
    return { body: responseBody(req, ctx, g), usage: g.usage };
  },
  stream(req, ctx) {
    const g = generate(req, ctx);
    // Only `"stream": true` streams tokens; otherwise the stream holds one chunk with the whole
    // non-stream body (FORMATS.md §9).
    const events = req.stream === true ? tokenChunks(g) : [responseBody(req, ctx, g)];
    return { events, usage: g.usage };
  },
};

export default cohereCommand;
