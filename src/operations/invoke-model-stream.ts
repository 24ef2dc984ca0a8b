// InvokeModelWithResponseStream: POST /model/{modelId}/invoke-with-response-stream (SPEC.md §2,
// §7.3). Families yield native events; here they become `chunk` frames, the last carrying
// `amazon-bedrock-invocationMetrics`, and a failure after the stream opened becomes an
// exception frame rather than a torn connection.
import type { Context } from 'hono';
import { asBedrockError, Errors } from '../errors.js';
import type { Usage } from '../families/family.js';
import type { Runtime } from '../runtime.js';
import { chunkFrame, exceptionFrame, loadCodec } from '../stream/frames.js';
import { faultError } from './fault.js';
import { prepareInvocation } from './prepare-invocation.js';

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

export const invokeModelStream = (runtime: Runtime) => async (c: Context) => {
  const started = performance.now();
  const { family, ctx, request, reply } = await prepareInvocation(c, runtime, true);
  if (!family.stream) throw Errors.streamingNotSupported();
  const { events, usage, metrics = true } = family.stream(request, ctx);
  const fault = reply()?.fault;
  if (fault && fault.afterEvents === undefined) throw faultError(fault);
  const codec = await loadCodec();
  const elapsed = () => Math.max(1, Math.round(performance.now() - started));
  let firstByte = 0;

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let n = 0;
      try {
        const iterator = events[Symbol.iterator]();
        let current = iterator.next();
        while (!current.done) {
          if (fault && n === fault.afterEvents) throw faultError(fault);
          const next = iterator.next();
          let event = current.value;
          if (next.done && metrics) event = { ...event, 'amazon-bedrock-invocationMetrics': invocationMetrics(usage, elapsed(), firstByte || elapsed()) };
          controller.enqueue(chunkFrame(codec, event, n++));
          if (n === 1) firstByte = elapsed();
          current = next;
        }
        // A fault scripted past the last event still fires, after it.
        if (fault) throw faultError(fault);
      } catch (err) {
        controller.enqueue(exceptionFrame(codec, asBedrockError(err)));
      }
      controller.close();
    },
  });
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': 'application/vnd.amazon.eventstream',
      'x-amzn-RequestId': ctx.requestId,
      'X-Amzn-Bedrock-Content-Type': 'application/json',
    },
  });
};
