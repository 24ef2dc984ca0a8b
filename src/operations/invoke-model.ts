// InvokeModel: POST /model/{modelId}/invoke (SPEC.md §2, headers §5).
import type { Context } from 'hono';
import { echoedHeaders } from '../http/echoed-headers.js';
import type { HttpReply } from '../http/reply.js';
import type { Runtime } from '../runtime.js';
import { faultError } from './fault.js';
import { answerLatency, pacingOf } from '../stream/pacing.js';
import { prepareInvocation } from './prepare-invocation.js';
import { now } from '../clock.js';

export const invokeModel = (runtime: Runtime) => async (c: Context): Promise<HttpReply> => {
  const started = now();
  const { family, ctx, request, reply } = await prepareInvocation(c, runtime, false);
  const { body, usage } = family.invoke(request, ctx);
  const answer = reply();
  if (answer?.fault) throw faultError(answer.fault);
  // A paced answer is held until its latency has passed, which the latency header then reports.
  const paced = answerLatency(pacingOf(answer, ctx.model.modelId, runtime.settings.realisticPacing), usage.outputTokens ?? 0);
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'x-amzn-RequestId': ctx.requestId,
    'X-Amzn-Bedrock-Invocation-Latency': String(Math.max(1, Math.round(Math.max(paced, now() - started)))),
  };
  // Order as boto3 printed a real response (seed 003): latency, cache write/read, output, input.
  if (!usage.latencyOnly) {
    if (usage.cacheWriteInputTokens !== undefined) headers['X-Amzn-Bedrock-Cache-Write-Input-Token-Count'] = String(usage.cacheWriteInputTokens);
    if (usage.cacheReadInputTokens !== undefined) headers['X-Amzn-Bedrock-Cache-Read-Input-Token-Count'] = String(usage.cacheReadInputTokens);
    if (usage.outputTokens !== undefined) headers['X-Amzn-Bedrock-Output-Token-Count'] = String(usage.outputTokens);
    headers['X-Amzn-Bedrock-Input-Token-Count'] = String(usage.inputTokens);
  }
  Object.assign(headers, echoedHeaders(c));
  const script = { ...(paced ? { notBefore: started + paced } : {}), ...(answer?.drop ? { cutAfterBytes: answer.drop.afterBytes ?? 0 } : {}) };
  return { status: 200, headers, body: JSON.stringify(body), ...script };
};
