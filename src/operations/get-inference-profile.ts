// GetInferenceProfile (control plane): GET /inference-profiles/{inferenceProfileIdentifier}.
import type { Context } from 'hono';
import { findProfile, profileDescription } from '../control-plane/inference-profiles.js';
import { BedrockError } from '../errors.js';
import { callerRegion } from '../http/region.js';
import { jsonReply, type HttpReply } from '../http/reply.js';
import type { Runtime } from '../runtime.js';

export const getInferenceProfile = (runtime: Runtime) => (c: Context): HttpReply => {
  const identifier = c.req.param('inferenceProfileIdentifier') ?? '';
  c.set('modelId', identifier);
  const profile = findProfile(identifier);
  // Unverified wording: no capture of this error exists in the reference material.
  if (!profile) throw new BedrockError('ResourceNotFoundException', `Inference profile ${identifier} not found.`);
  const region = callerRegion(c.req.header('authorization'), runtime.settings.region);
  return jsonReply(200, profileDescription(profile, region, runtime.settings.accountId), c.get('requestId'));
};
