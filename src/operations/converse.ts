// Converse: POST /model/{modelId}/converse (SPEC.md §2, §6).
import type { Context } from 'hono';
import { converseBody, documentsOf, echoedSettings, orderBlocks } from '../converse/render.js';
import { jsonReply, type HttpReply } from '../http/reply.js';
import type { Runtime } from '../runtime.js';
import { additionalFields } from './converse-fields.js';
import { faultError } from './fault.js';
import { answerLatency, pacingOf } from '../stream/pacing.js';
import { prepareConverse } from './prepare-converse.js';
import { windowStop } from './context-window.js';
import { now } from '../clock.js';

export const converse = (runtime: Runtime) => async (c: Context): Promise<HttpReply> => {
  const started = now();
  const { entry, traits, input, conversation, cache, windowBound } = await prepareConverse(c, runtime, false);
  const reply = windowStop(runtime.respond(conversation, entry.modelId), windowBound);
  if (reply.fault) throw faultError(reply.fault);
  const blocks = orderBlocks(reply, traits);
  // A paced answer is held until its latency has passed, which metrics.latencyMs then reports.
  const paced = answerLatency(pacingOf(reply, entry.modelId, runtime.settings.realisticPacing), reply.usage.outputTokens);
  const latencyMs = Math.max(1, Math.round(Math.max(paced, now() - started)));
  const rendering = { traits, modelId: entry.modelId, cache, documents: documentsOf(conversation), echoed: echoedSettings(input) };
  const body = converseBody(blocks, reply, rendering, latencyMs, additionalFields(input, entry, reply));
  const script = { ...(paced ? { notBefore: started + paced } : {}), ...(reply.drop ? { cutAfterBytes: reply.drop.afterBytes ?? 0 } : {}) };
  return { ...jsonReply(200, body, c.get('requestId')), ...script };
};
