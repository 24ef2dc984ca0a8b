// Identifiers in the forms real Bedrock and its models emit them (FORMATS.md, the captures).
import { randomBytes, randomUUID } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function base62(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += BASE62[bytes[i] % 62];
  return out;
}

export const requestId = (): string => randomUUID();
export const uuid = (): string => randomUUID();
/** Anthropic on Bedrock: `msg_bdrk_01…` (captures from 2024-06 on). */
export const anthropicMessageId = (): string => `msg_bdrk_01${base62(22)}`;
/** Anthropic on Bedrock: `toolu_bdrk_01…`. */
export const anthropicToolUseId = (): string => `toolu_bdrk_01${base62(22)}`;
/** Converse toolUseId: `tooluse_` + 22 characters (converse captures). */
export const converseToolUseId = (): string => `tooluse_${base62(22)}`;
/** OpenAI on Bedrock: `chatcmpl-` + 52 lowercase base32 characters (both gpt captures). */
export const chatCompletionId = (): string => {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  const bytes = randomBytes(52);
  let out = 'chatcmpl-';
  for (let i = 0; i < 52; i++) out += alphabet[bytes[i] % 32];
  return out;
};
/** OpenAI-style tool call id, `call_` + 24 characters (no Bedrock capture; OpenAI's own form). */
export const openaiToolCallId = (): string => `call_${base62(24)}`;
/** AI21 Jamba on Bedrock: `chat-` + 32 hex characters (a Bedrock stream chunk quoted in lobehub's ai21 adapter). */
export const ai21ChatId = (): string => `chat-${randomUUID().replaceAll('-', '')}`;
/** Cohere: generation ids are UUIDs (cohere captures). */
export const cohereGenerationId = (): string => randomUUID();
/** Mistral chat tool calls on Bedrock: 22 base62 characters (`v6RMMiRlT7ygYkT4uULjtg`, the Bedrock Mistral chat-completion docs). */
export const mistralToolCallId = (): string => base62(22);
