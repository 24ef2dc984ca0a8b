// The one small interface every model family implements. A family knows its model's native
// InvokeModel body (FORMATS.md): it validates a request, maps it to the neutral Conversation,
// renders the responder's Reply as the native response body, and yields native stream events.
// Families never touch HTTP, headers or event-stream framing.
import type { FamilyName, ModelEntry } from '../catalog/types.js';
import type { Conversation, Reply } from '../responder/types.js';

export interface InvokeContext {
  /** The catalog entry the model id resolved to. */
  model: ModelEntry;
  /** The request id (`x-amzn-RequestId`); Cohere echoes it as the body's `id`. */
  requestId: string;
  /** The model id exactly as the caller wrote it (a profile id, say); OpenAI bodies echo it as `model`. */
  modelIdAsCalled?: string;
  /** Asks the responder what the model says. */
  respond(conversation: Conversation): Reply;
}

/** Token counts for the X-Amzn-Bedrock-*-Token-Count headers and the invocation metrics. */
export interface Usage {
  inputTokens: number;
  /** Absent for embedding and rerank models: no Output-Token-Count header (FORMATS.md §0). */
  outputTokens?: number;
  /** Present where the model reports prompt caching (Nova always; Claude when cache_control is used). */
  cacheReadInputTokens?: number;
  cacheWriteInputTokens?: number;
  /** Rerank sends only the latency header (FORMATS.md §0). */
  latencyOnly?: boolean;
}

export interface InvokeResult {
  /** The response body; its key order is the wire order. */
  body: unknown;
  usage: Usage;
}

export interface StreamResult {
  /** Native inner events in order. The operation adds `amazon-bedrock-invocationMetrics` to the last. */
  events: Iterable<Record<string, unknown>>;
  usage: Usage;
}

export interface Family<Req = any> {
  name: FamilyName;
  /** Validates the parsed JSON body; throws a BedrockError worded as Bedrock words it. */
  parse(body: unknown, ctx: InvokeContext): Req;
  invoke(req: Req, ctx: InvokeContext): InvokeResult;
  /** Absent when the family's models cannot stream. */
  stream?(req: Req, ctx: InvokeContext): StreamResult;
}
