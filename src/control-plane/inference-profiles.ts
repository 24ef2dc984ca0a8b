// System-defined cross-region inference profiles, derived from the catalog: a model with geo
// `us` in its `profiles` has the profile `us.<modelId>` (SPEC.md §9, bedrock.selected-ops shapes).
import { MODELS } from '../catalog/index.js';
import type { ModelEntry, ProfileGeo } from '../catalog/types.js';
import { foundationModelArn } from './foundation-models.js';

/** Regions each geography routes to (at most five: InferenceProfileModels is 1..5 long). */
const GEO_REGIONS: Record<ProfileGeo, string[]> = {
  us: ['us-east-1', 'us-east-2', 'us-west-2'],
  'us-gov': ['us-gov-west-1', 'us-gov-east-1'],
  eu: ['eu-central-1', 'eu-west-1', 'eu-west-3', 'eu-north-1'],
  apac: ['ap-northeast-1', 'ap-southeast-1', 'ap-southeast-2', 'ap-south-1', 'ap-northeast-2'],
  jp: ['ap-northeast-1', 'ap-northeast-3'],
  au: ['ap-southeast-2', 'ap-southeast-4'],
  ca: ['ca-central-1', 'ca-west-1'],
  global: ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-northeast-1'],
};

const GEO_LABEL: Record<ProfileGeo, string> = {
  us: 'US', 'us-gov': 'US-GOV', eu: 'EU', apac: 'APAC', jp: 'JP', au: 'AU', ca: 'CA', global: 'Global',
};

// Fixed dates: profiles are not created by anyone here, and answers should be reproducible.
const CREATED = '2024-08-27T00:00:00Z';

export interface ProfileRef {
  geo: ProfileGeo;
  entry: ModelEntry;
  id: string;
}

export function allProfiles(): ProfileRef[] {
  return MODELS.flatMap((entry) => entry.profiles.map((geo) => ({ geo, entry, id: `${geo}.${entry.modelId}` })));
}

export function findProfile(idOrArn: string): ProfileRef | undefined {
  const id = idOrArn.startsWith('arn:') ? idOrArn.slice(idOrArn.indexOf('/') + 1) : idOrArn;
  return allProfiles().find((p) => p.id === id);
}

/** An InferenceProfileSummary / GetInferenceProfile response, members in the service model's order. */
export function profileDescription(p: ProfileRef, region: string, accountId: string) {
  const regions = GEO_REGIONS[p.geo];
  return {
    inferenceProfileName: `${GEO_LABEL[p.geo]} ${p.entry.provider} ${p.entry.name}`,
    description: `Routes requests to ${p.entry.provider} ${p.entry.name} in ${regions.join(', ')}.`,
    createdAt: CREATED,
    updatedAt: CREATED,
    inferenceProfileArn: `arn:aws:bedrock:${region}:${accountId}:inference-profile/${p.id}`,
    models: regions.map((r) => ({ modelArn: foundationModelArn(r, p.entry.modelId) })),
    inferenceProfileId: p.id,
    status: 'ACTIVE',
    type: 'SYSTEM_DEFINED',
  };
}
