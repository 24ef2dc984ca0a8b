// ConverseStream: POST /model/{modelId}/converse-stream (SPEC.md §7.4). Each event is its own
// frame (`:event-type` = the union member); a failure after the stream opened is an exception
// frame of the ConverseStreamOutput union.
import type { Context } from 'hono';
import { converseEvents, documentsOf, echoedSettings, orderBlocks } from '../converse/render.js';
import type { HttpReply } from '../http/reply.js';
import type { Runtime } from '../runtime.js';
import { eventFrame, loadCodec } from '../stream/frames.js';
import { textTokens, pacingOf } from '../stream/pacing.js';
import { eventStreamBody } from '../stream/response.js';
import { additionalFields } from './converse-fields.js';
import { faultError } from './fault.js';
import { prepareConverse } from './prepare-converse.js';
import { windowStop } from './context-window.js';
import { now } from '../clock.js';

export const converseStream = (runtime: Runtime) => async (c: Context): Promise<HttpReply> => {
  const started = now();
  const { entry, traits, input, conversation, cache, windowBound } = await prepareConverse(c, runtime, true);
  const reply = windowStop(runtime.respond(conversation, entry.modelId), windowBound);
  const fault = reply.fault;
  if (fault && fault.afterEvents === undefined) throw faultError(fault);
  const codec = await loadCodec();
  const { additionalModelResponseFields } = additionalFields(input, entry, reply) as { additionalModelResponseFields?: unknown };
  const extra = additionalModelResponseFields ? { additionalModelResponseFields } : {};
  const rendering = { traits, modelId: entry.modelId, cache, documents: documentsOf(conversation), echoed: echoedSettings(input) };
  const events = converseEvents(orderBlocks(reply, traits), reply, rendering, () => Math.max(1, Math.round(now() - started)), extra);
  // Encoded one by one as the body is produced, so a failure still becomes an exception frame.
  const pacing = pacingOf(reply, entry.modelId, runtime.settings.realisticPacing);
  const frames = (function* () {
    for (const event of events) {
      // A paced stream's metadata reports the time it really took (the events were rendered up front).
      if (pacing && event.type === 'metadata') (event.payload as { metrics: { latencyMs: number } }).metrics.latencyMs = Math.max(1, Math.round(now() - started));
      yield { bytes: eventFrame(codec, event.type, event.payload), tokens: textTokens(event.payload) };
    }
  })();
  const failure = fault ? { events: fault.afterEvents ?? 0, error: faultError(fault) } : undefined;
  return { status: 200, headers: { 'Content-Type': 'application/vnd.amazon.eventstream', 'x-amzn-RequestId': c.get('requestId') }, body: eventStreamBody(codec, frames, { failure, pacing, start: started, drop: reply.drop }) };
};
