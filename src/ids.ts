// Identifiers in the forms real Bedrock and its models emit them (FORMATS.md, the captures).
// They only need to look real and not repeat, not to be secret: Math.random keeps node:crypto
// (about 10 ms to load) off the start-up path, where every request needs an id (issue #2,
// `npm run bench`).

let source: () => number = Math.random;

/** A number in [0, 1): Math.random, or a seeded sequence after `seedIds` (`--seed N`). */
export const random = (): number => source();

/** Makes every id from now on a function of `seed` (mulberry32: small, fast, good enough for ids). */
export function seedIds(seed: number): void {
  let state = seed >>> 0;
  source = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = (source() * 256) | 0;
  return bytes;
}

/** A version-4 UUID, lowercase as Bedrock's request ids are. */
function randomUUID(): string {
  const b = randomBytes(16);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

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
