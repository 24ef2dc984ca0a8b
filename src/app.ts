// The route table: every operation the emulator answers, and nothing else.
import { Hono } from 'hono';
import { notFound, onError, operation, requestContext, requireAuthorization } from './http/middleware.js';
import { invokeModel } from './operations/invoke-model.js';
import { invokeModelStream } from './operations/invoke-model-stream.js';
import type { Runtime } from './runtime.js';

export function createApp(runtime: Runtime): Hono {
  const app = new Hono();
  app.use(requestContext(runtime));
  app.use(requireAuthorization(runtime));

  // bedrock-runtime (SPEC.md §2)
  app.post('/model/:modelId/invoke', operation('InvokeModel', invokeModel(runtime)));
  app.post('/model/:modelId/invoke-with-response-stream', operation('InvokeModelWithResponseStream', invokeModelStream(runtime)));

  app.notFound(notFound);
  app.onError(onError(runtime));
  return app;
}
