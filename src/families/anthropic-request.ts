// Claude's Messages API request on InvokeModel: Bedrock's JSON schema, then the checks Anthropic's
// side makes (src/errors.evidence.md §2, §3.1 and "Settled for issue 8"). Newer evidence beats
// older: several 2024 refusals no longer hold for the models released since.
import type { ModelEntry } from '../catalog/types.js';
import { Errors } from '../errors.js';
import { adaptiveOnly, claude3Era, deprecatesTemperature, refusesEffort, refusesTemperatureWithTopP } from '../catalog/claude-rules.js';
import { checkToolSchema } from '../schema/tool-schema.js';
import { validate, type Schema } from '../schema/validate.js';
import type { MessagesRequest } from './anthropic-content.js';

const number01: Schema = { type: 'number', minimum: 0, maximum: 1 };

function messagesSchema(roles: string[]): Schema {
  return {
    type: 'array',
    minItems: 1,
    items: {
      type: 'object',
      required: ['role', 'content'],
      properties: {
        role: { type: 'string', enum: roles },
        // Array branch first: quadratichq/quadratic#2718 lists its minItems leaf first.
        content: { anyOf: [{ type: 'array', minItems: 1, items: { type: 'object' } }, { type: 'string' }] },
      },
    },
  };
}

// Mid-conversation `role: "system"` messages: Claude Opus 4.8 and later (Anthropic's "What's new in
// Claude 4.8" and mid-conversation system messages docs; earlier models refuse them). No Bedrock
// sighting either way for those models, so they are taken there.
const takesSystemMessages = (model: ModelEntry) => /claude-opus-(4-[8-9]|[5-9])/.test(model.modelId);
const object: Schema = { type: 'object' };

// The keys the Messages schema names. Ranges of temperature/top_p/top_k/max_tokens are our reading
// of the AWS parameter docs. thinking.type takes `adaptive` (Claude 4.6+, Anthropic's adaptive
// thinking docs; capture converse-stream__us.anthropic.claude-sonnet-5__adaptive-thinking).
const PROPERTIES: Record<string, Schema> = {
  anthropic_version: { type: 'string' },
  anthropic_beta: { type: 'array', items: { type: 'string' } },
  max_tokens: { type: 'integer', minimum: 1 },
  messages: messagesSchema(['user', 'assistant']),
  system: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'object' } }] },
  temperature: number01,
  top_p: number01,
  top_k: { type: 'integer', minimum: 0, maximum: 500 },
  stop_sequences: { type: 'array', items: { type: 'string' } },
  tools: { type: 'array', items: { type: 'object' } },
  tool_choice: { type: 'object', required: ['type'], properties: { type: { type: 'string', enum: ['auto', 'any', 'tool', 'none'] } } },
  thinking: { type: 'object', required: ['type'], properties: { type: { type: 'string', enum: ['enabled', 'disabled', 'adaptive'] } } },
  // Structured outputs (format) and effort; `output_format` is the beta spelling Claude 4.5 took.
  output_config: object,
  output_format: object,
  // Claude Code sends `metadata` to Bedrock on every call (2026); a 2024 refusal is outdated.
  metadata: object,
};

// Keys real Bedrock refused, named in a dated report (src/errors.evidence.md §2): the Anthropic
// API's own routing keys, and a Gemini parameter. Any other key is accepted: the Anthropic API has
// grown keys (service_tier, container, mcp_servers, context_management, user_profile_id, …) and
// no Bedrock refusal of them is known for the models that take them.
const REFUSED_KEYS = new Set(['model', 'stream', 'response_mime_type']);

/**
 * Bedrock's Claude schema: anyOf[not-required-messages, the Messages schema]. Every failure of a
 * Messages body reads `#: subject must not be valid against schema {"required":["messages"]}` and
 * then the Messages schema's own leaves (diffbot/code-gpt-docs#300, fumito-ito/AnthropicSwiftSDK#19).
 * The body's own extra keys are let through unless refused by evidence.
 */
function schemaFor(body: unknown, model: ModelEntry): Schema {
  const extra: Record<string, Schema> = takesSystemMessages(model) ? { messages: messagesSchema(['user', 'assistant', 'system']) } : {};
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    for (const key of Object.keys(body)) if (!(key in PROPERTIES) && !REFUSED_KEYS.has(key)) extra[key] = true;
  }
  return {
    anyOf: [
      { not: { required: ['messages'] } },
      { type: 'object', required: ['max_tokens'], properties: { ...PROPERTIES, ...extra }, additionalProperties: false },
    ],
  };
}


// anthropic_version: `bedrock-2023-05-31` everywhere; Anthropic's API version 2026-10-21, which
// @anthropic-ai/bedrock-sdk 1.x and anthropic (Python) 2.x send, on Claude 4.7 and later only
// (platform.claude.com API versioning page; "Claude on Amazon Bedrock (legacy)": the ARN-versioned
// models, Opus 4.6 and earlier, do not take it). Other values: "Invalid API version" (seed 002).
const BEDROCK_VERSION = 'bedrock-2023-05-31';
const API_2026_10_21 = '2026-10-21';
const takes2026Version = (model: ModelEntry) => /claude-(opus|sonnet|haiku)-(4-[7-9]|[5-9])/.test(model.modelId);

function checkVersion(version: string | undefined, model: ModelEntry): void {
  // Missing: the newer models' Anthropic-side wording (seed 002 notes; QuantumNous/new-api#3339).
  if (version === undefined) throw Errors.claudeApiVersionRequired();
  if (version === BEDROCK_VERSION || (version === API_2026_10_21 && takes2026Version(model))) return;
  throw Errors.claudeInvalidApiVersion(version);
}

// anthropic_beta: Bedrock refuses a flag it does not serve for the model with `invalid beta flag`
// (InvokeModelWithResponseStream, 400 ValidationException: farion1231/cc-switch#707, 2026-01;
// yiliqi78/TOKENICODE#59, 2026-03). Only flags seen refused are refused; any other is taken (the
// flags AWS documents, and flags a model lacks, answered 200: BerriAI/litellm#41203, 2026-08).
const BETA_REFUSALS: Array<{ refused: (flag: string) => boolean; model: RegExp }> = [
  // Claude Code's MCP beta (BerriAI/litellm#19875, 2026-01).
  { refused: (flag) => flag === 'mcp-servers-2025-12-04', model: /claude/ },
  // Opus 4.7 took only interleaved thinking in April 2026; Opus 4.6 took claude-code-20250219
  // (anthropics/claude-code#49370, #49648, 2026-04-16/17).
  { refused: (flag) => flag !== 'interleaved-thinking-2025-05-14', model: /claude-opus-4-7/ },
  // Sonnet 4.5 (BerriAI/litellm#41203, 2026-08).
  { refused: (flag) => flag === 'thinking-binding-controls-2026-08-01', model: /claude-sonnet-4-5/ },
];

const refusesBeta = (flags: string[], model: ModelEntry) =>
  flags.some((flag) => BETA_REFUSALS.some((rule) => rule.model.test(model.modelId) && rule.refused(flag)));


/** The checks Anthropic's side makes once the body passed Bedrock's schema. */
function checkMessages(req: MessagesRequest, model: ModelEntry): void {
  // Claude 3 era: assistant first and same-role runs refused (langchain4j#1864, 2024-10;
  // anthropic-sdk-typescript#565/#622, 2024-10/12; claude-code#1162, Claude 3.5 Sonnet, 2025-05).
  // Later models answer with Anthropic's current API, which combines consecutive turns.
  const strictRoles = claude3Era(model);
  req.messages.forEach((message, i) => {
    if (strictRoles && i === 0 && message.role !== 'user') throw Errors.claudeFirstMessageUser();
    if (strictRoles && i > 0 && req.messages[i - 1].role === message.role) throw Errors.claudeRolesAlternate(message.role);
    const last = i === req.messages.length - 1;
    if (message.content === '' && !(last && message.role === 'assistant')) throw Errors.claudeEmptyContent(i);
    if (Array.isArray(message.content) && message.content.some((b) => b?.type === 'text' && b.text === '')) throw Errors.claudeEmptyTextBlock();
  });
  if (req.thinking?.type === 'enabled' && adaptiveOnly(model)) throw Errors.claudeThinkingAdaptiveOnly();
  if (req.thinking?.type === 'enabled') {
    const budget = req.thinking.budget_tokens;
    if (typeof budget !== 'number' || budget < 1024) throw Errors.claudeThinkingBudgetMin();
    if (budget >= req.max_tokens) throw Errors.claudeThinkingBudgetAboveMax();
  }
  if (req.output_config?.effort !== undefined && refusesEffort(model)) throw Errors.claudeExtraInput('output_config.effort');
  // Opus 4.7+ and Sonnet 5 refuse `temperature`, but 1 beside thinking (src/catalog/claude-rules.ts).
  const thinks = req.thinking?.type === 'enabled' || req.thinking?.type === 'adaptive';
  if (req.temperature !== undefined && deprecatesTemperature(model) && !(thinks && req.temperature === 1)) throw Errors.claudeTemperatureDeprecated();
  if (req.temperature !== undefined && req.top_p !== undefined && refusesTemperatureWithTopP(model)) throw Errors.claudeTemperatureWithTopP();
}

export function parseMessages(body: unknown, model: ModelEntry): MessagesRequest {
  validate(schemaFor(body, model), body);
  const req = body as MessagesRequest;
  if (!('messages' in (req as object))) throw Errors.claudeUseMessagesApi(model.responseModelName ?? model.modelId);
  checkVersion(req.anthropic_version, model);
  if (req.anthropic_beta && refusesBeta(req.anthropic_beta, model)) throw Errors.claudeInvalidBeta();
  if (req.max_tokens > model.maxOutputTokens) throw Errors.maxTokensExceeded(model.maxOutputTokens);
  checkMessages(req, model);
  req.tools?.forEach((t, i) => (t?.type === undefined || t.type === 'custom') && checkToolSchema(t?.input_schema, `tools.${i}.custom.input_schema`));
  return req;
}
