// Amazon Nova's native request (FORMATS.md §6): its JSON schema and its mapping to a neutral
// Conversation. Bedrock rejects unknown keys at the top level (`#: extraneous key [max_tokens] is
// not permitted`, obsidian-copilot#2145), inside a content block (`#/messages/0/content/1:
// extraneous key [type] is not permitted`) and inside a tool (`#/toolConfig/tools/3: extraneous
// key [cachePoint] is not permitted`): src/errors.evidence.md §2.
import type { Schema } from '../schema/validate.js';
import type { Conversation, Part, ToolChoice, ToolSpec, Turn } from '../responder/types.js';

type Json = Record<string, any>;

export interface NovaRequest {
  schemaVersion?: string;
  system?: Array<{ text?: string }>;
  messages: Array<{ role: 'user' | 'assistant'; content: Json[] }>;
  inferenceConfig?: {
    maxTokens?: number;
    max_new_tokens?: number;
    temperature?: number;
    topP?: number;
    top_p?: number;
    topK?: number;
    top_k?: number;
    stopSequences?: string[];
    stop_sequences?: string[];
  };
  toolConfig?: { tools?: Array<{ toolSpec: { name: string; description?: string; inputSchema?: { json?: unknown } } }>; toolChoice?: Json };
  /** Nova 2 only: `{"type": "enabled", "maxReasoningEffort": "low" | "medium" | "high"}`. */
  reasoningConfig?: { type?: string; maxReasoningEffort?: string };
}

/** Nova 2 (Lite) takes extended thinking; Nova v1 does not. */
export const isNova2 = (modelId: string) => modelId.startsWith('amazon.nova-2');

const str: Schema = { type: 'string' };
const source: Schema = { type: 'object', properties: { bytes: str, s3Location: { type: 'object', required: ['uri'] } } };
const media = (formats: string[], extra: Record<string, Schema> = {}, required = ['format', 'source']): Schema => ({
  type: 'object',
  required,
  properties: { format: { type: 'string', enum: formats }, source, ...extra },
});
const image = media(['png', 'jpeg', 'gif', 'webp']);
const video = media(['mkv', 'mov', 'mp4', 'webm', 'three_gp', 'flv', 'mpeg', 'mpg', 'wmv']);
const document = media(['pdf', 'csv', 'doc', 'docx', 'xls', 'xlsx', 'html', 'txt', 'md'], { name: str }, ['format', 'name', 'source']);
const cachePoint: Schema = { type: 'object', required: ['type'], properties: { type: { type: 'string', enum: ['default'] } } };

const toolResultContent: Schema = {
  type: 'object',
  properties: { text: str, json: true, image, document, video },
  additionalProperties: false,
};

// Replayed reasoning in assistant history: the Nova 2 guide says its Invoke request is "nearly
// identical" to Converse, whose ContentBlock has `reasoningContent`; no refusal either way
// (src/refusals.evidence.md S17).
const reasoningContent: Schema = { type: 'object', properties: { reasoningText: { type: 'object', properties: { text: str } } } };

const contentBlock = (nova2: boolean): Schema => ({
  type: 'object',
  properties: {
    ...(nova2 ? { reasoningContent } : {}),
    text: str,
    image,
    video,
    document,
    toolUse: { type: 'object', required: ['toolUseId', 'name', 'input'], properties: { toolUseId: str, name: str, input: true } },
    toolResult: {
      type: 'object',
      required: ['toolUseId', 'content'],
      properties: { toolUseId: str, content: { type: 'array', items: toolResultContent }, status: { type: 'string', enum: ['success', 'error'] } },
    },
    cachePoint,
  },
  additionalProperties: false,
});

const tool: Schema = {
  type: 'object',
  required: ['toolSpec'],
  properties: {
    toolSpec: {
      type: 'object',
      required: ['name', 'inputSchema'],
      properties: { name: str, description: str, inputSchema: { type: 'object', required: ['json'], properties: { json: { type: 'object' } } } },
    },
  },
  additionalProperties: false,
};

// Nova 2's top-level reasoningConfig: "These are top-level parameters for InvokeModel and
// InvokeModelWithResponseStream" (docs.aws.amazon.com/nova/latest/nova2-userguide/core-inference.html;
// src/refusals.evidence.md S14). Nova v1's schema knows the key too: an enabled one is refused with
// "the provided reasoning config value is invalid", not as an extraneous key (inspect_ai#5301,
// 2026-09-08, Nova Pro through Converse; nova.ts:parse).
const reasoningConfig: Schema = {
  type: 'object',
  properties: { type: { type: 'string', enum: ['enabled', 'disabled'] }, maxReasoningEffort: { type: 'string', enum: ['low', 'medium', 'high'] } },
};

export const novaSchema = (modelId: string): Schema => ({
  type: 'object',
  required: ['messages'],
  properties: {
    reasoningConfig,
    schemaVersion: str,
    system: { type: 'array', items: { type: 'object', properties: { text: str, cachePoint }, additionalProperties: false } },
    messages: {
      type: 'array',
      items: {
        type: 'object',
        required: ['role', 'content'],
        properties: { role: { type: 'string', enum: ['user', 'assistant'] }, content: { type: 'array', items: contentBlock(isNova2(modelId)) } },
        additionalProperties: false,
      },
    },
    inferenceConfig: {
      type: 'object',
      properties: {
        maxTokens: { type: 'integer', minimum: 1 },
        // The snake_case spelling is accepted too: it stopped at 10 with max_tokens (FORMATS.md §6, otel capture).
        max_new_tokens: { type: 'integer', minimum: 1 },
        temperature: { type: 'number', minimum: 0, maximum: 1 },
        // Each sampling key in both spellings: the Nova user guide's camelCase, and the snake_case
        // that InvokeModel callers send (langchain-aws, LiteLLM, many 2025-26 projects use
        // max_new_tokens/top_p/top_k; src/errors.evidence.md "Settled for issue 8"). No refusal of
        // either is known; other keys stay closed like the top level (obsidian-copilot#2145).
        topP: { type: 'number', minimum: 0, maximum: 1 },
        top_p: { type: 'number', minimum: 0, maximum: 1 },
        topK: { type: 'integer', minimum: 0 },
        top_k: { type: 'integer', minimum: 0 },
        stopSequences: { type: 'array', items: str },
        stop_sequences: { type: 'array', items: str },
      },
      additionalProperties: false,
    },
    toolConfig: {
      type: 'object',
      properties: {
        tools: { type: 'array', items: tool },
        toolChoice: {
          type: 'object',
          properties: { auto: { type: 'object' }, any: { type: 'object' }, tool: { type: 'object', required: ['name'], properties: { name: str } } },
          additionalProperties: false,
        },
      },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
});

/** Decoded size of a base64 payload; S3 references count as a small image. */
const bytesOf = (block: Json | undefined): number => {
  const b64 = block?.source?.bytes;
  return typeof b64 === 'string' ? Math.floor((b64.length * 3) / 4) : 0;
};

function parts(content: Json[]): Part[] {
  const out: Part[] = [];
  for (const block of content) {
    if (typeof block.text === 'string') out.push({ type: 'text', text: block.text });
    else if (block.image) out.push({ type: 'media', kind: 'image', bytes: bytesOf(block.image) });
    else if (block.video) out.push({ type: 'media', kind: 'video', bytes: bytesOf(block.video) });
    else if (block.document) out.push({ type: 'media', kind: 'document', bytes: bytesOf(block.document) });
    else if (block.toolUse) out.push({ type: 'tool_use', id: block.toolUse.toolUseId, name: block.toolUse.name, input: block.toolUse.input });
    else if (block.toolResult) {
      const text = (block.toolResult.content as Json[])
        .map((c) => (typeof c.text === 'string' ? c.text : c.json !== undefined ? JSON.stringify(c.json) : ''))
        .join('\n');
      out.push({ type: 'tool_result', toolUseId: block.toolResult.toolUseId, text });
    }
  }
  return out;
}

function toolChoiceOf(choice: Json | undefined): ToolChoice | undefined {
  if (!choice) return undefined;
  if (choice.tool) return { type: 'tool', name: choice.tool.name };
  if (choice.any) return { type: 'any' };
  return { type: 'auto' };
}

/** The neutral conversation of a validated Nova request; `maxTokens` already resolved. */
export function novaConversation(req: NovaRequest, maxTokens: number, modelId: string): Conversation {
  const system = (req.system ?? []).map((s) => s.text ?? '').filter(Boolean).join('\n');
  const messages: Turn[] = req.messages.map((m) => ({ role: m.role, content: parts(m.content) }));
  const tools: ToolSpec[] | undefined = req.toolConfig?.tools?.map((t) => ({
    name: t.toolSpec.name,
    description: t.toolSpec.description,
    inputSchema: t.toolSpec.inputSchema?.json,
  }));
  return {
    system: system || undefined,
    messages,
    tools: tools?.length ? tools : undefined,
    toolChoice: toolChoiceOf(req.toolConfig?.toolChoice),
    maxTokens,
    stopSequences: req.inferenceConfig?.stopSequences ?? req.inferenceConfig?.stop_sequences,
    stopSequenceKept: true,
    ...(isNova2(modelId) && req.reasoningConfig?.type === 'enabled' ? { reasoning: true } : {}),
  };
}
