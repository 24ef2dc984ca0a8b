// ConverseStream: POST /model/{modelId}/converse-stream (SPEC.md §7.4). Each event is its own
// frame (`:event-type` = the union member); a failure after the stream opened is an exception
// frame of the ConverseStreamOutput union.
import type { Context } from 'hono';
import { converseEvents, orderBlocks } from '../converse/render.js';
import { asBedrockError } from '../errors.js';
import type { Runtime } from '../runtime.js';
import { eventFrame, exceptionFrame, loadCodec } from '../stream/frames.js';
import { additionalFields } from './converse-fields.js';
import { faultError } from './fault.js';
import { prepareConverse } from './prepare-converse.js';

export const converseStream = (runtime: Runtime) => async (c: Context) => {
  const started = performance.now();
  const { entry, traits, input, conversation, cache } = await prepareConverse(c, runtime, true);
  const reply = runtime.respond(conversation, entry.modelId);
  const fault = reply.fault;
  if (fault && fault.afterEvents === undefined) throw faultError(fault);
  const codec = await loadCodec();
  const { additionalModelResponseFields } = additionalFields(input, entry, reply) as { additionalModelResponseFields?: unknown };
  const extra = additionalModelResponseFields ? { additionalModelResponseFields } : {};
  const events = converseEvents(orderBlocks(reply, traits), reply, traits, () => Math.max(1, Math.round(performance.now() - started)), extra, cache);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      try {
        events.forEach((event, n) => {
          if (fault && n === fault.afterEvents) throw faultError(fault);
          controller.enqueue(eventFrame(codec, event.type, event.payload));
        });
        if (fault) throw faultError(fault);
      } catch (err) {
        controller.enqueue(exceptionFrame(codec, asBedrockError(err)));
      }
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'application/vnd.amazon.eventstream', 'x-amzn-RequestId': c.get('requestId') } });
};
