// The constrained part of the Converse / ConverseStream / CountTokens request shapes, as facts
// taken from the bedrock-runtime service model (2026-07-31; bedrock-runtime.shapes.txt):
// required members, lengths, ranges, patterns and enums that Coral enforces.
import type { Shape } from './coral.js';

const str = (extra: Omit<Extract<Shape, { kind: 'string' }>, 'kind'> = {}): Shape => ({ kind: 'string', ...extra });
const struct = (members: Record<string, Shape>, required: string[] = []): Shape => ({ kind: 'structure', members, required });
const union = (members: Record<string, Shape>): Shape => ({ kind: 'union', members });
const list = (member: Shape, min?: number, max?: number): Shape => ({ kind: 'list', member, min, max });
const doc: Shape = { kind: 'document' };
const bytes: Shape = { kind: 'blob', min: 1 };

const TOOL_NAME = str({ min: 1, max: 64, pattern: '[a-zA-Z0-9_-]+' });
const TOOL_USE_ID = str({ min: 1, max: 64, pattern: '[a-zA-Z0-9_.:-]+' });
const S3 = struct({ uri: str({ min: 1, max: 1024, pattern: 's3://[a-z0-9][\\.\\-a-z0-9]{1,61}[a-z0-9](/.*)?' }), bucketOwner: str({ pattern: '[0-9]{12}' }) }, ['uri']);
const mediaSource = union({ bytes, s3Location: S3 });
const TOOL_REFERENCE = struct({ type: str({ min: 1, max: 64 }), name: str({ min: 1, max: 128 }), serverName: str({ min: 1, max: 128 }) });
const CACHE_POINT = struct({ type: str({ enum: ['default'] }), ttl: str({ enum: ['5m', '1h'] }) }, ['type']);

const IMAGE = struct({ format: str({ enum: ['png', 'jpeg', 'gif', 'webp'] }), source: mediaSource }, ['format', 'source']);
const DOCUMENT = struct(
  {
    format: str({ enum: ['pdf', 'csv', 'doc', 'docx', 'xls', 'xlsx', 'html', 'txt', 'md'] }),
    name: str({ min: 1, max: 200 }),
    source: union({ bytes, s3Location: S3, text: str(), content: list(union({ text: str() })) }),
    citations: struct({ enabled: { kind: 'boolean' } }, ['enabled']),
  },
  ['name', 'source'],
);
const VIDEO = struct({ format: str({ enum: ['mkv', 'mov', 'mp4', 'webm', 'flv', 'mpeg', 'mpg', 'wmv', 'three_gp'] }), source: mediaSource }, ['format', 'source']);
const AUDIO = struct(
  { format: str({ enum: ['mp3', 'opus', 'wav', 'aac', 'flac', 'mp4', 'ogg', 'mkv', 'mka', 'x-aac', 'm4a', 'mpeg', 'mpga', 'pcm', 'webm'] }), source: mediaSource },
  ['format', 'source'],
);
const GUARD = union({
  text: struct({ text: str(), qualifiers: list(str({ enum: ['grounding_source', 'query', 'guard_content'] })) }, ['text']),
  image: struct({ format: str({ enum: ['png', 'jpeg'] }), source: union({ bytes }) }, ['format', 'source']),
});

const CONTENT_BLOCK = union({
  text: str(),
  image: IMAGE,
  document: DOCUMENT,
  video: VIDEO,
  audio: AUDIO,
  // `type`: the service model's enum has only server_tool_use, but 2026 Claude answers carry
  // "tool_use" (vercel/ai fixtures, src/converse.evidence.md §9) and clients send assistant
  // messages back as received, with no refusal on record: both are taken.
  toolUse: struct({ toolUseId: TOOL_USE_ID, name: TOOL_NAME, input: doc, type: str({ enum: ['server_tool_use', 'tool_use'] }) }, ['toolUseId', 'name', 'input']),
  toolResult: struct(
    {
      toolUseId: TOOL_USE_ID,
      content: list(union({ json: doc, text: str(), image: IMAGE, document: DOCUMENT, video: VIDEO })),
      status: str({ enum: ['success', 'error'] }),
    },
    ['toolUseId', 'content'],
  ),
  guardContent: GUARD,
  cachePoint: CACHE_POINT,
  reasoningContent: union({ reasoningText: struct({ text: str(), signature: str() }, ['text']), redactedContent: { kind: 'blob' } }),
  // 2026-07-31 model: a tool added to / removed from the set mid-conversation.
  toolAddition: struct({ tool: TOOL_REFERENCE }, ['tool']),
  toolRemoval: struct({ tool: TOOL_REFERENCE }, ['tool']),
});

const MESSAGES = list(struct({ role: str({ enum: ['user', 'assistant', 'system'] }), content: list(CONTENT_BLOCK) }, ['role', 'content']));
const SYSTEM = list(union({ text: str({ min: 1 }), guardContent: GUARD, cachePoint: CACHE_POINT }));
const TOOL_CONFIG = struct(
  {
    tools: list(union({ toolSpec: struct({ name: TOOL_NAME, description: str({ min: 1 }), inputSchema: union({ json: doc }) }, ['name', 'inputSchema']), systemTool: struct({ name: TOOL_NAME }, ['name']), cachePoint: CACHE_POINT }), 1),
    toolChoice: union({ tool: struct({ name: TOOL_NAME }, ['name']) }),
  },
  ['tools'],
);

export const CONVERSE_REQUEST: Shape = struct({
  messages: MESSAGES,
  system: SYSTEM,
  inferenceConfig: struct({
    maxTokens: { kind: 'number', min: 1, integer: true },
    temperature: { kind: 'number', min: 0, max: 1 },
    topP: { kind: 'number', min: 0, max: 1 },
    stopSequences: list(str({ min: 1 }), 0, 2500),
  }),
  toolConfig: TOOL_CONFIG,
  guardrailConfig: struct(
    {
      guardrailIdentifier: str({ min: 0, max: 2048, pattern: '(|([a-z0-9]+)|(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:guardrail/[a-z0-9]+))' }),
      guardrailVersion: str({ pattern: '(|([1-9][0-9]{0,7})|(DRAFT))' }),
      trace: str({ enum: ['enabled', 'disabled', 'enabled_full'] }),
      streamProcessingMode: str({ enum: ['sync', 'async'] }),
    },
    ['guardrailIdentifier', 'guardrailVersion'],
  ),
  additionalModelResponseFieldPaths: list(str({ min: 1, max: 256 }), 0, 10),
  // RequestMetadata (sensitive, so Coral leaves its value out): keys 1..256 and values 0..256 of `[a-zA-Z0-9\s:_@$#=/+,-.]`
  // (service model 2026-07-31; enforced: agentgateway/agentgateway#1739, 2026-05-05).
  requestMetadata: {
    kind: 'map',
    key: str({ min: 1, max: 256, pattern: '[a-zA-Z0-9\\s:_@$#=/+,-.]{1,256}' }),
    value: str({ max: 256, pattern: '[a-zA-Z0-9\\s:_@$#=/+,-.]{0,256}' }),
    min: 1,
    max: 16,
  },
  performanceConfig: struct({ latency: str({ enum: ['standard', 'optimized'] }) }),
  serviceTier: struct({ type: str({ enum: ['priority', 'default', 'flex', 'reserved'] }) }, ['type']),
  outputConfig: struct({
    textFormat: struct(
      { type: str({ enum: ['json_schema'] }), structure: union({ jsonSchema: struct({ schema: str(), name: str(), description: str() }, ['schema']) }) },
      ['type', 'structure'],
    ),
    effort: str({ min: 0, max: 16 }),
  }),
});

/** CountTokens: `{input: {converse: {...}} | {invokeModel: {body}}}`. */
export const COUNT_TOKENS_REQUEST: Shape = struct(
  {
    input: union({
      converse: struct({ messages: MESSAGES, system: SYSTEM, toolConfig: TOOL_CONFIG }),
      invokeModel: struct({ body: { kind: 'blob', min: 0 } }, ['body']),
    }),
  },
  ['input'],
);

/** ApplyGuardrail's request: the URI members with the JSON body (service model ApplyGuardrailRequest). */
export const APPLY_GUARDRAIL_REQUEST: Shape = struct(
  {
    guardrailIdentifier: str({ max: 2048, pattern: '(|([a-z0-9]+)|(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:guardrail/[a-z0-9]+))' }),
    guardrailVersion: str({ pattern: '(|([1-9][0-9]{0,7})|(DRAFT))' }),
    source: str({ enum: ['INPUT', 'OUTPUT'] }),
    content: list(GUARD),
    outputScope: str({ enum: ['INTERVENTIONS', 'FULL'] }),
  },
  ['guardrailIdentifier', 'guardrailVersion', 'source', 'content'],
);
