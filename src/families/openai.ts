// OpenAI gpt-oss on Bedrock: the Chat Completions body (FORMATS.md §13; captures
// invoke__us.openai.gpt-6-sol__chat-completions.json and the matching __partial stream capture).
// Bodies come out with their keys in alphabetical order except `system_fingerprint` last (and,
// in chunks, `usage`/`obfuscation` where the captures put them).
import { Errors } from '../errors.js';
import { chatCompletionId, openaiToolCallId } from '../ids.js';
import { countTokens, deltas } from '../responder/tokens.js';
import type { Reply } from '../responder/types.js';
import { validate, type Schema } from '../schema/validate.js';
import {
  chatConversation,
  FINISH_REASON,
  messageSchema,
  obfuscation,
  reasoningOf,
  textOf,
  toolSchema,
  toolUses,
  type ChatMessage,
  type ChatTool,
  type ResponseFormat,
} from './chat-completions.js';
import { wallClock } from '../clock.js';
import type { Family, InvokeContext, Usage } from './family.js';

interface OpenAIRequest {
  messages: ChatMessage[];
  max_completion_tokens?: number;
  max_tokens?: number;
  temperature?: number;
  top_p?: number;
  stop?: string | string[];
  /** Structured output as AWS documents it for open-weight models (chat-completions.ts:responseSchemaOf). */
  response_format?: ResponseFormat;
  tools?: ChatTool[];
  tool_choice?: unknown;
  reasoning_effort?: 'low' | 'medium' | 'high';
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
}

// The OpenAI-compatible endpoint takes further OpenAI keys (seed, n, …), so unknown keys pass.
const schema: Schema = {
  type: 'object',
  required: ['messages'],
  properties: {
    messages: { type: 'array', minItems: 1, items: messageSchema(['system', 'developer', 'user', 'assistant', 'tool']) },
    max_completion_tokens: { type: 'integer', minimum: 1 },
    max_tokens: { type: 'integer', minimum: 1 },
    temperature: { type: 'number', minimum: 0, maximum: 2 },
    top_p: { type: 'number', minimum: 0, maximum: 1 },
    stop: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
    tools: { type: 'array', items: toolSchema },
    reasoning_effort: { enum: ['low', 'medium', 'high'] },
    stream: { type: 'boolean' },
    stream_options: { type: 'object', properties: { include_usage: { type: 'boolean' } } },
  },
};

interface Rendered {
  r: Reply;
  content: string | null;
  toolCalls: Array<{ function: { arguments: string; name: string }; id: string; type: 'function' }>;
  usage: Usage;
  reasoningTokens: number;
}

function answer(req: OpenAIRequest, ctx: InvokeContext): Rendered {
  const r = ctx.respond(
    chatConversation(req.messages, {
      tools: req.tools,
      toolChoice: req.tool_choice,
      maxTokens: req.max_completion_tokens ?? req.max_tokens ?? ctx.model.maxOutputTokens,
      stop: req.stop,
      reasoning: true, // gpt-oss always reasons; reasoning_effort only sets how much
      responseFormat: req.response_format,
    }),
  );
  const reasoning = reasoningOf(r.content);
  // Bedrock's InvokeModel prepends gpt-oss's reasoning to the answer inside <reasoning>…</reasoning>
  // (promptfoo#9587, 2026: "Bedrock's InvokeModel prepends the model reasoning wrapped in <reasoning>").
  const text = (reasoning ? `<reasoning>${reasoning}</reasoning>` : '') + textOf(r.content);
  const toolCalls = toolUses(r.content).map((t) => ({
    function: { arguments: JSON.stringify(t.input), name: t.name },
    id: openaiToolCallId(),
    type: 'function' as const,
  }));
  return {
    r,
    content: text === '' && toolCalls.length ? null : text,
    toolCalls,
    // The responder's count: the tags stand for gpt-oss's channel tokens, not extra output.
    usage: { inputTokens: r.usage.inputTokens, outputTokens: r.usage.outputTokens },
    reasoningTokens: countTokens(reasoning),
  };
}

function usageBody(a: Rendered) {
  const out = a.usage.outputTokens!;
  return {
    completion_tokens: out,
    completion_tokens_details: { accepted_prediction_tokens: 0, audio_tokens: 0, reasoning_tokens: a.reasoningTokens, rejected_prediction_tokens: 0 },
    prompt_tokens: a.usage.inputTokens,
    prompt_tokens_details: { audio_tokens: 0, cache_write_tokens: 0, cached_tokens: 0 },
    total_tokens: a.usage.inputTokens + out,
  };
}

/** The id as called: the capture invoked through `us.` echoes the profile id as `model`. */
const modelName = (ctx: InvokeContext) => ctx.modelIdAsCalled ?? ctx.model.modelId;
const created = () => Math.floor(wallClock() / 1000);

function checkLimit(req: OpenAIRequest, ctx: InvokeContext) {
  const asked = req.max_completion_tokens ?? req.max_tokens;
  if (asked !== undefined && asked > ctx.model.maxOutputTokens) throw Errors.maxTokensExceeded(ctx.model.maxOutputTokens);
}

export const openai: Family<OpenAIRequest> = {
  name: 'openai',
  parse(body, ctx) {
    const req = validate<OpenAIRequest>(schema, body);
    checkLimit(req, ctx);
    return req;
  },
  invoke(req, ctx) {
    const a = answer(req, ctx);
    const message = {
      annotations: [],
      content: a.content,
      refusal: null,
      role: 'assistant',
      ...(a.toolCalls.length ? { tool_calls: a.toolCalls } : {}),
    };
    return {
      body: {
        choices: [{ finish_reason: FINISH_REASON[a.r.stopReason], index: 0, message }],
        created: created(),
        id: chatCompletionId(),
        model: modelName(ctx),
        object: 'chat.completion',
        service_tier: 'default',
        usage: usageBody(a),
        system_fingerprint: null,
      },
      usage: a.usage,
    };
  },
  stream(req, ctx) {
    const a = answer(req, ctx);
    const head = { created: created(), id: chatCompletionId(), model: modelName(ctx), object: 'chat.completion.chunk', service_tier: 'default' };
    const chunk = (choice: Record<string, unknown>) => ({
      choices: [{ ...choice, index: 0 }],
      ...head,
      system_fingerprint: null,
      usage: null,
      obfuscation: obfuscation(),
    });
    const events: Record<string, unknown>[] = [];
    // The first chunk opens the message with empty content (capture, first frame).
    events.push(chunk({ delta: { content: '', role: 'assistant', refusal: null }, finish_reason: null }));
    for (const piece of deltas(a.content ?? '')) events.push(chunk({ delta: { content: piece }, finish_reason: null }));
    a.toolCalls.forEach((call, index) => {
      events.push(chunk({ delta: { tool_calls: [{ function: { arguments: '', name: call.function.name }, id: call.id, index, type: 'function' }] }, finish_reason: null }));
      events.push(chunk({ delta: { tool_calls: [{ function: { arguments: call.function.arguments }, index }] }, finish_reason: null }));
    });
    events.push(chunk({ delta: {}, finish_reason: FINISH_REASON[a.r.stopReason] }));
    // With include_usage a last chunk carries no choices and the usage (capture, last frame).
    if (req.stream_options?.include_usage) {
      events.push({ choices: [], ...head, usage: usageBody(a), system_fingerprint: null, obfuscation: obfuscation() });
    }
    return { events, usage: a.usage };
  },
};

export default openai;
