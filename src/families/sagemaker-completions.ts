// Bedrock Marketplace models on a SageMaker endpoint (modelId = the endpoint ARN): the body goes
// to the model's container as is, and TGI answers in OpenAI's `text_completion` shape
// (invoke__imported-model-sagemaker-endpoint-arn: `"model":"/opt/ml/model"`, an empty `id`,
// `system_fingerprint` = the TGI version). TGI is lenient: that capture sent `"topP": 2` and got
// a 200, so only `prompt` is checked.
import { deltas } from '../responder/tokens.js';
import type { Reply } from '../responder/types.js';
import { validate, type Schema } from '../schema/validate.js';
import { FINISH_REASON, textOf } from './chat-completions.js';
import { wallClock } from '../clock.js';
import type { Family, InvokeContext } from './family.js';

interface CompletionRequest {
  prompt: string;
  max_tokens?: number;
  stop?: string[];
}

const schema: Schema = { type: 'object', required: ['prompt'], properties: { prompt: { type: 'string' } } };

function answer(req: CompletionRequest, ctx: InvokeContext): Reply {
  return ctx.respond({
    messages: [{ role: 'user', content: [{ type: 'text', text: req.prompt }] }],
    maxTokens: typeof req.max_tokens === 'number' ? req.max_tokens : 100,
    stopSequences: Array.isArray(req.stop) ? req.stop.filter((s) => typeof s === 'string') : undefined,
  });
}

const envelope = (choices: unknown[], usage: unknown) => ({
  object: 'text_completion',
  id: '',
  created: Math.floor(wallClock() / 1000),
  model: '/opt/ml/model',
  system_fingerprint: '3.0.1-native',
  choices,
  usage,
});

const usageOf = (r: Reply) => ({
  prompt_tokens: r.usage.inputTokens,
  completion_tokens: r.usage.outputTokens,
  total_tokens: r.usage.inputTokens + r.usage.outputTokens,
});

export const sagemakerCompletions: Family<CompletionRequest> = {
  name: 'sagemaker-completions',
  parse: (body) => validate<CompletionRequest>(schema, body),
  invoke(req, ctx) {
    const r = answer(req, ctx);
    const choice = { index: 0, text: textOf(r.content), logprobs: null, finish_reason: FINISH_REASON[r.stopReason] };
    return { body: envelope([choice], usageOf(r)), usage: { inputTokens: r.usage.inputTokens, outputTokens: r.usage.outputTokens } };
  },
  // Not captured: TGI's streamed completions, one piece per chunk, the reason and usage on the last.
  stream(req, ctx) {
    const r = answer(req, ctx);
    const pieces = deltas(textOf(r.content));
    if (pieces.length === 0) pieces.push('');
    const events = pieces.map((text, i) => {
      const last = i === pieces.length - 1;
      return envelope([{ index: 0, text, logprobs: null, finish_reason: last ? FINISH_REASON[r.stopReason] : null }], last ? usageOf(r) : null);
    });
    return { events, usage: { inputTokens: r.usage.inputTokens, outputTokens: r.usage.outputTokens } };
  },
};

export default sagemakerCompletions;
