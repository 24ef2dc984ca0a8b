// DeepSeek-R1 (profile only) and DeepSeek-V3.1: a text-completion body (FORMATS.md §12, AWS page
// model-parameters-deepseek) answered as `{"choices":[{"text","stop_reason"}]}`.
import { deltas } from '../responder/tokens.js';
import type { Reply, StopReason } from '../responder/types.js';
import { validate, type Schema } from '../schema/validate.js';
import type { Family, InvokeContext, Usage } from './family.js';

interface DeepSeekRequest {
  prompt: string;
  temperature?: number;
  top_p?: number;
  max_tokens?: number;
  stop?: string[];
}

// The AWS page: temperature and top_p ≤ 1, max_tokens 1..32768 (R1), stop ≤ 10 items.
const schema = (maxTokens: number): Schema => ({
  type: 'object',
  required: ['prompt'],
  properties: {
    prompt: { type: 'string' },
    temperature: { type: 'number', minimum: 0, maximum: 1 },
    top_p: { type: 'number', minimum: 0, maximum: 1 },
    max_tokens: { type: 'integer', minimum: 1, maximum: maxTokens },
    stop: { type: 'array', maxItems: 10, items: { type: 'string' } },
  },
});

const STOP: Record<StopReason, string> = { end_turn: 'stop', stop_sequence: 'stop', tool_use: 'stop', max_tokens: 'length' };

/** R1 always thinks; V3.1 thinks when the prompt opens a `<think>` block (its thinking-mode template). */
const thinks = (req: DeepSeekRequest, ctx: InvokeContext) => ctx.model.modelId.startsWith('deepseek.r1') || /<think>\s*$/u.test(req.prompt);

function answer(req: DeepSeekRequest, ctx: InvokeContext): { r: Reply; text: string; usage: Usage } {
  const r = ctx.respond({
    messages: [{ role: 'user', content: [{ type: 'text', text: req.prompt }] }],
    maxTokens: req.max_tokens ?? ctx.model.maxOutputTokens,
    stopSequences: req.stop,
    reasoning: thinks(req, ctx),
  });
  const reasoning = r.content.map((b) => (b.type === 'reasoning' ? b.text : '')).join('');
  const answerText = r.content.map((b) => (b.type === 'text' ? b.text : '')).join('');
  // The prompt template ends in `<think>\n`, so the completion is the thought, `</think>`, then
  // the answer after a blank line (the R1 Converse capture's answer text starts with "\n\n").
  const text = reasoning ? `${reasoning}\n</think>\n\n${answerText}` : answerText;
  // `</think>` is one special token in DeepSeek's vocabulary: the responder's count stands.
  return { r, text, usage: { inputTokens: r.usage.inputTokens, outputTokens: r.usage.outputTokens } };
}

export const deepseek: Family<DeepSeekRequest> = {
  name: 'deepseek',
  parse: (body, ctx) => validate<DeepSeekRequest>(schema(ctx.model.maxOutputTokens), body),
  invoke(req, ctx) {
    const a = answer(req, ctx);
    return { body: { choices: [{ text: a.text, stop_reason: STOP[a.r.stopReason] }] }, usage: a.usage };
  },
  // Chunks carry stop_reason null until the last (langchain-aws reads the last chunk's stop_reason).
  stream(req, ctx) {
    const a = answer(req, ctx);
    const pieces = deltas(a.text);
    if (pieces.length === 0) pieces.push('');
    const events = pieces.map((text, i) => ({ choices: [{ text, stop_reason: i === pieces.length - 1 ? STOP[a.r.stopReason] : null }] }));
    return { events, usage: a.usage };
  },
};

export default deepseek;
