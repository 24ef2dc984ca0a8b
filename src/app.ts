// The route table: every operation the emulator answers, and nothing else.
// HonoBase is Hono without its default routers (RegExp + Trie, 30 kB more to compile at start).
import { HonoBase as Hono } from 'hono/hono-base';
import { LinearRouter } from 'hono/router/linear-router';
import { notFound, onError, operation, requestContext, requireAuthorization } from './http/middleware.js';
import { invokeModel } from './operations/invoke-model.js';
import { invokeModelStream } from './operations/invoke-model-stream.js';
import { converse } from './operations/converse.js';
import { converseStream } from './operations/converse-stream.js';
import { countTokens } from './operations/count-tokens.js';
import { applyGuardrail } from './operations/apply-guardrail.js';
import { getFoundationModel } from './operations/get-foundation-model.js';
import { getInferenceProfile } from './operations/get-inference-profile.js';
import { listFoundationModels } from './operations/list-foundation-models.js';
import { listInferenceProfiles } from './operations/list-inference-profiles.js';
import type { Runtime } from './runtime.js';
import { adminRoutes } from './admin/routes.js';
import { journalRequests } from './http/journal.js';

export function createApp(runtime: Runtime): Hono {
  // A handful of routes: the linear router matches them without the RegExpRouter's build step,
  // which would otherwise run inside the very first request (start-up time, conformance/bench).
  const app = new Hono({ router: new LinearRouter() });
  app.use(requestContext(runtime));
  // The admin API (/_emulator/…): before the journal and the Authorization check, which are Bedrock's.
  if (runtime.control) {
    app.route('/_emulator', adminRoutes(runtime.control));
    app.use(journalRequests(runtime.control.journal));
  }
  app.use(requireAuthorization(runtime));

  // bedrock-runtime (SPEC.md §2)
  app.post('/model/:modelId/invoke', operation('InvokeModel', invokeModel(runtime)));
  app.post('/model/:modelId/invoke-with-response-stream', operation('InvokeModelWithResponseStream', invokeModelStream(runtime)));
  app.post('/model/:modelId/converse', operation('Converse', converse(runtime)));
  app.post('/model/:modelId/converse-stream', operation('ConverseStream', converseStream(runtime)));
  app.post('/model/:modelId/count-tokens', operation('CountTokens', countTokens(runtime)));
  app.post('/guardrail/:guardrailIdentifier/version/:guardrailVersion/apply', operation('ApplyGuardrail', applyGuardrail(runtime)));

  // bedrock control plane, same port (SPEC.md §9), for clients with AWS_ENDPOINT_URL_BEDROCK
  app.get('/foundation-models', operation('ListFoundationModels', listFoundationModels(runtime)));
  app.get('/foundation-models/:modelIdentifier', operation('GetFoundationModel', getFoundationModel(runtime)));
  app.get('/inference-profiles', operation('ListInferenceProfiles', listInferenceProfiles(runtime)));
  app.get('/inference-profiles/:inferenceProfileIdentifier', operation('GetInferenceProfile', getInferenceProfile(runtime)));

  app.notFound(notFound);
  app.onError(onError(runtime));
  return app;
}
