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
