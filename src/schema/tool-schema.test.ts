// Invalid tool schemas are refused in the wording of the API they came in; valid ones, including
// every schema of the corpus, draft-07 forms and unknown keywords, are accepted.
import { describe, expect, it } from 'vitest';
import { keywordCorpus, pythonCorpus, zodCorpus } from '../../conformance/tools/schema-corpus/index.js';
import { BedrockError } from '../errors.js';
import { checkToolSchema, schemaProblems } from './tool-schema.js';

const corpus = [...keywordCorpus(), ...pythonCorpus(), ...(await zodCorpus())];
const converse = 'toolConfig.tools.0.toolSpec.inputSchema';
const claude = 'tools.0.custom.input_schema';
const refusal = (schema: unknown, path: string) => {
  try {
    checkToolSchema(schema, path);
  } catch (err) {
    expect(err).toBeInstanceOf(BedrockError);
    return (err as BedrockError).message;
  }
  return undefined;
};

describe('checkToolSchema', () => {
  it.each(corpus.map((e) => [e.name, e.schema] as const))('accepts %s', (_, schema) => {
    expect(schemaProblems(schema)).toEqual([]);
    expect(refusal(schema, claude)).toBeUndefined();
    // Converse wants `type: object` at the root: Pydantic's recursive models ($ref at the root) miss it.
    if (schema.type === 'object') expect(refusal(schema, converse)).toBeUndefined();
    else expect(refusal(schema, converse)).toMatch(/json\.type must be one of the following: object\.$/);
  });

  it.each([
    ['unknown keywords', { type: 'object', properties: { a: { type: 'string', 'x-order': 1, widget: 'text' } }, strict: true }],
    ['draft-04 boolean exclusive bounds', { type: 'object', properties: { n: { type: 'number', minimum: 0, exclusiveMinimum: true } } }],
    ['draft-07 tuple items', { type: 'object', properties: { t: { type: 'array', items: [{ type: 'string' }], additionalItems: false } } }],
    ['duplicate required entries', { type: 'object', properties: { a: { type: 'string' } }, required: ['a', 'a'] }],
    ['OpenAPI nullable', { type: 'object', properties: { a: { type: 'string', nullable: true } } }],
    ['an empty object schema', { type: 'object' }],
  ])('accepts %s in both APIs', (_, schema) => {
    // Converse wants `type: object` at the root: Pydantic's recursive models ($ref at the root) miss it.
    if (schema.type === 'object') expect(refusal(schema, converse)).toBeUndefined();
    else expect(refusal(schema, converse)).toMatch(/json\.type must be one of the following: object\.$/);
    expect(refusal(schema, claude)).toBeUndefined();
  });

  it('Converse: a schema that is not an object, a root type other than object, a broken keyword', () => {
    expect(refusal('{"type":"object"}', converse)).toBe(
      'The format of the value at toolConfig.tools.0.toolSpec.inputSchema.json is invalid. Provide a json object for the field and try again.',
    );
    expect(refusal({ type: 'string' }, converse)).toBe('The value at toolConfig.tools.0.toolSpec.inputSchema.json.type must be one of the following: object.');
    expect(refusal({ properties: {} }, converse)).toBe('The value at toolConfig.tools.0.toolSpec.inputSchema.json.type must be one of the following: object.');
    expect(refusal({ type: 'object', properties: null }, 'toolConfig.tools.1.toolSpec.inputSchema')).toBe(
      'The json schema definition at toolConfig.tools.1.toolSpec.inputSchema is invalid. Fix the following errors and try again: $.properties: null found, object expected',
    );
  });

  it('Claude: the draft 2020-12 refusal, the root type, top-level combinators', () => {
    const invalid = (i: number) =>
      `tools.${i}.custom.input_schema: JSON schema is invalid. It must match JSON Schema draft 2020-12 (https://json-schema.org/draft/2020-12). Learn more about tool use at https://docs.claude.com/en/docs/tool-use.`;
    expect(refusal({ type: 'object', properties: 'city' }, claude)).toBe(invalid(0));
    expect(refusal({ type: 'object', properties: { x: 'number' } }, 'tools.3.custom.input_schema')).toBe(invalid(3));
    expect(refusal({ type: 'object', required: 'city' }, claude)).toBe(invalid(0));
    expect(refusal('not a schema', claude)).toBe(invalid(0));
    expect(refusal({ type: 'string' }, claude)).toBe("tools.0.custom.input_schema.type: Input should be 'object'");
    expect(refusal({ type: 'object', anyOf: [{ required: ['a'] }, { required: ['b'] }] }, claude)).toBe(
      'tools.0.custom.input_schema: input_schema does not support oneOf, allOf, or anyOf at the top level',
    );
  });

  it('Claude behind Converse: Anthropic\'s refusal with the model prefix', () => {
    expect(refusal({ type: 'object', oneOf: [{ required: ['a'] }, { required: ['b'] }] }, 'converse:tools.2.custom.input_schema')).toBe(
      'The model returned the following errors: tools.2.custom.input_schema: input_schema does not support oneOf, allOf, or anyOf at the top level',
    );
    expect(refusal(corpus[0].schema, 'converse:tools.0.custom.input_schema')).toBeUndefined();
  });

  it.each([
    [{ type: 'object', properties: 'city' }, ['$.properties: string found, object expected']],
    [{ type: 'object', properties: { a: { type: 'strng' } } }, ['$.properties.a.type: does not have a value in the enumeration [array, boolean, integer, null, number, object, string]']],
    [{ type: 'object', required: 'a' }, ['$.required: string found, array expected']],
    [{ type: 'object', properties: { a: { type: 'string', minLength: -1 } } }, ['$.properties.a.minLength: must have a minimum value of 0']],
    [{ type: 'object', properties: { a: { anyOf: [] } } }, ['$.properties.a.anyOf: must have at least 1 items but found 0']],
    [{ type: 'object', properties: { a: { items: 'string' } } }, ['$.properties.a.items: string found, [object, boolean] expected']],
    [{ type: 'object', properties: { a: { enum: 'x' } } }, ['$.properties.a.enum: string found, array expected']],
  ])('names what is wrong: %j', (schema, problems) => {
    expect(schemaProblems(schema)).toEqual(problems);
  });

  it('stays cheap on huge garbage', () => {
    const wide = { type: 'object', properties: Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, 'string'])) };
    expect(schemaProblems(wide).length).toBeLessThanOrEqual(8);
  });
});
