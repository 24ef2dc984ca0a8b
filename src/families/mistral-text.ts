// Mistral text completion (7B Instruct, Mixtral 8x7B, Small 24.02; Large accepts it too):
// FORMATS.md §8. The request is a prompt in Mistral's `<s>[INST] … [/INST]` template.
import { Errors } from '../errors.js';
import { countTokens, deltas } from '../responder/tokens.js';
import type { StopReason } from '../responder/types.js';
import { validate, type Schema } from '../schema/validate.js';
import { responseFormatSchema, responseSchemaOf, type ResponseFormat } from './chat-completions.js';
import type { Family, InvokeContext, InvokeResult, StreamResult } from './family.js';

export interface MistralTextRequest {
  prompt: string;
  max_tokens?: number;
  stop?: string[];
  temperature?: number;
  top_p?: number;
  top_k?: number;
  response_format?: ResponseFormat;
}


const schema: Schema = {
  type: 'object',
  required: ['prompt'],
  properties: {
    prompt: { type: 'string' },
    max_tokens: { type: 'integer', minimum: 1 },
    // At most 10 stop sequences (Bedrock Mistral docs, FORMATS.md §8).
    stop: { type: 'array', maxItems: 10, items: { type: 'string' } },
    temperature: { type: 'number', minimum: 0, maximum: 1 },
    top_p: { type: 'number', minimum: 0, maximum: 1 },
    top_k: { type: 'integer', minimum: 0 },
    response_format: responseFormatSchema,
  },
  // Open: no Bedrock refusal of an unknown Mistral key is on record (the `Extra inputs are not
  // permitted` sightings are api.mistral.ai's own 422s), and Mistral's own API takes `random_seed`,
  // `safe_prompt`, … (src/refusals.evidence.md S24, S25).
};

/** Mistral's stop reasons: a stop sequence is a plain "stop" (FORMATS.md §8). */
export const MISTRAL_STOP: Record<StopReason, string> = { end_turn: 'stop', max_tokens: 'length', stop_sequence: 'stop', tool_use: 'tool_calls' };

/** Validates a text-completion body; the output limit uses Bedrock's generic wording. */
export function parseMistralText(body: unknown, ctx: InvokeContext): MistralTextRequest {
  const req = validate<MistralTextRequest>(schema, body);
  if (req.max_tokens !== undefined && req.max_tokens > ctx.model.maxOutputTokens) throw Errors.maxTokensExceeded(ctx.model.maxOutputTokens);
  return req;
}

function complete(req: MistralTextRequest, ctx: InvokeContext) {
  // Default max_tokens 512 for 7B and Mixtral (Bedrock Mistral docs).
  const r = ctx.respond({
    messages: [{ role: 'user', content: [{ type: 'text', text: req.prompt }] }],
    maxTokens: req.max_tokens ?? 512,
    stopSequences: req.stop,
    ...responseSchemaOf(req.response_format),
  });
  const text = r.content.map((b) => (b.type === 'text' ? b.text : '')).join('');
  return { text, stop: MISTRAL_STOP[r.stopReason], usage: { inputTokens: r.usage.inputTokens, outputTokens: countTokens(text) } };
}

export function invokeMistralText(req: MistralTextRequest, ctx: InvokeContext): InvokeResult {
  const { text, stop, usage } = complete(req, ctx);
  return { body: { outputs: [{ text, stop_reason: stop }] }, usage };
}

// Chunks `{"outputs":[{"text","stop_reason":null}]}`; the last names the stop reason (FORMATS.md
// §8 [SDK]). One token a chunk, as Llama streams.
export function streamMistralText(req: MistralTextRequest, ctx: InvokeContext): StreamResult {
  const { text, stop, usage } = complete(req, ctx);
  const pieces = deltas(text, 1);
  if (pieces.length === 0) pieces.push('');
  const events = pieces.map((piece, i) => ({ outputs: [{ text: piece, stop_reason: i === pieces.length - 1 ? stop : null }] }));
  return { events, usage };
}

export const mistralText: Family<MistralTextRequest> = {
  name: 'mistral-text',
  parse: parseMistralText,
  invoke: invokeMistralText,
  stream: streamMistralText,
};

export default mistralText;
