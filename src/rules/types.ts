// Rules (issue 9): scripted answers for requests that match. One model behind every entry point:
// the --rules file, the admin API (/_emulator/rules) and startEmulator().rules all take these.
import type { Drop, Pacing, StopReason } from '../responder/types.js';

/** Text match: a substring, or a regular expression written `/source/flags`. */
export type TextMatch = string;

export interface RuleMatch {
  /** Operation name(s): InvokeModel, InvokeModelWithResponseStream, Converse, ConverseStream, CountTokens, … */
  operation?: string | string[];
  /** Model id: exact, a glob with `*`, or `/regex/`; tried on the id as sent and on the resolved base id. */
  model?: string;
  /** The text of the last user message. */
  prompt?: TextMatch;
  /** The text of any message (user or assistant, text parts and tool results). */
  anyMessage?: TextMatch;
  /** The system prompt. */
  system?: TextMatch;
  /** Tools offered: every name listed must be offered. */
  tools?: string | string[];
  /** Tool choice: auto, any, none, tool (any specific tool), or a tool's name. */
  toolChoice?: string;
  /** Request headers (name → text match, case-insensitive names). */
  headers?: Record<string, TextMatch>;
}

export interface ToolCall {
  name: string;
  input?: Record<string, unknown>;
}

export interface RuleReply {
  text?: string;
  /** Structured output: this JSON, sent as the answer's text. */
  json?: unknown;
  toolUse?: ToolCall | ToolCall[];
  reasoning?: string;
  stopReason?: StopReason;
  usage?: { inputTokens?: number; outputTokens?: number };
}

export interface RuleError {
  /** Any Bedrock error name (src/errors.ts): ThrottlingException, ValidationException, … */
  name: string;
  /** Default: AWS's message for that error. */
  message?: string;
}

export interface RuleStreamError {
  /** Default ModelStreamErrorException. */
  name?: string;
  message?: string;
  /** How many events go out before the exception frame. */
  afterEvents: number;
}

/** What one call answers: any mix of these; nothing at all means "as the fixtures would". */
export interface RuleAnswer {
  reply?: RuleReply;
  error?: RuleError;
  streamError?: RuleStreamError;
  drop?: Drop;
  pacing?: Pacing;
}

export interface Rule extends RuleAnswer {
  /** Given or assigned (rule-1, rule-2, …). */
  id?: string;
  match?: RuleMatch;
  /** 1st matching call answers sequence[0], 2nd sequence[1], …; the last one repeats. */
  sequence?: RuleAnswer[];
  /** How many calls the rule answers before it stops matching (default: unlimited). */
  times?: number;
  /** Higher first; equal priorities in the order added. Default 0. */
  priority?: number;
}

/** A rule as stored: with its id, where it came from and how many calls it answered. */
export interface StoredRule extends Rule {
  id: string;
  source: 'api' | 'file';
  /** Calls answered so far. */
  calls: number;
}
