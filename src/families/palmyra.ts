// Writer Palmyra X4 / X5 (FORMATS.md §14). The AWS page documents only the request (messages whose
// content may be `{"text": …}`, temperature 0..2 default 1.0, top_p, max_tokens, min_tokens, stop,
// seed, presence/frequency penalties); no real response was found. The response here is an
// OpenAI-style chat completion, the shape Writer's own API answers with — an assumption.
import { uuid } from '../ids.js';
import { countTokens, deltas } from '../responder/tokens.js';
import type { Reply } from '../responder/types.js';
import { validate, type Schema } from '../schema/validate.js';
import { chatConversation, FINISH_REASON, messageSchema, textOf, toolSchema, toolUses, type ChatMessage, type ChatTool, type ResponseFormat } from './chat-completions.js';
import { wallClock } from '../clock.js';
import type { Family, InvokeContext, Usage } from './family.js';

interface PalmyraRequest {
  messages: ChatMessage[];
  temperature?: number;
  top_p?: number;
  max_tokens?: number;
  min_tokens?: number;
  stop?: string | string[];
  /** Structured output as AWS documents it for open-weight models (chat-completions.ts:responseSchemaOf). */
  response_format?: ResponseFormat;
  seed?: number;
  tools?: ChatTool[];
  tool_choice?: unknown;
  [key: string]: unknown;
}

const schema = (maxTokens: number): Schema => ({
  type: 'object',
  required: ['messages'],
  properties: {
    messages: { type: 'array', minItems: 1, items: messageSchema(['system', 'user', 'assistant', 'tool']) },
    temperature: { type: 'number', minimum: 0, maximum: 2 },
    top_p: { type: 'number', minimum: 0, maximum: 1 },
    max_tokens: { type: 'integer', minimum: 1, maximum: maxTokens },
    min_tokens: { type: 'integer', minimum: 0 },
    stop: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
    seed: { type: 'integer' },
    presence_penalty: { type: 'number' },
    frequency_penalty: { type: 'number' },
    tools: { type: 'array', items: toolSchema },
  },
});

interface Answer {
  r: Reply;
  text: string;
  toolCalls: Array<{ id: string; type: 'function'; function: { name: string; arguments: string } }>;
  usage: Usage;
}

function answer(req: PalmyraRequest, ctx: InvokeContext): Answer {
  const r = ctx.respond(
    chatConversation(req.messages, { tools: req.tools, toolChoice: req.tool_choice, maxTokens: req.max_tokens ?? ctx.model.maxOutputTokens, stop: req.stop, responseFormat: req.response_format }),
  );
  const text = textOf(r.content);
  const toolCalls = toolUses(r.content).map((t) => ({ id: `chatcmpl-tool-${uuid().replaceAll('-', '')}`, type: 'function' as const, function: { name: t.name, arguments: JSON.stringify(t.input) } }));
  const outputTokens = countTokens(text) + toolCalls.reduce((n, c) => n + countTokens(c.function.name) + countTokens(c.function.arguments), 0);
  return { r, text, toolCalls, usage: { inputTokens: r.usage.inputTokens, outputTokens } };
}

/** Writer names its models `palmyra-x4` / `palmyra-x5` in bodies. */
const modelName = (ctx: InvokeContext) => ctx.model.responseModelName ?? ctx.model.modelId.replace(/^writer\./, '').replace(/-v\d+:\d+$/, '');

function usageBody(u: Usage) {
  return { prompt_tokens: u.inputTokens, completion_tokens: u.outputTokens!, total_tokens: u.inputTokens + u.outputTokens! };
}

export const palmyra: Family<PalmyraRequest> = {
  name: 'palmyra',
  parse: (body, ctx) => validate<PalmyraRequest>(schema(ctx.model.maxOutputTokens), body),
  invoke(req, ctx) {
    const a = answer(req, ctx);
    const message = { role: 'assistant', content: a.toolCalls.length && !a.text ? null : a.text, ...(a.toolCalls.length ? { tool_calls: a.toolCalls } : {}) };
    return {
      body: {
        id: `chatcmpl-${uuid()}`,
        object: 'chat.completion',
        created: Math.floor(wallClock() / 1000),
        model: modelName(ctx),
        choices: [{ index: 0, message, finish_reason: FINISH_REASON[a.r.stopReason] }],
        usage: usageBody(a.usage),
      },
      usage: a.usage,
    };
  },
  stream(req, ctx) {
    const a = answer(req, ctx);
    const head = { id: `chatcmpl-${uuid()}`, object: 'chat.completion.chunk', created: Math.floor(wallClock() / 1000), model: modelName(ctx) };
    const chunk = (delta: Record<string, unknown>, finish: string | null) => ({ ...head, choices: [{ index: 0, delta, finish_reason: finish }] });
    const events: Record<string, unknown>[] = [chunk({ role: 'assistant', content: '' }, null)];
    for (const content of deltas(a.text)) events.push(chunk({ content }, null));
    if (a.toolCalls.length) events.push(chunk({ tool_calls: a.toolCalls.map((c, index) => ({ index, ...c })) }, null));
    events.push({ ...chunk({}, FINISH_REASON[a.r.stopReason]), usage: usageBody(a.usage) });
    return { events, usage: a.usage };
  },
};

export default palmyra;
