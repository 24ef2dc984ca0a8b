// Refuses a tool's input schema that is not a JSON Schema at all, the way Bedrock does, before any
// answer is made up from it. Only what the meta-schemas of every draft tools are written in
// (2020-12 and 07) rule out is refused: a keyword whose value has the wrong JSON type
// (`properties` as a string or null, `required` not an array), a `type` that names no JSON type,
// a negative length bound. Unknown keywords, draft-07 tuple `items`, draft-04 boolean exclusive
// bounds and duplicate `required` entries are accepted: no evidence shows a refusal of them.
// Wordings and their sources: src/errors.ts (ToolSchemaErrors), src/errors.evidence.md §11.
import { ConverseErrors, ToolSchemaErrors } from '../errors.js';

type Node = Record<string, unknown>;
const isObject = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

const TYPE_NAMES = ['array', 'boolean', 'integer', 'null', 'number', 'object', 'string'];
const SCHEMA = ['additionalProperties', 'additionalItems', 'contains', 'propertyNames', 'not', 'if', 'then', 'else', 'unevaluatedItems', 'unevaluatedProperties'];
const SCHEMA_MAP = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];
const SCHEMA_LIST = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const STRING = ['$ref', '$id', '$schema', '$anchor', '$dynamicRef', '$dynamicAnchor', 'pattern', 'format', 'title', 'description', '$comment', 'contentMediaType', 'contentEncoding'];
const COUNT = ['minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties', 'minContains', 'maxContains'];
const NUMBER = ['minimum', 'maximum'];
const BOOLEAN = ['uniqueItems', 'readOnly', 'writeOnly', 'deprecated'];
const LIST = ['enum', 'examples'];

/** The JSON type names networknt's json-schema-validator (Bedrock's, judging by its messages) prints. */
function found(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** What makes `schema` no JSON Schema, one line each in networknt's words (`$.properties: null found, object expected`). */
export function schemaProblems(schema: unknown): string[] {
  const out: string[] = [];
  let budget = 10_000;
  const wrong = (path: string, value: unknown, expected: string) => out.push(`${path}: ${found(value)} found, ${expected} expected`);

  const visit = (node: unknown, path: string, depth: number): void => {
    if (typeof node === 'boolean' || out.length >= 8 || --budget < 0 || depth > 64) return;
    if (!isObject(node)) return void wrong(path, node, '[object, boolean]');
    for (const [key, value] of Object.entries(node)) {
      const at = `${path}.${key}`;
      if (SCHEMA.includes(key)) visit(value, at, depth + 1);
      else if (key === 'items') {
        // An array is draft-07's tuple form: accepted (AI SDK 4 and zod-to-json-schema write it).
        if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${at}[${i}]`, depth + 1));
        else visit(value, at, depth + 1);
      } else if (SCHEMA_MAP.includes(key)) {
        if (!isObject(value)) wrong(at, value, 'object');
        else for (const [name, sub] of Object.entries(value)) visit(sub, `${at}.${name}`, depth + 1);
      } else if (SCHEMA_LIST.includes(key)) {
        if (!Array.isArray(value)) wrong(at, value, 'array');
        else if (value.length === 0) out.push(`${at}: must have at least 1 items but found 0`);
        else value.forEach((v, i) => visit(v, `${at}[${i}]`, depth + 1));
      } else if (STRING.includes(key) && typeof value !== 'string') wrong(at, value, 'string');
      else if (COUNT.includes(key)) {
        if (typeof value !== 'number' || !Number.isInteger(value)) wrong(at, value, 'integer');
        else if (value < 0) out.push(`${at}: must have a minimum value of 0`);
      } else if (NUMBER.includes(key) && typeof value !== 'number') wrong(at, value, 'number');
      else if (key === 'multipleOf') {
        if (typeof value !== 'number') wrong(at, value, 'number');
        else if (value <= 0) out.push(`${at}: must have an exclusive minimum value of 0`);
      } else if ((key === 'exclusiveMinimum' || key === 'exclusiveMaximum') && typeof value !== 'number' && typeof value !== 'boolean') wrong(at, value, 'number');
      else if (BOOLEAN.includes(key) && typeof value !== 'boolean') wrong(at, value, 'boolean');
      else if (LIST.includes(key) && !Array.isArray(value)) wrong(at, value, 'array');
      else if (key === 'required') {
        if (!Array.isArray(value)) wrong(at, value, 'array');
        else value.forEach((v, i) => typeof v !== 'string' && wrong(`${at}[${i}]`, v, 'string'));
      } else if (key === 'type') typeProblems(value, at, out);
      else if (key === 'dependentRequired' || key === 'dependencies') {
        if (!isObject(value)) wrong(at, value, 'object');
        else for (const [name, dep] of Object.entries(value)) {
          if (Array.isArray(dep)) dep.forEach((v, i) => typeof v !== 'string' && wrong(`${at}.${name}[${i}]`, v, 'string'));
          else if (key === 'dependencies') visit(dep, `${at}.${name}`, depth + 1);
          else wrong(`${at}.${name}`, dep, 'array');
        }
      }
    }
  };
  visit(schema, '$', 0);
  return out;
}

function typeProblems(value: unknown, at: string, out: string[]): void {
  const enumeration = `does not have a value in the enumeration [${TYPE_NAMES.join(', ')}]`;
  if (typeof value === 'string') {
    if (!TYPE_NAMES.includes(value)) out.push(`${at}: ${enumeration}`);
  } else if (Array.isArray(value)) {
    if (value.length === 0) out.push(`${at}: must have at least 1 items but found 0`);
    value.forEach((v, i) => (typeof v !== 'string' || !TYPE_NAMES.includes(v)) && out.push(`${at}[${i}]: ${enumeration}`));
  } else out.push(`${at}: ${found(value)} found, [string, array] expected`);
}

/**
 * Refuses an invalid tool input schema with the wording of the API it came in:
 * - `toolConfig.tools.N.toolSpec.inputSchema` (Converse, ConverseStream, CountTokens): Converse's own
 *   checks, the same for every model;
 * - `tools.N.custom.input_schema` (Claude's native Messages body): Anthropic's checks;
 * - `converse:tools.N.custom.input_schema`: Anthropic's checks on what Converse passed on to Claude
 *   (a top-level `anyOf`), worded `The model returned the following errors: …` (goose#2150).
 */
export function checkToolSchema(schema: unknown, path: string): void {
  // An absent schema is the body rules' business (Coral's union check, Anthropic's "Field required").
  if (schema === undefined) return;
  // Claude behind Converse: Anthropic's own checks, passed on with Converse's model prefix.
  if (path.startsWith('converse:')) {
    try {
      return checkToolSchema(schema, path.slice('converse:'.length));
    } catch (err) {
      throw ConverseErrors.fromModel((err as Error).message);
    }
  }
  if (path.startsWith('toolConfig.')) {
    if (!isObject(schema)) throw ToolSchemaErrors.converseNotObject(path);
    if (schema.type !== 'object') throw ToolSchemaErrors.converseRootType(path);
    const problems = schemaProblems(schema);
    if (problems.length > 0) throw ToolSchemaErrors.converseInvalid(path, problems);
    return;
  }
  if (!isObject(schema) || schemaProblems(schema).length > 0) throw ToolSchemaErrors.claudeInvalid(path);
  if ('type' in schema && schema.type !== 'object') throw ToolSchemaErrors.claudeRootType(path);
  if (['oneOf', 'allOf', 'anyOf'].some((k) => k in schema)) throw ToolSchemaErrors.claudeTopLevelCombinator(path);
}
