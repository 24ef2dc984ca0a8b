// GetInferenceProfile (control plane): GET /inference-profiles/{inferenceProfileIdentifier}.
import type { Context } from 'hono';
import { findProfile, profileDescription } from '../control-plane/inference-profiles.js';
import { BedrockError } from '../errors.js';
import { callerRegion } from '../http/region.js';
import type { Runtime } from '../runtime.js';

export const getInferenceProfile = (runtime: Runtime) => (c: Context) => {
  const identifier = c.req.param('inferenceProfileIdentifier') ?? '';
  c.set('modelId', identifier);
  const profile = findProfile(identifier);
  // Unverified wording: no capture of this error exists in the reference material.
  if (!profile) throw new BedrockError('ResourceNotFoundException', `Inference profile ${identifier} not found.`);
  const region = callerRegion(c.req.header('authorization'), runtime.settings.region);
  return c.json(profileDescription(profile, region, runtime.settings.accountId), 200, { 'x-amzn-RequestId': c.get('requestId') });
};
