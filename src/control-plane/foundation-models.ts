// The control plane's view of the catalog (SPEC.md §9): FoundationModelSummary / Details, and
// the ListFoundationModels filters.
import { MODELS } from '../catalog/index.js';
import type { ModelEntry } from '../catalog/types.js';
import { BedrockError } from '../errors.js';

export const foundationModelArn = (region: string, modelId: string) => `arn:aws:bedrock:${region}::foundation-model/${modelId}`;

/** One FoundationModelSummary, members in the service model's order. */
export function modelSummary(entry: ModelEntry, region: string) {
  return {
    modelArn: foundationModelArn(region, entry.modelId),
    modelId: entry.modelId,
    modelName: entry.name,
    providerName: entry.provider,
    inputModalities: entry.input,
    outputModalities: entry.output,
    responseStreamingSupported: entry.streaming,
    customizationsSupported: entry.customizations,
    // In a region where the bare id is served on demand, it is listed so (catalog onDemandRegions).
    inferenceTypesSupported: entry.onDemandRegions?.includes(region) ? ['ON_DEMAND', ...entry.inferenceTypes] : entry.inferenceTypes,
    modelLifecycle: { status: entry.lifecycle },
  };
}

const ENUMS = {
  byCustomizationType: ['FINE_TUNING', 'CONTINUED_PRE_TRAINING', 'DISTILLATION'],
  byOutputModality: ['TEXT', 'IMAGE', 'EMBEDDING'],
  byInferenceType: ['ON_DEMAND', 'PROVISIONED'],
} as const;

/** Coral's wording for a query member outside its enum or pattern. */
function constraintError(problems: string[]): BedrockError {
  const count = problems.length === 1 ? '1 validation error detected' : `${problems.length} validation errors detected`;
  return new BedrockError('ValidationException', `${count}: ${problems.join('; ')}`);
}

export interface ModelFilters {
  byProvider?: string;
  byCustomizationType?: string;
  byOutputModality?: string;
  byInferenceType?: string;
}

export function listModels(filters: ModelFilters): ModelEntry[] {
  const problems: string[] = [];
  for (const [key, allowed] of Object.entries(ENUMS) as Array<[keyof typeof ENUMS, readonly string[]]>) {
    const value = filters[key];
    if (value !== undefined && !allowed.includes(value)) {
      problems.push(`Value '${value}' at '${key}' failed to satisfy constraint: Member must satisfy enum value set: [${allowed.join(', ')}]`);
    }
  }
  if (filters.byProvider !== undefined && !/^[A-Za-z0-9- ]{1,63}$/.test(filters.byProvider)) {
    problems.push(`Value '${filters.byProvider}' at 'byProvider' failed to satisfy constraint: Member must satisfy regular expression pattern: [A-Za-z0-9- ]{1,63}`);
  }
  if (problems.length > 0) throw constraintError(problems);
  // byProvider matches the provider name or the id prefix, case-insensitively ("anthropic", "Meta").
  const provider = filters.byProvider?.toLowerCase();
  return MODELS.filter(
    (m) =>
      (!provider || m.provider.toLowerCase() === provider || m.modelId.split('.')[0] === provider) &&
      (!filters.byCustomizationType || (m.customizations as string[]).includes(filters.byCustomizationType)) &&
      (!filters.byOutputModality || (m.output as string[]).includes(filters.byOutputModality)) &&
      (!filters.byInferenceType || (m.inferenceTypes as string[]).includes(filters.byInferenceType)),
  );
}
