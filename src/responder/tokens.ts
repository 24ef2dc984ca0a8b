// The one token estimate. Body usage, the X-Amzn-Bedrock-*-Token-Count headers, invocation
// metrics and CountTokens all count with these functions, so they always agree. The text estimate
// is the same for every model; what each family's chat template adds on top is chat-template.ts.
import type { ChatTemplate } from './chat-template.js';
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
      // A text document counts as its text plus its wrapper (name, format); PDFs as their bytes.
      if (part.document?.text && !part.document.pages) return countTokens(part.document.text) + 8;
      return mediaTokens(part.bytes);
    case 'tool_use':
      return countTokens(part.name) + countTokens(JSON.stringify(part.input ?? {}));
    case 'tool_result':
      return countTokens(part.text);
  }
}

/** What the chat template adds: fixed tokens, role markers, built-in system prompts. */
function templateTokens(conv: Pick<Conversation, 'system' | 'messages' | 'tools'>, template: ChatTemplate): number {
  const turns = conv.messages.length + (conv.system ? 1 : 0);
  let total = template.base + template.perTurn * turns;
  if (template.tools && conv.tools?.length) total += template.tools;
  const cites = conv.messages.some((t) => t.content.some((p) => p.type === 'media' && p.document?.citations));
  if (template.citations && cites) total += template.citations;
  return total;
}

/** Input tokens of a conversation: its text, media, tool definitions and tool traffic, and the
 *  model's chat template when the conversation carries one. */
export function conversationTokens(conv: Pick<Conversation, 'system' | 'messages' | 'tools' | 'template'>): number {
  const template = conv.template;
  const messages = template?.dropsAssistantTurns ? conv.messages.filter((t) => t.role !== 'assistant') : conv.messages;
  let total = conv.system ? countTokens(conv.system) : 0;
  for (const turn of messages) for (const part of turn.content) total += partTokens(part);
  for (const tool of conv.tools ?? []) {
    total += countTokens(tool.name) + countTokens(tool.description ?? '') + countTokens(JSON.stringify(tool.inputSchema ?? {}));
  }
  if (template) total += templateTokens({ ...conv, messages }, template);
  return Math.max(1, total);
}


/** Splits text into stream deltas of `perDelta` tokens each. */
export function deltas(text: string, perDelta = 3): string[] {
  const pieces = tokenize(text);
  const out: string[] = [];
  for (let i = 0; i < pieces.length; i += perDelta) out.push(pieces.slice(i, i + perDelta).join(''));
  return out;
}
