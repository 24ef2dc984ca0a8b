// Anthropic legacy Text Completions: claude-v2, claude-v2:1, claude-instant-v1 (FORMATS.md §2).
// These models also take Messages API bodies (capture invoke__anthropic.claude-v2__messages-api),
// so a body with `messages` is handed to the Messages family.
import { Errors } from '../errors.js';
import { countTokens, deltas } from '../responder/tokens.js';
import type { Conversation, Reply, Turn } from '../responder/types.js';
import { validate, type Schema } from '../schema/validate.js';
import type { MessagesRequest } from './anthropic-content.js';
import { anthropicMessages } from './anthropic-messages.js';
import type { Family, InvokeContext } from './family.js';

interface TextRequest {
  prompt: string;
  max_tokens_to_sample: number;
  temperature?: number;
  top_p?: number;
  top_k?: number;
  stop_sequences?: string[];
}

type Request = { api: 'messages'; body: MessagesRequest } | { api: 'text'; body: TextRequest };

// Required keys in this order: aws/aws-sdk-net#3384 reads `#: required key [prompt] not found#:
// required key [max_tokens_to_sample] not found#: extraneous key [Messages] …` (no anyOf prefix).
const SCHEMA: Schema = {
  type: 'object',
  required: ['prompt', 'max_tokens_to_sample'],
  properties: {
    prompt: { type: 'string' },
    max_tokens_to_sample: { type: 'integer', minimum: 0 },
    temperature: { type: 'number', minimum: 0, maximum: 1 },
    top_p: { type: 'number', minimum: 0, maximum: 1 },
    top_k: { type: 'integer', minimum: 0, maximum: 500 },
    stop_sequences: { type: 'array', items: { type: 'string' } },
  },
  additionalProperties: false,
} satisfies Schema;

const HUMAN = '\n\nHuman:';
const ASSISTANT = '\n\nAssistant:';

// 2024+ rule (seed 001, spring-ai#404): an optional system prompt, then a Human turn. So the
// first turn marker must be a Human one. No trailing-Assistant rule: its only sightings are
// 2023 messages (src/errors.evidence.md §3.2), and the 2024 message no longer mentions it.
// claude-v2:1 answered a prompt without "\n\n" before its turns ("Human: … Assistant:") on 2024-06-11
// (traceloop/openllmetry cassette tests/traces/cassettes/test_anthropic/test_anthropic_2_completion.yaml,
// us-east-1, 200 with token-count headers), after the newest refusal seen (claude-v2, 2024-03): it is
// not checked (src/refusals.evidence.md C15).
const PROMPT_UNCHECKED = ['anthropic.claude-v2:1'];

function checkPrompt(prompt: string, modelId: string): void {
  if (PROMPT_UNCHECKED.includes(modelId)) return;
  const human = prompt.indexOf(HUMAN);
  const assistant = prompt.indexOf(ASSISTANT);
  if (human < 0 || (assistant >= 0 && assistant < human)) throw Errors.claudePromptStart();
}

/** The prompt's turns: text before the first Human turn is the system prompt. */
function toConversation(req: TextRequest): Conversation {
  const parts = req.prompt.split(/\n\n(Human|Assistant):/);
  const messages: Turn[] = [];
  for (let i = 1; i < parts.length; i += 2) {
    const text = parts[i + 1].trim();
    if (text) messages.push({ role: parts[i] === 'Human' ? 'user' : 'assistant', content: [{ type: 'text', text }] });
  }
  // A prompt without turn markers (accepted on claude-v2:1) is one user turn.
  if (messages.length === 0) return { messages: [{ role: 'user', content: [{ type: 'text', text: req.prompt.trim() }] }], maxTokens: req.max_tokens_to_sample, stopSequences: req.stop_sequences };
  return {
    system: parts[0].trim() || undefined,
    messages,
    maxTokens: req.max_tokens_to_sample,
    // The model ends its turn by writing "\n\nHuman:", which is a default stop sequence.
    stopSequences: req.stop_sequences,
  };
}

/** Native stop fields: a natural end is the model reaching "\n\nHuman:" (every capture). */
function stopOf(reply: Reply): { stop_reason: string; stop: string | null } {
  if (reply.stopReason === 'max_tokens') return { stop_reason: 'max_tokens', stop: null };
  if (reply.stopReason === 'stop_sequence') return { stop_reason: 'stop_sequence', stop: reply.stopSequence };
  return { stop_reason: 'stop_sequence', stop: HUMAN };
}

function complete(req: TextRequest, ctx: InvokeContext) {
  const reply = ctx.respond(toConversation(req));
  const text = reply.content.map((b) => (b.type === 'text' ? b.text : '')).join('');
  // Completions begin with a space after "Assistant:" (every capture).
  const completion = text && !/^\s/.test(text) ? ` ${text}` : text;
  return { reply, completion, usage: { inputTokens: reply.usage.inputTokens, outputTokens: countTokens(completion) } };
}

export const anthropicText: Family<Request> = {
  name: 'anthropic-text',
  parse(body, ctx) {
    if (typeof body === 'object' && body !== null && !Array.isArray(body) && 'messages' in body)
      return { api: 'messages', body: anthropicMessages.parse(body, ctx) };
    validate(SCHEMA, body);
    const req = body as TextRequest;
    checkPrompt(req.prompt, ctx.model.modelId);
    // 2024 wording for claude-v2:1 (litellm#5656); the 2023 schema maximum 8191 is gone.
    if (req.max_tokens_to_sample > ctx.model.maxOutputTokens) throw Errors.maxTokensExceeded(ctx.model.maxOutputTokens);
    return { api: 'text', body: req };
  },
  invoke(req, ctx) {
    if (req.api === 'messages') return anthropicMessages.invoke(req.body, ctx);
    const { reply, completion, usage } = complete(req.body, ctx);
    return { body: { completion, ...stopOf(reply) }, usage };
  },
  stream(req, ctx) {
    if (req.api === 'messages') return anthropicMessages.stream!(req.body, ctx);
    const { reply, completion, usage } = complete(req.body, ctx);
    function* events(): Generator<Record<string, unknown>> {
      // One token a chunk, then an empty completion carrying the stop (claude-v2 stream capture).
      for (const piece of deltas(completion, 1)) yield { completion: piece, stop_reason: null, stop: null };
      yield { completion: '', ...stopOf(reply) };
    }
    return { events: events(), usage };
  },
};

export default anthropicText;
