// GetFoundationModel (control plane): GET /foundation-models/{modelIdentifier}, by id or ARN.
import type { Context } from 'hono';
import { findModel } from '../catalog/index.js';
import { modelSummary } from '../control-plane/foundation-models.js';
import { Errors } from '../errors.js';
import { callerRegion } from '../http/region.js';
import { jsonReply, type HttpReply } from '../http/reply.js';
import type { Runtime } from '../runtime.js';

const FOUNDATION_MODEL_ARN = /^arn:aws(?:-[^:]+)?:bedrock:[a-z0-9-]*::foundation-model\/(.+)$/;

export const getFoundationModel = (runtime: Runtime) => (c: Context): HttpReply => {
  const identifier = c.req.param('modelIdentifier') ?? '';
  c.set('modelId', identifier);
  const entry = findModel(FOUNDATION_MODEL_ARN.exec(identifier)?.[1] ?? identifier);
  // Unverified wording: the runtime's answer for an unknown id; no control-plane capture exists.
  if (!entry) throw Errors.invalidModelId();
  const region = callerRegion(c.req.header('authorization'), runtime.settings.region);
  return jsonReply(200, { modelDetails: modelSummary(entry, region) }, c.get('requestId'));
};
