// Meta Llama 2 / 3 / 3.1 / 3.2 / 3.3 / 4 through InvokeModel: FORMATS.md §7.
import { validate, type MessageStyle, type Schema } from '../schema/validate.js';
import { countTokens, deltas } from '../responder/tokens.js';
import type { Part, Reply, StopReason } from '../responder/types.js';
import type { Family, InvokeContext } from './family.js';

interface LlamaRequest {
  prompt: string;
  temperature?: number;
  top_p?: number;
  max_gen_len?: number;
  images?: string[];
}

// `#/max_gen_len: 8192 is not less or equal to 2048` for Llama 3 and lower (src/errors.evidence.md §8):
// the schema maximum is the catalog's output limit (2048 for Llama 2, 3, 3.1, 3.2 and 3.3).
const schema = (max: number): Schema => ({
  type: 'object',
  required: ['prompt'],
  properties: {
    prompt: { type: 'string' },
    temperature: { type: 'number', minimum: 0, maximum: 1 },
    top_p: { type: 'number', minimum: 0, maximum: 1 },
    max_gen_len: { type: 'integer', minimum: 1, maximum: max },
    // Llama 3.2 vision and Llama 4: base64 images beside the prompt.
    images: { type: 'array', items: { type: 'string' } },
  },
  // `max_gen_length` is refused as an extraneous key (FORMATS.md §7).
  additionalProperties: false,
});

// Llama 2's schema errors were everit's top-level message ("2 schema violations found",
// src/errors.evidence.md §0.2 Format B); Llama 3 on reports the joined pointers.
const styleOf = (ctx: InvokeContext): MessageStyle => (ctx.model.modelId.startsWith('meta.llama2') ? 'legacy' : 'joined');

// Llama has no stop sequences or tools: anything but the token limit is a natural "stop".
const STOP_REASON: Record<StopReason, string> = { end_turn: 'stop', max_tokens: 'length', stop_sequence: 'stop', tool_use: 'stop' };

function reply(req: LlamaRequest, ctx: InvokeContext): { r: Reply; text: string } {
  const content: Part[] = (req.images ?? []).map((b64) => ({ type: 'media', kind: 'image', bytes: Math.floor((b64.length * 3) / 4) }));
  content.push({ type: 'text', text: req.prompt });
  // Default max_gen_len 512 (Bedrock Llama docs, FORMATS.md §7).
  const r = ctx.respond({ messages: [{ role: 'user', content }], maxTokens: req.max_gen_len ?? 512 });
  return { r, text: r.content.map((b) => (b.type === 'text' ? b.text : '')).join('') };
}

export const llama: Family<LlamaRequest> = {
  name: 'llama',
  parse: (body, ctx) => validate<LlamaRequest>(schema(ctx.model.maxOutputTokens), body, styleOf(ctx)),

  invoke(req, ctx) {
    const { r, text } = reply(req, ctx);
    const usage = { inputTokens: r.usage.inputTokens, outputTokens: countTokens(text) };
    return {
      body: { generation: text, prompt_token_count: usage.inputTokens, generation_token_count: usage.outputTokens, stop_reason: STOP_REASON[r.stopReason] },
      usage,
    };
  },

  // One token per chunk; prompt_token_count only on the first chunk (null after), the generation
  // count cumulative, and stop_reason on the last token's chunk
  // (invoke-with-response-stream__meta.llama2-13b-chat-v1).
  stream(req, ctx) {
    const { r, text } = reply(req, ctx);
    const usage = { inputTokens: r.usage.inputTokens, outputTokens: countTokens(text) };
    const pieces = deltas(text, 1);
    if (pieces.length === 0) pieces.push('');
    const events = pieces.map((generation, i) => ({
      generation,
      prompt_token_count: i === 0 ? usage.inputTokens : null,
      generation_token_count: Math.min(i + 1, usage.outputTokens),
      stop_reason: i === pieces.length - 1 ? STOP_REASON[r.stopReason] : null,
    }));
    return { events, usage };
  },
};

export default llama;
