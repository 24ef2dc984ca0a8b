// The neutral conversation every family maps its native request into, and the neutral reply the
// responder hands back. Families translate between these and their wire formats; operations never
// decide what a model says.
import type { ChatTemplate } from './chat-template.js';

export type Part =
  | { type: 'text'; text: string }
  /** Images, documents, video, audio: their token cost is estimated, their content is not read. */
  | { type: 'media'; kind: 'image' | 'document' | 'video' | 'audio'; bytes: number; document?: DocumentText }
  | { type: 'tool_use'; id: string; name: string; input: unknown }
  | { type: 'tool_result'; toolUseId: string; text: string }
  | { type: 'reasoning'; text: string };

/** A document's readable text, when the caller asks for citations into it. */
export interface DocumentText {
  title: string;
  text: string;
  citations: boolean;
  /** A PDF's text page by page (they concatenate to `text`): its citations name pages. */
  pages?: string[];
  /** A document given as `source.content` blocks, their texts in order (they concatenate to
   *  `text`): its citations name chunks (Converse `documentChunk`). */
  chunks?: string[];
}

export interface Turn {
  role: 'user' | 'assistant';
  content: Part[];
}

export interface ToolSpec {
  name: string;
  description?: string;
  /** JSON Schema of the tool's input. */
  inputSchema?: unknown;
}

export type ToolChoice = { type: 'auto' } | { type: 'any' } | { type: 'tool'; name: string } | { type: 'none' };

export interface Conversation {
  system?: string;
  messages: Turn[];
  tools?: ToolSpec[];
  toolChoice?: ToolChoice;
  /** The output token limit in force (the request's, else the family default). */
  maxTokens: number;
  stopSequences?: string[];
  /** The answer keeps the stop sequence that ended it, as Nova's do (litellm#9483, langchain-aws#420,
   *  both March 2025: "Nova models include the stop sequence itself in their output"). */
  stopSequenceKept?: boolean;
  /** Extended thinking / reasoning requested. */
  reasoning?: boolean;
  /** Structured output: the answer is JSON valid against this schema (Converse outputConfig). */
  responseSchema?: unknown;
  /** What the model's chat template adds to the input tokens (src/responder/chat-template.ts). */
  template?: ChatTemplate;
}

/** A passage quoted from a document of the conversation: characters start..end of it. */
export interface CitedPassage {
  documentIndex: number;
  title: string;
  start: number;
  end: number;
  quote: string;
}

export type ReplyBlock =
  | { type: 'reasoning'; text: string; signature: string }
  /** Reasoning the model's safety systems encrypted: opaque `data` (Anthropic's redacted_thinking). */
  | { type: 'redacted_reasoning'; data: string }
  | { type: 'text'; text: string }
  | { type: 'citation'; text: string; source: CitedPassage }
  | { type: 'tool_use'; name: string; input: Record<string, unknown> };

export type StopReason = 'end_turn' | 'max_tokens' | 'stop_sequence' | 'tool_use';

/** A scripted failure: the call fails with `error`, or, when streaming, after `afterEvents` events. */
export interface Fault {
  name: string;
  message: string;
  /** Extra members, e.g. ModelStreamErrorException's originalStatusCode. */
  fields?: Record<string, unknown>;
  /** Stream only: how many native events go out before the exception frame. */
  afterEvents?: number;
}

/** A connection cut on purpose (issue 9): no exception frame, the socket just closes. */
export interface Drop {
  /** Close after this many native events have gone out (0: before the first). */
  afterEvents?: number;
  /** Or after this many bytes of the response body. */
  afterBytes?: number;
}

/**
 * How fast an answer goes out (issue 9). Streams: the first event after `ttftMs`, then the text at
 * `tokensPerSecond`, each gap varied by up to ±`jitter` (a fraction, deterministic); non-streaming
 * calls: the whole answer after `latencyMs`.
 */
export interface Pacing {
  ttftMs?: number;
  tokensPerSecond?: number;
  jitter?: number;
  latencyMs?: number;
}

export interface Reply {
  content: ReplyBlock[];
  /** When set, the operation fails as scripted instead of (or part-way through) answering. */
  fault?: Fault;
  /** When set, the connection is cut as scripted. */
  drop?: Drop;
  /** When set, the answer is paced (default: as fast as possible). */
  pacing?: Pacing;
  stopReason: StopReason;
  /** The stop sequence that ended the reply, when stopReason is stop_sequence. */
  stopSequence: string | null;
  usage: { inputTokens: number; outputTokens: number };
}

/** What the model says: one function, so canned bodies, rules and scripts plug in here. */
export type Responder = (conversation: Conversation, modelId: string) => Reply;
