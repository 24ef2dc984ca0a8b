// What a model's chat template adds to the input it is billed for: the beginning-of-text token,
// role markers around each turn, the header the answer starts after, and the system prompts a
// model adds on its own (Claude's tool-use prompt, its citations prompt, gpt-oss's Harmony
// preamble). For short prompts this overhead is most of the count: "Say this is a test" is 5
// tokens of text and 14 input tokens on Claude. One estimate (tokens.ts) counts the text; this
// table adds the overhead, per family, so both stay in one place.
//
// Derivation, from the real (request, input tokens) pairs of ../shared/reference/captures (the
// emulator's text estimate in brackets; conformance/replay/input-tokens.test.ts replays them all):
//
// | family (operation)          | capture: request → real input tokens [text estimate]                 | template          |
// |-----------------------------|----------------------------------------------------------------------|-------------------|
// | Claude Messages (both)      | claude-v2 "Say this is a test" → 14 [5]; claude-3-haiku 3 turns → 38 [23]; | 6 + 3 a turn |
// |                             | claude-3-sonnet 1 turn → 21 [18]; Sonnet 5 Converse 1 turn → 46 [36]  |                   |
// | Claude + tools              | Converse claude-3-sonnet, 1 tool → 269 [96]: 159 is Anthropic's documented tool-use system prompt for Claude 3 Sonnet (auto); 3.5 Sonnet stream → 392 [80] (294 documented) | Anthropic's table |
// | Claude + cited document     | Converse Sonnet 5, 1 txt document with citations → 887 [98], follow-up 975 [127] | +850 |
// | Claude Text Completions     | claude-v2 1 turn → 16 [9]; claude-instant 1 turn → 23 [12]           | 3 + 3 a turn      |
// | Nova (both)                 | invoke "Say this is a test" → 5 [5]; 2026 stream 1 turn → 12 [16]     | none              |
// | Nova + tools                | 1 tool: Converse → 415 [64], 553 [162]; invoke → 427 [81], 566 [180]; stream → 427 [80] | +350 |
// | Titan Text Converse         | "Say this is a test" → 8 [5] (Converse renders "User: …\nBot:")       | 1 + 2 a turn      |
// | Titan Text, Llama, Mistral, Cohere Command, Jurassic-2 InvokeModel | raw prompts: 5 [5], 18 [20], 8 [10], 10 [8], 6 [5], 9 [10], 10 [16] | BOS only (Llama, Mistral: 1) |
// | OpenAI chat completions     | gpt-6-sol 2 turns → 17 [8]; stream 1 turn → 12 [5]                    | 5 + 2 a turn      |
// | gpt-oss Converse            | 1 turn → 74 [9]: the Harmony system preamble (identity, date, reasoning level, channels) | 63 + 2 a turn |
// | DeepSeek-R1 Converse        | 1 turn → 12 [8]; 2 user turns around 2 long assistant turns → 33 [849]: earlier assistant turns are not billed | 2 + 2 a user turn |
//
// Families without a capture (Llama, Mistral, Cohere Command R, Jamba, Palmyra through Converse or
// their chat bodies) use their published chat templates' markers: Llama 3 `<|begin_of_text|>` and a
// `<|start_header_id|>role<|end_header_id|>\n\n … <|eot_id|>` per turn (4 + 4 a turn); Mistral
// `<s>[INST] … [/INST]` (1 + 2 a turn); the other chat bodies 1 + 2 a turn. Raw prompts without a
// capture (DeepSeek's InvokeModel `prompt`) get nothing added.

export interface ChatTemplate {
  /** Tokens around the whole prompt: BOS, the header the answer starts after, a built-in system prompt. */
  base: number;
  /** Role markers around each turn (a system prompt is a turn). */
  perTurn: number;
  /** The tool-use system prompt the model adds when tools are offered. */
  tools?: number;
  /** The prompt added when a document asks for citations. */
  citations?: number;
  /** Earlier assistant turns are left out of the prompt (DeepSeek-R1 on Bedrock). */
  dropsAssistantTurns?: boolean;
}

/** Claude's generation from its model id: claude-v2 → 2, claude-3-5-haiku → 3.5, claude-sonnet-4-5 → 4.5. */
export function claudeGeneration(modelId: string): number {
  const old = /claude-(\d)-(\d)-(?:sonnet|haiku|opus)/.exec(modelId) ?? /claude-(\d)-(?:sonnet|haiku|opus)/.exec(modelId);
  if (old) return Number(old[1]) + (old[2] ? Number(old[2]) / 10 : 0);
  const named = /claude-(?:sonnet|haiku|opus|fable)-(\d+)(?:-(\d)(?=-|$|:))?/.exec(modelId);
  if (named) return Number(named[1]) + (named[2] ? Number(named[2]) / 10 : 0);
  return 2;
}

/**
 * Anthropic's documented tool-use system prompt, in tokens, with tool_choice auto/none and
 * any/tool (docs.anthropic.com, "Tool use pricing and tokens": Claude 3 Opus 530/281, 3 Sonnet
 * 159/235, 3 Haiku 264/340, 3.5 Sonnet (June) 294/261, 3.5 Haiku 264/340, every later model 346/313).
 */
function claudeToolPrompt(modelId: string, forced: boolean): number {
  const pick = (auto: number, any: number) => (forced ? any : auto);
  if (modelId.includes('claude-3-opus')) return pick(530, 281);
  if (modelId.includes('claude-3-sonnet')) return pick(159, 235);
  if (modelId.includes('claude-3-haiku') || modelId.includes('claude-3-5-haiku')) return pick(264, 340);
  if (modelId.includes('claude-3-5-sonnet-20240620')) return pick(294, 261);
  return pick(346, 313);
}

const plain = (base: number, perTurn: number): ChatTemplate => ({ base, perTurn });

/** A conversation with its model's template attached. */
export function templated<C extends { toolChoice?: { type: string } }>(conv: C, family: string, modelId: string, converse: boolean): C & { template: ChatTemplate } {
  const forced = conv.toolChoice?.type === 'any' || conv.toolChoice?.type === 'tool';
  return { ...conv, template: chatTemplate(family, modelId, converse, forced) };
}

/**
 * The template of a model's prompt. `converse`: the request came through Converse (or a chat
 * body); raw-prompt InvokeModel bodies carry their own markers and only get the BOS token.
 */
export function chatTemplate(family: string, modelId: string, converse: boolean, forcedTool = false): ChatTemplate {
  switch (family) {
    case 'anthropic-messages':
      return { base: 6, perTurn: 3, tools: claudeToolPrompt(modelId, forcedTool), citations: 850 };
    case 'anthropic-text':
      return converse ? { base: 6, perTurn: 3, tools: claudeToolPrompt(modelId, forcedTool) } : plain(3, 3);
    case 'nova':
      return { base: 0, perTurn: 0, tools: 350 };
    case 'titan-text':
      return converse ? plain(1, 2) : plain(0, 0);
    case 'llama':
      return converse ? plain(4, 4) : plain(1, 0);
    case 'mistral-text':
      return converse ? plain(1, 2) : plain(1, 0);
    case 'mistral-chat':
      return plain(1, 2);
    case 'openai':
      return modelId.includes('gpt-oss') ? plain(63, 2) : plain(5, 2);
    case 'deepseek':
      return converse ? { base: 2, perTurn: 2, dropsAssistantTurns: modelId.includes('deepseek.r1') } : plain(0, 0);
    case 'cohere-command':
    case 'ai21-j2':
    case 'sagemaker-completions':
      return converse ? plain(1, 2) : plain(0, 0);
    default:
      return plain(1, 2);
  }
}
