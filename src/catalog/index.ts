import { MODELS } from './models.js';
import type { ModelEntry } from './types.js';

export { MODELS };

const BY_ID: ReadonlyMap<string, ModelEntry> = new Map(MODELS.map((m) => [m.modelId, m]));

/** Exact base-model-id lookup (no ARNs, no profile prefixes). */
export function findModel(modelId: string): ModelEntry | undefined {
  return BY_ID.get(modelId);
}
