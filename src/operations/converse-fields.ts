// additionalModelResponseFieldPaths: JSON Pointers into the model's native answer, returned as
// `additionalModelResponseFields`. The emulator answers the pointers a Messages-API model knows
// (`/stop_sequence`); others select nothing.
import type { ModelEntry } from '../catalog/types.js';
import type { Reply } from '../responder/types.js';

export function additionalFields(input: Record<string, any>, entry: ModelEntry, reply: Reply) {
  const paths: string[] = input.additionalModelResponseFieldPaths ?? [];
  if (paths.length === 0) return {};
  const native: Record<string, unknown> = entry.family === 'anthropic-messages' ? { stop_sequence: reply.stopSequence } : {};
  const fields: Record<string, unknown> = {};
  for (const path of paths) {
    const key = path.replace(/^\//, '');
    if (key in native) fields[key] = native[key];
  }
  return { additionalModelResponseFields: fields };
}
