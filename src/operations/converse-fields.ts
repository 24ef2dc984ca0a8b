// additionalModelResponseFieldPaths: JSON Pointers (RFC 6901) into the model's native answer,
// returned as `additionalModelResponseFields` (SPEC.md §3, §6). The native answer is known for
// Messages-API models (FORMATS.md §1: Claude's response body); other models select nothing.
// A path that is not a JSON Pointer is refused with 400 (SPEC.md §3).
import type { ModelEntry } from '../catalog/types.js';
import { ConverseErrors } from '../errors.js';
import type { Reply } from '../responder/types.js';

/**
 * The fields of Claude's native response that do not depend on rendering its content, with the
 * `delta` of its stream's message_delta event beside them: real answers resolve
 * `/delta/stop_sequence` to `{"delta":{"stop_sequence":null}}` (a raw ConverseStream of
 * eu.anthropic.claude-sonnet-4-6 recorded 2026-08-18, vercel/ai
 * packages/amazon-bedrock/src/__fixtures__/issue-18994-live-converse-stream.json; the same member in
 * issue-13927-request-metadata.chunks.txt and issue-9101-bedrock-document-citations.chunks.txt, 2026;
 * vercel/ai#11410, 2025-12-23, "verified with both generateText and streamText") while
 * `/stop_sequence` keeps answering `{"stop_sequence":…}` (issue-11363-* fixtures, 2026-07).
 */
function nativeView(entry: ModelEntry, reply: Reply): Record<string, unknown> {
  if (entry.family !== 'anthropic-messages') return {};
  return {
    type: 'message',
    role: 'assistant',
    model: entry.responseModelName ?? entry.modelId,
    stop_reason: reply.stopReason,
    stop_sequence: reply.stopSequence,
    usage: { input_tokens: reply.usage.inputTokens, output_tokens: reply.usage.outputTokens },
    delta: { stop_reason: reply.stopReason, stop_sequence: reply.stopSequence },
  };
}

const unescape = (token: string) => token.replace(/~1/g, '/').replace(/~0/g, '~');

/** Checks the pointers before the model runs. */
export function checkFieldPaths(input: Record<string, any>): void {
  for (const path of (input.additionalModelResponseFieldPaths ?? []) as string[]) {
    if (!path.startsWith('/') || /~[^01]/.test(path)) throw ConverseErrors.invalidFieldPath(path);
  }
}

export function additionalFields(input: Record<string, any>, entry: ModelEntry, reply: Reply) {
  const paths: string[] = input.additionalModelResponseFieldPaths ?? [];
  if (paths.length === 0) return {};
  const native = nativeView(entry, reply);
  const fields: Record<string, unknown> = {};
  for (const path of paths) {
    const tokens = path.slice(1).split('/').map(unescape);
    let value: unknown = native;
    for (const token of tokens) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[token] : undefined;
    if (value === undefined) continue;
    // The selected value sits under the same path in the answer.
    let into = fields;
    tokens.slice(0, -1).forEach((token) => (into = (into[token] ??= {}) as Record<string, unknown>));
    into[tokens[tokens.length - 1]] = value;
  }
  return { additionalModelResponseFields: fields };
}
