// The real validator the schema corpus is checked with: Ajv (draft 2020-12 or draft-07, as the
// entry says) with ajv-formats, strict mode off, every error reported.
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats, { type FormatsPlugin } from 'ajv-formats';
import type { CorpusEntry, Draft } from './index.js';

// ajv-formats is CommonJS: its function is the default export at run time, `.default` to the types.
const addFormats = ((formats as unknown as { default?: FormatsPlugin }).default ?? formats) as FormatsPlugin;
const validators: Record<Draft, Ajv> = {
  '2020-12': addFormats(new Ajv2020({ strict: false, allErrors: true })),
  '07': addFormats(new Ajv({ strict: false, allErrors: true })),
};

/** Ajv's errors for `value` against the entry's schema, [] when it validates. */
export function ajvErrors(entry: Pick<CorpusEntry, 'draft' | 'schema'>, value: unknown): unknown[] {
  const { $schema: _ignored, ...schema } = entry.schema;
  const validate = validators[entry.draft].compile(schema);
  return validate(value) ? [] : (validate.errors ?? []);
}
