// InvokeModelWithResponseStream: POST /model/{modelId}/invoke-with-response-stream (SPEC.md §2,
// §7.3). Families yield native events; here they become `chunk` frames, the last carrying
// `amazon-bedrock-invocationMetrics`, and a failure after the stream opened becomes an
// exception frame rather than a torn connection.
import type { Context } from 'hono';
import { Errors } from '../errors.js';
import type { Usage } from '../families/family.js';
import { echoedHeaders } from '../http/echoed-headers.js';
import type { HttpReply } from '../http/reply.js';
import type { Runtime } from '../runtime.js';
import { chunkFrame, loadCodec } from '../stream/frames.js';
import { pacingOf, textTokens } from '../stream/pacing.js';
import { eventStreamBody } from '../stream/response.js';
import { faultError } from './fault.js';
import { prepareInvocation } from './prepare-invocation.js';
import { now } from '../clock.js';

function invocationMetrics(usage: Usage, latency: number, firstByte: number) {
  const metrics: Record<string, number> = {
    inputTokenCount: usage.inputTokens,
    outputTokenCount: usage.outputTokens ?? 0,
    invocationLatency: latency,
    firstByteLatency: firstByte,
  };
  // Newer captures append the cache counts (FORMATS.md §0, invocationMetrics).
  if (usage.cacheReadInputTokens !== undefined) metrics.cacheReadInputTokenCount = usage.cacheReadInputTokens;
  if (usage.cacheWriteInputTokens !== undefined) metrics.cacheWriteInputTokenCount = usage.cacheWriteInputTokens;
  return metrics;
}

export const invokeModelStream = (runtime: Runtime) => async (c: Context): Promise<HttpReply> => {
  const started = now();
  const { family, ctx, request, reply } = await prepareInvocation(c, runtime, true);
  if (!family.stream) throw Errors.streamingNotSupported();
  const { events, usage } = family.stream(request, ctx);
  const answer = reply();
  const fault = answer?.fault;
  if (fault && fault.afterEvents === undefined) throw faultError(fault);
  const codec = await loadCodec();
  const elapsed = () => Math.max(1, Math.round(now() - started));

  // One event of lookahead: the last one carries the invocation metrics.
  function* frames() {
    let firstByte = 0;
    let n = 0;
    const iterator = events[Symbol.iterator]();
    let current = iterator.next();
    while (!current.done) {
      const next = iterator.next();
      let event = current.value;
      if (next.done) event = { ...event, 'amazon-bedrock-invocationMetrics': invocationMetrics(usage, elapsed(), firstByte || elapsed()) };
      yield { bytes: chunkFrame(codec, event, n++), tokens: textTokens(event) };
      if (n === 1) firstByte = elapsed();
      current = next;
    }
  }
  const failure = fault ? { events: fault.afterEvents ?? 0, error: faultError(fault) } : undefined;
  return {
    status: 200,
    body: eventStreamBody(codec, frames(), { failure, pacing: pacingOf(answer, ctx.model.modelId, runtime.settings.realisticPacing), start: started, drop: answer?.drop }),
    headers: {
      'Content-Type': 'application/vnd.amazon.eventstream',
      'x-amzn-RequestId': ctx.requestId,
      'X-Amzn-Bedrock-Content-Type': 'application/json',
      ...echoedHeaders(c),
    },
  };
};
