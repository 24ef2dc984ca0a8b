// AI21 Jamba Instruct / 1.5 Mini / 1.5 Large: an OpenAI-like chat body (FORMATS.md §10, [DOC/K]).
// The one real Bedrock sighting is a stream chunk quoted in lobehub's Bedrock AI21 adapter:
// `{"id":"chat-ae86…","choices":[{"index":0,"delta":{"content":"?"},"finish_reason":"stop",
// "stop_reason":"<|eom|>"}],"usage":{"prompt_tokens":144,"total_tokens":158,"completion_tokens":14},
// "meta":{"requestDurationMillis":146}}` — hence the `chat-` ids, `stop_reason` and `meta`.
import { ai21ChatId, openaiToolCallId } from '../ids.js';
import { countTokens, deltas } from '../responder/tokens.js';
import type { Reply, StopReason } from '../responder/types.js';
import { validate, type Schema } from '../schema/validate.js';
import { chatConversation, FINISH_REASON, messageSchema, textOf, toolSchema, toolUses, type ChatMessage, type ChatTool, type ResponseFormat } from './chat-completions.js';
import type { Family, InvokeContext, Usage } from './family.js';
import { now } from '../clock.js';

interface JambaRequest {
  messages: ChatMessage[];
  n?: number;
  temperature?: number;
  top_p?: number;
  max_tokens?: number;
  stop?: string | string[];
  /** Structured output as AWS documents it for open-weight models (chat-completions.ts:responseSchemaOf). */
  response_format?: ResponseFormat;
  tools?: ChatTool[];
  [key: string]: unknown;
}

// The AWS page's ranges; no sighting says whether unknown keys are refused, so they pass.
const schema = (maxTokens: number): Schema => ({
  type: 'object',
  required: ['messages'],
  properties: {
    messages: { type: 'array', minItems: 1, items: messageSchema(['system', 'user', 'assistant', 'tool']) },
    n: { type: 'integer', minimum: 1, maximum: 16 },
    temperature: { type: 'number', minimum: 0, maximum: 2 },
    top_p: { type: 'number', minimum: 0, maximum: 1 },
    max_tokens: { type: 'integer', minimum: 0, maximum: maxTokens },
    stop: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
    frequency_penalty: { type: 'number' },
    presence_penalty: { type: 'number' },
    tools: { type: 'array', items: toolSchema },
    response_format: { type: 'object' },
  },
});

/** Jamba's stop_reason: the end-of-message token, or the stop sequence met (the quoted chunk). */
function stopReason(r: Reply): string | null {
  const map: Record<StopReason, string | null> = { end_turn: '<|eom|>', tool_use: '<|eom|>', stop_sequence: r.stopSequence, max_tokens: null };
  return map[r.stopReason];
}

interface Answer {
  r: Reply;
  text: string;
  toolCalls: Array<{ id: string; type: 'function'; function: { name: string; arguments: string } }>;
  usage: Usage;
  choices: number;
}

function answer(req: JambaRequest, ctx: InvokeContext): Answer {
  const r = ctx.respond(chatConversation(req.messages, { tools: req.tools, maxTokens: req.max_tokens ?? 4096, stop: req.stop, responseFormat: req.response_format }));
  const text = textOf(r.content);
  const toolCalls = toolUses(r.content).map((t) => ({ id: openaiToolCallId(), type: 'function' as const, function: { name: t.name, arguments: JSON.stringify(t.input) } }));
  const one = countTokens(text) + toolCalls.reduce((n, c) => n + countTokens(c.function.name) + countTokens(c.function.arguments), 0);
  const choices = req.n ?? 1;
  return { r, text, toolCalls, usage: { inputTokens: r.usage.inputTokens, outputTokens: one * choices }, choices };
}

/** The model's own name: ai21.jamba-1-5-mini-v1:0 → jamba-1.5-mini. */
const modelName = (modelId: string) => modelId.replace(/^ai21\./, '').replace(/-v\d+(:\d+)?$/, '').replace(/(\d)-(\d)/, '$1.$2');

const meta = (started: number) => ({ requestDurationMillis: Math.max(1, Math.round(now() - started)) });

export const ai21Jamba: Family<JambaRequest> = {
  name: 'ai21-jamba',
  parse: (body, ctx) => validate<JambaRequest>(schema(ctx.model.maxOutputTokens), body),
  invoke(req, ctx) {
    const started = now();
    const a = answer(req, ctx);
    // tool_calls is always there, null without a call, and `model` ends the body (FORMATS.md §10:
    // `"meta"?,"model"?`; issue 8 reports both on real answers).
    const message = { role: 'assistant', content: a.toolCalls.length && !a.text ? null : a.text, tool_calls: a.toolCalls.length ? a.toolCalls : null };
    const out = a.usage.outputTokens!;
    return {
      body: {
        id: ai21ChatId(),
        choices: Array.from({ length: a.choices }, (_, index) => ({ index, message, finish_reason: FINISH_REASON[a.r.stopReason] })),
        usage: { prompt_tokens: a.usage.inputTokens, completion_tokens: out, total_tokens: a.usage.inputTokens + out },
        meta: meta(started),
        model: modelName(ctx.model.modelId),
      },
      usage: a.usage,
    };
  },
  stream(req, ctx) {
    const started = now();
    const a = answer(req, ctx);
    const id = ai21ChatId();
    const events: Record<string, unknown>[] = [];
    for (let index = 0; index < a.choices; index++) {
      const pieces: Record<string, unknown>[] = [{ role: 'assistant' }];
      for (const content of deltas(a.text)) pieces.push({ content });
      if (a.toolCalls.length) pieces.push({ tool_calls: a.toolCalls.map((c, i) => ({ index: i, ...c })) });
      pieces.forEach((delta, i) => {
        const last = i === pieces.length - 1;
        events.push({
          id,
          choices: [{ index, delta, finish_reason: last ? FINISH_REASON[a.r.stopReason] : null, stop_reason: last ? stopReason(a.r) : null }],
        });
      });
    }
    // The last chunk also carries usage (its keys in the quoted order) and meta.
    const out = a.usage.outputTokens!;
    Object.assign(events[events.length - 1], {
      usage: { prompt_tokens: a.usage.inputTokens, total_tokens: a.usage.inputTokens + out, completion_tokens: out },
      meta: meta(started),
    });
    return { events, usage: a.usage };
  },
};

export default ai21Jamba;
