// A tiny builder so the models-*.ts files read as data: one call per foundation model, with the
// values a provider's models share given once.

import type {
  Customization,
  FamilyName,
  InferenceType,
  Modality,
  ModelEntry,
  ProfileGeo,
} from './types.js';

export interface EntryOptions {
  family?: FamilyName;
  input?: Modality[];
  output?: Modality[];
  /** Defaults to true. */
  streaming?: boolean;
  /** Defaults to ['ON_DEMAND']; `profileOnly` makes it ['INFERENCE_PROFILE']. */
  inferenceTypes?: InferenceType[];
  /** Served only through cross-region inference profiles (bare id refused on demand). */
  profileOnly?: boolean;
  customizations?: Customization[];
  legacy?: boolean;
  profiles?: ProfileGeo[];
  responseModelName?: string;
  embeddingDimension?: number;
  /** See ModelEntry.onDemandRegions. */
  onDemandRegions?: string[];
  /** See ModelEntry.converseMaxOutputTokens. */
  converseMaxOutputTokens?: number;
}

export type EntryBuilder = (
  modelId: string,
  name: string,
  contextWindow: number,
  maxOutputTokens: number,
  options?: EntryOptions,
) => ModelEntry;

/** Returns a builder for one provider's models; `defaults` apply unless an entry overrides them. */
export function providerModels(provider: string, defaults: EntryOptions & { family: FamilyName }): EntryBuilder {
  return (modelId, name, contextWindow, maxOutputTokens, options = {}) => {
    const o: EntryOptions = { ...defaults, ...options };
    const entry: ModelEntry = {
      modelId,
      provider,
      name,
      family: o.family ?? defaults.family,
      input: o.input ?? ['TEXT'],
      output: o.output ?? ['TEXT'],
      streaming: o.streaming ?? true,
      inferenceTypes: o.inferenceTypes ?? (o.profileOnly ? ['INFERENCE_PROFILE'] : ['ON_DEMAND']),
      customizations: o.customizations ?? [],
      lifecycle: o.legacy ? 'LEGACY' : 'ACTIVE',
      contextWindow,
      maxOutputTokens,
      profiles: o.profiles ?? [],
    };
    if (o.responseModelName !== undefined) entry.responseModelName = o.responseModelName;
    if (o.embeddingDimension !== undefined) entry.embeddingDimension = o.embeddingDimension;
    if (o.onDemandRegions !== undefined) entry.onDemandRegions = o.onDemandRegions;
    if (o.converseMaxOutputTokens !== undefined) entry.converseMaxOutputTokens = o.converseMaxOutputTokens;
    return entry;
  };
}
