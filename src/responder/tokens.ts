// The one token estimate. Body usage, the X-Amzn-Bedrock-*-Token-Count headers, invocation
// metrics and CountTokens all count with these functions, so they always agree.
import type { Conversation, Part } from './types.js';

// A token is a run of up to four non-space characters with the whitespace before it; close
// enough to BPE tokenizers for English text (≈ 4 characters a token) and exactly reproducible.
const TOKEN = /\s*\S{1,4}|\s+/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

export function countTokens(text: string): number {
  return tokenize(text).length;
}

/** A token cost for media that we do not look inside: about one token per 750 bytes, at least 85. */
const mediaTokens = (bytes: number) => Math.max(85, Math.ceil(bytes / 750));

function partTokens(part: Part): number {
  switch (part.type) {
    case 'text':
    case 'reasoning':
      return countTokens(part.text);
    case 'media':
      return mediaTokens(part.bytes);
    case 'tool_use':
      return countTokens(part.name) + countTokens(JSON.stringify(part.input ?? {}));
    case 'tool_result':
      return countTokens(part.text);
  }
}

/** Input tokens of a conversation: its text, media, tool definitions and tool traffic. */
export function conversationTokens(conv: Pick<Conversation, 'system' | 'messages' | 'tools'>): number {
  let total = conv.system ? countTokens(conv.system) : 0;
  for (const turn of conv.messages) for (const part of turn.content) total += partTokens(part);
  for (const tool of conv.tools ?? []) {
    total += countTokens(tool.name) + countTokens(tool.description ?? '') + countTokens(JSON.stringify(tool.inputSchema ?? {}));
  }
  return Math.max(1, total);
}

/** Splits text into stream deltas of `perDelta` tokens each. */
export function deltas(text: string, perDelta = 3): string[] {
  const pieces = tokenize(text);
  const out: string[] = [];
  for (let i = 0; i < pieces.length; i += perDelta) out.push(pieces.slice(i, i + perDelta).join(''));
  return out;
}
