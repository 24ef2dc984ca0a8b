// Validates a native InvokeModel body against the model's JSON schema and words each violation
// the way Bedrock does. Bedrock validates bodies with everit-json-schema (Java) and returns its
// messages inside "Malformed input request: …" (REAL_ERROR_MESSAGES.md): a violation reads
// `#/pointer: text`, and several violations are concatenated with no separator, e.g.
// `#: required key [input_type] not found#: required key [images] not found` (cohere embed v3).
import { Errors } from '../errors.js';
import { javaKeyOrder } from './java-order.js';

export type JsonType = 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'null';

/** The subset of JSON Schema (draft 7) that the model families use. */
export type Schema =
  | boolean
  | {
      type?: JsonType;
      properties?: Record<string, Schema>;
      required?: string[];
      additionalProperties?: boolean | Schema;
      minProperties?: number;
      items?: Schema;
      minItems?: number;
      maxItems?: number;
      minLength?: number;
      maxLength?: number;
      pattern?: string;
      minimum?: number;
      maximum?: number;
      exclusiveMinimum?: number;
      exclusiveMaximum?: number;
      enum?: readonly unknown[];
      const?: unknown;
      anyOf?: Schema[];
      oneOf?: Schema[];
      allOf?: Schema[];
      not?: Schema;
    };

// everit reports Java classes: org.json's JSONObject/JSONArray, boxed numbers, String.
const EXPECTED: Record<JsonType, string> = {
  object: 'JSONObject',
  array: 'JSONArray',
  string: 'String',
  integer: 'Integer',
  number: 'Number',
  boolean: 'Boolean',
  null: 'Null',
};

function foundType(value: unknown): string {
  if (value === null) return 'Null';
  if (Array.isArray(value)) return 'JSONArray';
  switch (typeof value) {
    case 'string':
      return 'String';
    case 'boolean':
      return 'Boolean';
    case 'number':
      return Number.isInteger(value) ? 'Integer' : 'BigDecimal';
    default:
      return 'JSONObject';
  }
}

function isType(value: unknown, type: JsonType): boolean {
  switch (type) {
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'null':
      return value === null;
    default:
      return typeof value === type;
  }
}

const pointerOf = (path: string[]) => (path.length ? `#/${path.join('/')}` : '#');
const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** Every violation of `schema` by `value`, as everit words them (`#/a/b: message`). */
export function violations(schema: Schema, value: unknown, path: string[] = []): string[] {
  const at = pointerOf(path);
  if (schema === true) return [];
  if (schema === false) return [`${at}: false schema always fails`];
  const out: string[] = [];
  if (schema.type && !isType(value, schema.type)) {
    return [`${at}: expected type: ${EXPECTED[schema.type]}, found: ${foundType(value)}`];
  }
  if (schema.const !== undefined && JSON.stringify(schema.const) !== JSON.stringify(value)) {
    out.push(`${at}: ${show(schema.const)} is not a valid const value`);
  }
  if (schema.enum && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) {
    out.push(`${at}: ${show(value)} is not a valid enum value`);
  }
  if (typeof value === 'number') out.push(...numberViolations(schema, value, at));
  if (typeof value === 'string') out.push(...stringViolations(schema, value, at));
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems)
      out.push(`${at}: expected minimum item count: ${schema.minItems}, found: ${value.length}`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems)
      out.push(`${at}: expected maximum item count: ${schema.maxItems}, found: ${value.length}`);
    if (schema.items) value.forEach((item, i) => out.push(...violations(schema.items!, item, [...path, String(i)])));
  } else if (isType(value, 'object')) {
    out.push(...objectViolations(schema, value as Record<string, unknown>, path));
  }
  out.push(...combinedViolations(schema, value, path));
  return out;
}

function numberViolations(schema: Exclude<Schema, boolean>, value: number, at: string): string[] {
  const out: string[] = [];
  if (schema.minimum !== undefined && value < schema.minimum)
    out.push(`${at}: ${value} is not greater or equal to ${schema.minimum}`);
  if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum)
    out.push(`${at}: ${value} is not greater than ${schema.exclusiveMinimum}`);
  if (schema.maximum !== undefined && value > schema.maximum)
    out.push(`${at}: ${value} is not less or equal to ${schema.maximum}`);
  if (schema.exclusiveMaximum !== undefined && value >= schema.exclusiveMaximum)
    out.push(`${at}: ${value} is not less than ${schema.exclusiveMaximum}`);
  return out;
}

function stringViolations(schema: Exclude<Schema, boolean>, value: string, at: string): string[] {
  const out: string[] = [];
  const length = [...value].length;
  if (schema.minLength !== undefined && length < schema.minLength)
    out.push(`${at}: expected minLength: ${schema.minLength}, actual: ${length}`);
  if (schema.maxLength !== undefined && length > schema.maxLength)
    out.push(`${at}: expected maxLength: ${schema.maxLength}, actual: ${length}`);
  if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value))
    out.push(`${at}: string [${value}] does not match pattern ${schema.pattern}`);
  return out;
}

// everit lists an object's direct failures first (required, then each property that failed once,
// then extraneous keys), and after them the leaves of properties that failed several times.
// Properties and body keys come in Java HashMap order, as org.json and everit hold them
// (java-order.ts has the evidence).
function objectViolations(schema: Exclude<Schema, boolean>, value: Record<string, unknown>, path: string[]): string[] {
  const at = pointerOf(path);
  const direct: string[] = [];
  const nested: string[] = [];
  const add = (found: string[]) => (found.length === 1 ? direct : nested).push(...found);
  for (const key of schema.required ?? []) {
    if (!(key in value)) direct.push(`${at}: required key [${key}] not found`);
  }
  if (schema.minProperties !== undefined && Object.keys(value).length < schema.minProperties)
    direct.push(`${at}: minimum size: [${schema.minProperties}], found: [${Object.keys(value).length}]`);
  const properties = schema.properties ?? {};
  for (const key of javaKeyOrder(Object.keys(properties))) {
    if (key in value) add(violations(properties[key], value[key], [...path, key]));
  }
  const extra = schema.additionalProperties;
  if (extra !== undefined && extra !== true) {
    for (const key of javaKeyOrder(Object.keys(value))) {
      if (key in properties) continue;
      if (extra === false) direct.push(`${at}: extraneous key [${key}] is not permitted`);
      else add(violations(extra, value[key], [...path, key]));
    }
  }
  return [...direct, ...nested];
}

// everit flattens a failed combination into the leaves of the failing branches, which is why
// Claude's missing max_tokens reads `#: subject must not be valid against schema {...}#: required
// key [max_tokens] not found` (REAL_ERROR_MESSAGES.md): an anyOf whose two branches both failed.
function combinedViolations(schema: Exclude<Schema, boolean>, value: unknown, path: string[]): string[] {
  const at = pointerOf(path);
  const out: string[] = [];
  if (schema.allOf) {
    const failures = schema.allOf.map((s) => violations(s, value, path));
    const failed = failures.filter((f) => f.length > 0).length;
    if (failed > 0) out.push(`${at}: only ${schema.allOf.length - failed} subschema matches out of ${schema.allOf.length}`);
  }
  for (const list of [schema.anyOf, schema.oneOf]) {
    if (!list) continue;
    const failures = list.map((s) => violations(s, value, path));
    const passed = failures.filter((f) => f.length === 0).length;
    if (passed === 0) out.push(...failures.flat());
    else if (list === schema.oneOf && passed > 1) out.push(`${at}: ${passed} subschemas matched instead of one`);
  }
  if (schema.not !== undefined && violations(schema.not, value, path).length === 0) {
    out.push(`${at}: subject must not be valid against schema ${JSON.stringify(schema.not)}`);
  }
  return out;
}

/**
 * How a model's backend words a failed validation (research on real reports):
 * - `joined`: every violation with its pointer, concatenated (most models);
 * - `legacy`: everit's top-level error message, no pointer: the single violation's text, or
 *   `N schema violations found` (Titan Embeddings, still in 2026).
 */
export type MessageStyle = 'joined' | 'legacy';

function legacyDetail(found: string[]): string {
  if (found.length > 1) return `${found.length} schema violations found`;
  // A combined schema's message keeps its `#: ` (`#: only 1 subschema matches out of 2`).
  return /^#: only \d+ subschema/.test(found[0]) ? found[0] : found[0].replace(/^#[^:]*: /, '');
}

/** Throws Bedrock's "Malformed input request" ValidationException when `value` violates `schema`. */
export function validate<T>(schema: Schema, value: unknown, style: MessageStyle = 'joined'): T {
  const found = violations(schema, value);
  if (found.length > 0) throw Errors.malformedInput(style === 'joined' ? found.join('') : legacyDetail(found));
  return value as T;
}
