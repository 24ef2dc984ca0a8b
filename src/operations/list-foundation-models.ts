// ListFoundationModels (control plane): GET /foundation-models with its filters (SPEC.md §9).
import type { Context } from 'hono';
import { listModels, modelSummary } from '../control-plane/foundation-models.js';
import { callerRegion } from '../http/region.js';
import { jsonReply, type HttpReply } from '../http/reply.js';
import type { Runtime } from '../runtime.js';

export const listFoundationModels = (runtime: Runtime) => (c: Context): HttpReply => {
  const region = callerRegion(c.req.header('authorization'), runtime.settings.region);
  const models = listModels({
    byProvider: c.req.query('byProvider'),
    byCustomizationType: c.req.query('byCustomizationType'),
    byOutputModality: c.req.query('byOutputModality'),
    byInferenceType: c.req.query('byInferenceType'),
  });
  return jsonReply(200, { modelSummaries: models.map((m) => modelSummary(m, region)) }, c.get('requestId'));
};
