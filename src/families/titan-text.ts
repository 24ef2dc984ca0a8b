// Amazon Titan Text (lite, express, premier, tg1-large): FORMATS.md §3.
import { validate, type Schema } from '../schema/validate.js';
import { countTokens } from '../responder/tokens.js';
import type { Reply } from '../responder/types.js';
import type { Family, InvokeContext } from './family.js';

interface TitanRequest {
  inputText: string;
  textGenerationConfig?: { temperature?: number; topP?: number; maxTokenCount?: number; stopSequences?: string[] };
}

// Open at both levels: no refusal of an unknown key is on record for Titan *Text* (the
// `extraneous key` sightings are Titan Embeddings'), so such keys are accepted
// (src/refusals.evidence.md S21). The members Titan documents keep their types and bounds (S20).
const schema = (maxTokens: number): Schema => ({
  type: 'object',
  required: ['inputText'],
  properties: {
    inputText: { type: 'string' },
    textGenerationConfig: {
      type: 'object',
      properties: {
        temperature: { type: 'number', minimum: 0, maximum: 1 },
        topP: { type: 'number', minimum: 0, maximum: 1 },
        maxTokenCount: { type: 'integer', minimum: 0, maximum: maxTokens },
        stopSequences: { type: 'array', items: { type: 'string' } },
      },
    },
  },
});

const COMPLETION_REASON = { end_turn: 'FINISH', max_tokens: 'LENGTH', stop_sequence: 'STOP_CRITERIA_MET', tool_use: 'FINISH' } as const;

function reply(req: TitanRequest, ctx: InvokeContext): Reply {
  return ctx.respond({
    messages: [{ role: 'user', content: [{ type: 'text', text: req.inputText }] }],
    maxTokens: req.textGenerationConfig?.maxTokenCount ?? 512,
    stopSequences: req.textGenerationConfig?.stopSequences,
  });
}

/** Titan's answers begin with a newline (every capture). */
const outputText = (r: Reply) => `\n${r.content.map((b) => (b.type === 'text' ? b.text : '')).join('')}`;

export const titanText: Family<TitanRequest> = {
  name: 'titan-text',
  parse: (body, ctx) => validate<TitanRequest>(schema(ctx.model.maxOutputTokens), body),
  invoke(req, ctx) {
    const r = reply(req, ctx);
    const text = outputText(r);
    const usage = { inputTokens: r.usage.inputTokens, outputTokens: countTokens(text) };
    return {
      body: {
        inputTextTokenCount: usage.inputTokens,
        results: [{ tokenCount: usage.outputTokens, outputText: text, completionReason: COMPLETION_REASON[r.stopReason] }],
      },
      usage,
    };
  },
  // Without a guardrail Titan streams its whole answer as one chunk (every capture, up to 51 tokens).
  stream(req, ctx) {
    const r = reply(req, ctx);
    const text = outputText(r);
    const usage = { inputTokens: r.usage.inputTokens, outputTokens: countTokens(text) };
    const chunk = {
      outputText: text,
      index: 0,
      totalOutputTextTokenCount: usage.outputTokens,
      completionReason: COMPLETION_REASON[r.stopReason],
      inputTextTokenCount: usage.inputTokens,
    };
    return { events: [chunk], usage };
  },
};

export default titanText;
