// Resolves the modelId of a runtime call (already percent-decoded) to a catalog entry, accepting
// every identifier form Bedrock accepts (SPEC.md §3): base ids, foundation-model ARNs, system
// inference profiles (`us.…`) and their ARNs, and the account-scoped ARNs (application inference
// profiles, provisioned, custom, imported models) which resolve to a configurable base model.
import { BedrockError, Errors } from '../errors.js';
import { findModel } from './index.js';
import type { ModelEntry } from './types.js';

// InvokeModelIdentifier's pattern, from the service model (bedrock-runtime 2023-09-30). Coral
// validates it as a full match before anything else.
export const INVOKE_MODEL_ID_PATTERN =
  '(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:(([0-9]{12}:custom-model/[a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}/[a-z0-9]{12})|(:foundation-model/[a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}([.:]?[a-z0-9-]{1,63}))|([0-9]{12}:imported-model/[a-z0-9]{12})|([0-9]{12}:provisioned-model/[a-z0-9]{12})|([0-9]{12}:custom-model-deployment/[a-z0-9]{12})|([0-9]{12}:(inference-profile|application-inference-profile)/[a-zA-Z0-9-:.]+)))|([a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}([.:]?[a-z0-9-]{1,63}))|(([0-9a-zA-Z][_-]?)+)|([a-zA-Z0-9-:.]+)$|(^(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:prompt/[0-9a-zA-Z]{10}(?::[0-9]{1,5})?))$|(^arn:aws:sagemaker:[a-z0-9-]+:[0-9]{12}:endpoint/[a-zA-Z0-9-]+$)|(^arn:aws(-[^:]+)?:bedrock:([0-9a-z-]{1,20}):([0-9]{12}):(default-)?prompt-router/[a-zA-Z0-9-:.]+$)';
const FULL_MATCH = new RegExp(`^(?:${INVOKE_MODEL_ID_PATTERN})$`);

const PROFILE_GEOS = ['us-gov', 'us', 'eu', 'apac', 'global', 'jp', 'au', 'ca'];
const ARN = /^arn:aws(?:-[^:]+)?:bedrock:([a-z0-9-]{1,20}):(\d{12})?:([a-z-]+)\/(.+)$/;
const ACCOUNT_SCOPED = new Set(['application-inference-profile', 'provisioned-model', 'custom-model', 'custom-model-deployment', 'imported-model']);

/**
 * A Bedrock Marketplace model deployed to a SageMaker endpoint: not a foundation model (never
 * listed), served by TGI's OpenAI-style completions (invoke__imported-model-sagemaker-endpoint-arn).
 */
const SAGEMAKER_ENDPOINT: ModelEntry = {
  modelId: 'sagemaker-endpoint',
  provider: 'Amazon SageMaker',
  name: 'SageMaker endpoint',
  family: 'sagemaker-completions',
  input: ['TEXT'],
  output: ['TEXT'],
  streaming: true,
  inferenceTypes: ['ON_DEMAND'],
  customizations: [],
  lifecycle: 'ACTIVE',
  contextWindow: 32_768,
  maxOutputTokens: 32_768,
  profiles: [],
};

export interface Resolved {
  entry: ModelEntry;
  /** True when called through a system inference profile. */
  viaProfile: boolean;
}

/** Coral's constraint messages for the modelId label (REAL_ERROR_MESSAGES.md, "1 validation error detected"). */
function checkConstraints(id: string): void {
  const problems: string[] = [];
  if (!FULL_MATCH.test(id)) problems.push(`Member must satisfy regular expression pattern: ${INVOKE_MODEL_ID_PATTERN}`);
  if (id.length > 2048) problems.push('Member must have length less than or equal to 2048');
  if (problems.length === 0) return;
  const count = problems.length === 1 ? '1 validation error detected' : `${problems.length} validation errors detected`;
  throw new BedrockError(
    'ValidationException',
    `${count}: ${problems.map((p) => `Value '${id}' at 'modelId' failed to satisfy constraint: ${p}`).join('; ')}`,
  );
}

function fromProfileId(profileId: string): Resolved | undefined {
  const geo = PROFILE_GEOS.find((g) => profileId.startsWith(`${g}.`));
  if (!geo) return undefined;
  const entry = findModel(profileId.slice(geo.length + 1));
  if (!entry || !(entry.profiles as string[]).includes(geo)) return undefined;
  return { entry, viaProfile: true };
}

/** Whether the bare id of `entry` is invoked on demand in `region` (every region when unknown). */
export function onDemandIn(entry: ModelEntry, region?: string): boolean {
  if (entry.inferenceTypes.includes('ON_DEMAND')) return true;
  return !!entry.onDemandRegions && (region === undefined || entry.onDemandRegions.includes(region));
}

function fromBaseId(modelId: string, asCalled: string, invoking: boolean, region?: string): Resolved | undefined {
  const entry = findModel(modelId);
  if (!entry) return undefined;
  // Models served only through profiles refuse a bare on-demand call (REAL_ERROR_MESSAGES.md),
  // except in the regions where AWS serves them on demand too.
  if (invoking && !onDemandIn(entry, region)) throw Errors.onDemandNotSupported(asCalled);
  return { entry, viaProfile: false };
}

/**
 * @param customModelId the base model that account-scoped ARNs (provisioned, custom, imported,
 *   application inference profiles) stand for; configurable because the emulator has no account.
 * @param invoking false for calls that run no inference (CountTokens), which take the base id of a
 *   model served only through profiles.
 * @param region the caller's region (SigV4 scope), for models served on demand in some regions only.
 */
export function resolveModel(id: string, customModelId: string, invoking = true, region?: string): Resolved {
  if (id.length === 0) throw Errors.invalidModelId();
  checkConstraints(id);
  const arn = ARN.exec(id);
  let resolved: Resolved | undefined;
  if (arn) {
    const [, , , kind, rest] = arn;
    if (kind === 'foundation-model') resolved = fromBaseId(rest, id, invoking, arn[1]);
    else if (kind === 'inference-profile') resolved = fromProfileId(rest);
    else if (ACCOUNT_SCOPED.has(kind)) {
      const entry = findModel(customModelId);
      if (entry) resolved = { entry, viaProfile: kind === 'application-inference-profile' };
    }
  } else if (id.startsWith('arn:aws:sagemaker:')) {
    resolved = { entry: SAGEMAKER_ENDPOINT, viaProfile: false };
  } else {
    resolved = fromProfileId(id) ?? fromBaseId(id, id, invoking, region);
  }
  if (!resolved) throw Errors.invalidModelId();
  return resolved;
}
