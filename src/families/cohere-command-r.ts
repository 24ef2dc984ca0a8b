// Cohere Command R / R+, Cohere's v1 chat API (FORMATS.md §9; AWS parameter page
// model-parameters-cohere-command-r-plus). No capture of a response or stream was found: the
// response keys follow FORMATS.md, the stream events Cohere's v1 chat stream ([K]).
import { uuid } from '../ids.js';
import { countTokens, deltas } from '../responder/tokens.js';
import type { Conversation, Part, Reply, StopReason, Turn } from '../responder/types.js';
import { validate, type Schema } from '../schema/validate.js';
import type { Family, InvokeContext, Usage } from './family.js';

interface HistoryEntry {
  role: 'USER' | 'CHATBOT' | 'SYSTEM' | 'TOOL';
  message?: string;
  tool_calls?: ToolCall[];
}
interface ToolCall {
  name: string;
  parameters: Record<string, unknown>;
}
interface CohereTool {
  name: string;
  description?: string;
  parameter_definitions?: Record<string, { description?: string; type?: string; required?: boolean }>;
}
interface CommandRRequest {
  message: string;
  chat_history?: HistoryEntry[];
  documents?: Array<Record<string, unknown>>;
  preamble?: string;
  max_tokens?: number;
  stop_sequences?: string[];
  tools?: CohereTool[];
  tool_results?: Array<{ call: ToolCall; outputs: unknown[] }>;
  [key: string]: unknown;
}

// Every key the AWS page lists; anything else is refused, e.g. `#: extraneous key [top_k] is not
// permitted` (REAL_ERROR_MESSAGES.md, cohere.command-r).
const schema: Schema = {
  type: 'object',
  required: ['message'],
  properties: {
    message: { type: 'string' },
    chat_history: {
      type: 'array',
      items: { type: 'object', required: ['role'], properties: { role: { enum: ['USER', 'CHATBOT', 'SYSTEM', 'TOOL'] }, message: { type: 'string' } } },
    },
    documents: { type: 'array', items: { type: 'object' } },
    search_queries_only: { type: 'boolean' },
    preamble: { type: 'string' },
    max_tokens: { type: 'integer', minimum: 1, maximum: 4096 },
    temperature: { type: 'number', minimum: 0, maximum: 1 },
    p: { type: 'number', minimum: 0.01, maximum: 0.99 },
    k: { type: 'number', minimum: 0, maximum: 500 },
    prompt_truncation: { enum: ['OFF', 'AUTO_PRESERVE_ORDER'] },
    frequency_penalty: { type: 'number', minimum: 0, maximum: 1 },
    presence_penalty: { type: 'number', minimum: 0, maximum: 1 },
    seed: { type: 'integer' },
    return_prompt: { type: 'boolean' },
    tools: { type: 'array', items: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, parameter_definitions: { type: 'object' } } } },
    tool_results: { type: 'array', items: { type: 'object', required: ['call', 'outputs'] } },
    stop_sequences: { type: 'array', items: { type: 'string' } },
    raw_prompting: { type: 'boolean' },
  },
  additionalProperties: false,
};

const FINISH: Record<StopReason, string> = { end_turn: 'COMPLETE', stop_sequence: 'COMPLETE', tool_use: 'COMPLETE', max_tokens: 'MAX_TOKENS' };

// Cohere types parameters with Python names (str, int, float, bool, List[str], …).
const JSON_TYPE: Record<string, string> = { str: 'string', int: 'integer', float: 'number', bool: 'boolean' };
function inputSchema(defs: CohereTool['parameter_definitions'] = {}) {
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  for (const [name, def] of Object.entries(defs)) {
    const type = def.type ?? 'str';
    properties[name] = { type: JSON_TYPE[type] ?? (type.startsWith('List') ? 'array' : 'string'), description: def.description };
    if (def.required) required.push(name);
  }
  return { type: 'object', properties, required };
}

function conversation(req: CommandRRequest): Conversation {
  const system: string[] = req.preamble ? [req.preamble] : [];
  const messages: Turn[] = [];
  for (const h of req.chat_history ?? []) {
    if (h.role === 'SYSTEM') system.push(h.message ?? '');
    else messages.push({ role: h.role === 'CHATBOT' ? 'assistant' : 'user', content: [{ type: 'text', text: h.message ?? '' }] });
  }
  const last: Part[] = (req.tool_results ?? []).map((t) => ({ type: 'tool_result', toolUseId: t.call.name, text: JSON.stringify(t.outputs) }));
  for (const doc of req.documents ?? []) last.push({ type: 'text', text: JSON.stringify(doc) });
  if (req.message) last.push({ type: 'text', text: req.message });
  messages.push({ role: 'user', content: last });
  const tools = req.tools?.map((t) => ({ name: t.name, description: t.description, inputSchema: inputSchema(t.parameter_definitions) }));
  return {
    system: system.length ? system.join('\n') : undefined,
    messages,
    tools: tools?.length ? tools : undefined,
    maxTokens: req.max_tokens ?? 4000, // no documented default: the model's output limit
    stopSequences: req.stop_sequences,
  };
}

interface Answer {
  r: Reply;
  text: string;
  toolCalls: ToolCall[];
  usage: Usage;
}

function answer(req: CommandRRequest, ctx: InvokeContext): Answer {
  const r = ctx.respond(conversation(req));
  const text = r.content.map((b) => (b.type === 'text' ? b.text : '')).join('');
  const toolCalls = r.content.flatMap((b) => (b.type === 'tool_use' ? [{ name: b.name, parameters: b.input }] : []));
  const outputTokens = countTokens(text) + toolCalls.reduce((n, c) => n + countTokens(c.name) + countTokens(JSON.stringify(c.parameters)), 0);
  return { r, text, toolCalls, usage: { inputTokens: r.usage.inputTokens, outputTokens } };
}

// Key order response_id, text, generation_id, chat_history, finish_reason (FORMATS.md §9), then
// tool_calls when the model calls tools. chat_history is the whole conversation, this turn included.
function responseBody(req: CommandRRequest, a: Answer, generationId: string) {
  const chatbot: HistoryEntry = { role: 'CHATBOT', message: a.text, ...(a.toolCalls.length ? { tool_calls: a.toolCalls } : {}) };
  const history = [...(req.chat_history ?? []), ...(req.message ? [{ role: 'USER' as const, message: req.message }] : []), chatbot];
  return {
    response_id: uuid(),
    text: a.text,
    generation_id: generationId,
    chat_history: history,
    finish_reason: FINISH[a.r.stopReason],
    ...(a.toolCalls.length ? { tool_calls: a.toolCalls } : {}),
  };
}

export const cohereCommandR: Family<CommandRRequest> = {
  name: 'cohere-command-r',
  parse: (body) => validate<CommandRRequest>(schema, body),
  invoke(req, ctx) {
    const a = answer(req, ctx);
    return { body: responseBody(req, a, uuid()), usage: a.usage };
  },
  // Cohere's v1 chat stream events ([K]; FORMATS.md §9 has no capture).
  stream(req, ctx) {
    const a = answer(req, ctx);
    const generationId = uuid();
    const events: Record<string, unknown>[] = [{ is_finished: false, event_type: 'stream-start', generation_id: generationId }];
    for (const text of deltas(a.text, 1)) events.push({ is_finished: false, event_type: 'text-generation', text });
    if (a.toolCalls.length) events.push({ is_finished: false, event_type: 'tool-calls-generation', tool_calls: a.toolCalls });
    // The final response also carries Cohere's `meta` (API version, billed tokens), after the keys
    // the body has (FORMATS.md §9: `meta` "when relevant"; issue 8 reports it on real stream-ends).
    const meta = { api_version: { version: '1' }, billed_units: { input_tokens: a.usage.inputTokens, output_tokens: a.usage.outputTokens } };
    events.push({ is_finished: true, event_type: 'stream-end', response: { ...responseBody(req, a, generationId), meta }, finish_reason: FINISH[a.r.stopReason] });
    return { events, usage: a.usage };
  },
};

export default cohereCommandR;
