// Captures the emulator is EXPECTED to answer differently, each with its reason. Only principled
// reasons belong here: a feature the emulator does not offer yet, or a recording of an older real
// behaviour where the emulator deliberately follows the newest one. An emulator bug never goes
// here: it stays a failing test until the emulator is fixed.
//
// Each entry becomes an `it.skip` whose title carries the reason, so the list stays visible in
// every test run, and counts against the pass rate asserted at the end of captures.test.ts.

const GUARDRAILS = 'guardrails not emulated';
const EARLY_2024_CLAUDE = 'pre-2025 format: early-2024 Claude response key order (content before model)';
const BEFORE_SERVER_TOOL_USAGE = 'older format: recorded in 2025, before Converse usage carried serverToolUsage (every 2026 capture has it; the emulator follows them)';
const CLAUDE_TOOL_USE_BEFORE_TYPE = `${BEFORE_SERVER_TOOL_USAGE}; and before Claude's toolUse blocks carried "type": "tool_use" (2026 vercel/ai recorded answers, src/converse.evidence.md §9)`;
const NOVA_BEFORE_CACHE_KEYS = 'older format: recorded before Nova answers carried the cache token counts (emulator follows the newer format)';

export const KNOWN_DIFFERENCES: Record<string, string> = {
  // Converse answers of 2025: usage without `serverToolUsage` (and, for Nova, without the cache
  // counts). The DeepSeek recording carries no date (its headers were filtered); pydantic-ai added
  // it with its Bedrock thinking support in 2025.
  'converse__amazon.nova-micro-v1_0__tool_use': BEFORE_SERVER_TOOL_USAGE,
  'converse__amazon.titan-text-lite-v1': BEFORE_SERVER_TOOL_USAGE,
  'converse__anthropic.claude-3-sonnet-20240229-v1_0__tool_use': CLAUDE_TOOL_USE_BEFORE_TYPE,
  'converse__us.deepseek.r1-v1_0__reasoning': BEFORE_SERVER_TOOL_USAGE,
  'converse-stream__amazon.titan-text-express-v1__guardrail': GUARDRAILS,

  // Guardrails (X-Amzn-Bedrock-GuardrailIdentifier): the real answers carry amazon-bedrock-trace /
  // amazon-bedrock-guardrailAction and float-typed counts, which only a guardrail produces.
  'invoke__amazon.titan-text-express-v1__guardrail-trace': GUARDRAILS,
  'invoke-with-response-stream__amazon.titan-text-express-v1__guardrail': GUARDRAILS,

  // Recordings of an older real behaviour; the emulator follows the newest one recorded.
  // March 2024 Claude 3 answers put `content` before `model` and had ids without `_bdrk_`; every
  // later capture (claude-v2 and 3.5 streams, 2025) has `model` before `content`.
  'invoke__us.anthropic.claude-3-sonnet-20240229-v1_0__early-2024': EARLY_2024_CLAUDE,
  'invoke-with-response-stream__anthropic.claude-3-sonnet-20240229-v1_0': EARLY_2024_CLAUDE,
  // Nova answers of February 2025 have no cacheRead/WriteInputTokenCount (usage, invocation
  // metrics, X-Amzn-Bedrock-Cache-*-Input-Token-Count headers); from March 2025 on they always do.
  'invoke__amazon.nova-micro-v1_0': NOVA_BEFORE_CACHE_KEYS,
  'invoke-with-response-stream__amazon.nova-micro-v1_0': NOVA_BEFORE_CACHE_KEYS,

  // Answers a replay cannot reproduce: they depend on something the recorded request does not say.
  'error__invoke__403-ExpiredTokenException':
    'credential expiry not emulated: the 403 came from an expired session token, which the recording does not carry (the emulator accepts any signature)',
};

/**
 * Recordings of behaviour that real Bedrock itself has since changed, shown by a newer capture of
 * the same model and operation: replayed against real Bedrock today, they would differ too. They
 * stay listed above, and the pass rate is also given over the captures real Bedrock would still
 * reproduce.
 */
export const SUPERSEDED = new Set([
  'converse__amazon.nova-micro-v1_0__tool_use',
  'converse__amazon.titan-text-lite-v1',
  'converse__anthropic.claude-3-sonnet-20240229-v1_0__tool_use',
  'converse__us.deepseek.r1-v1_0__reasoning',
  'invoke__us.anthropic.claude-3-sonnet-20240229-v1_0__early-2024',
  'invoke-with-response-stream__anthropic.claude-3-sonnet-20240229-v1_0',
  'invoke__amazon.nova-micro-v1_0',
  'invoke-with-response-stream__amazon.nova-micro-v1_0',
]);
