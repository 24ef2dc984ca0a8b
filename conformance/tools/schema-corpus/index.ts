// The corpus of tool schemas the sampler is tested on (src/responder/sample.corpus.test.ts) and the
// wire tests send (conformance/converse/tool-schemas.test.ts): one schema per JSON Schema keyword
// tool definitions use (drafts 2020-12 and 07; draft-04 bounds apart), recursive ones, and the
// schemas real libraries write: Pydantic and LangChain (python.json, written by generate.py with
// the real libraries), Zod 4's z.toJSONSchema and the Vercel AI SDK's conversion (made here).
import { readFileSync } from 'node:fs';
import { zodSchema } from 'ai';
import { z } from 'zod';

export type Draft = '2020-12' | '07';
export interface CorpusEntry {
  name: string;
  draft: Draft;
  schema: Record<string, unknown>;
}

const obj = (properties: Record<string, unknown>, required: string[] = Object.keys(properties), extra: Record<string, unknown> = {}) => ({
  type: 'object',
  properties,
  required,
  ...extra,
});

export const KEYWORD_SCHEMAS: Array<[string, Record<string, unknown>, Draft?]> = [
  ['pattern: anchors, classes, quantifiers', obj({ code: { type: 'string', pattern: '^[A-Z]{3}-\\d{4}$' }, slug: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' } })],
  ['pattern: groups, alternation, escapes', obj({ phone: { type: 'string', pattern: '^\\+?[1-9]\\d{1,14}$' }, zip: { type: 'string', pattern: '^(\\d{5})(-\\d{4})?$' }, pick: { type: 'string', pattern: '^(red|green|blue)\\s\\w+$' }, hex: { type: 'string', pattern: '^#[0-9a-fA-F]{6}$' } })],
  ['pattern: unanchored, negated class, dot, named group, backreference', obj({ a: { type: 'string', pattern: 'abc' }, b: { type: 'string', pattern: '^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$' }, c: { type: 'string', pattern: '^.{3,5}$' }, d: { type: 'string', pattern: '^(?<w>[a-z]+)-\\k<w>$' }, e: { type: 'string', pattern: '^(x)\\1$' } })],
  ['pattern: escapes in classes, negated shorthands, unicode', obj({ a: { type: 'string', pattern: '^[\\w.+-]+@[\\w-]+\\.[\\w.]+$' }, b: { type: 'string', pattern: '^\\S+$' }, c: { type: 'string', pattern: '^\\D{2}\\W$' }, d: { type: 'string', pattern: '^[^\\s]{3}$' }, e: { type: 'string', pattern: '^\\p{L}+$' }, f: { type: 'string', pattern: '^\\u00e9t\\u00e9$' }, g: { type: 'string', pattern: '^a{2,}b{0,1}c?$' }, h: { type: 'string', pattern: '^(?:ab)+$' }, i: { type: 'string', pattern: '^[A-Z][a-z]*(?: [A-Z][a-z]*)*$' }, j: { type: 'string', pattern: '^\\d+(\\.\\d{1,2})?$' } })],
  ['pattern with minLength and maxLength', obj({ id: { type: 'string', pattern: '^[a-z]+$', minLength: 10 }, short: { type: 'string', pattern: '^[a-z]*$', maxLength: 2 } })],
  ['pattern with a lookahead (password rules)', obj({ password: { type: 'string', pattern: '^(?=.*[A-Z])(?=.*\\d).{8,}$' } })],
  ['format', obj(Object.fromEntries(['date-time', 'date', 'time', 'email', 'uri', 'uri-reference', 'uuid', 'ipv4', 'ipv6', 'hostname', 'duration', 'json-pointer', 'regex'].map((f) => [f.replace(/-/g, '_'), { type: 'string', format: f }])))],
  ['uniqueItems', obj({ a: { type: 'array', items: { type: 'integer' }, minItems: 3, uniqueItems: true }, b: { type: 'array', items: { type: 'string', format: 'email' }, minItems: 2, uniqueItems: true }, c: { type: 'array', items: { type: 'boolean' }, minItems: 2, uniqueItems: true }, d: { type: 'array', items: obj({ x: { type: 'string' } }), minItems: 2, uniqueItems: true } })],
  ['multipleOf', obj({ a: { type: 'integer', multipleOf: 7 }, b: { type: 'number', multipleOf: 0.01, minimum: 0.5 }, c: { type: 'number', multipleOf: 0.1, minimum: 0.25 }, d: { type: 'integer', multipleOf: 5, minimum: 12, maximum: 30 } })],
  ['minimum / maximum and exclusive forms', obj({ a: { type: 'integer', minimum: 5, maximum: 9 }, b: { type: 'number', exclusiveMinimum: 0 }, c: { type: 'integer', exclusiveMinimum: 1, exclusiveMaximum: 3 }, d: { type: 'number', maximum: -10 }, e: { type: 'integer', minimum: -999 }, f: { type: 'number', minimum: 0, maximum: 1 }, g: { type: 'integer', exclusiveMaximum: 0 } })],
  ['prefixItems and items: false', obj({ point: { type: 'array', prefixItems: [{ type: 'number' }, { type: 'number' }], items: false }, row: { type: 'array', prefixItems: [{ type: 'string' }], items: { type: 'integer' }, minItems: 3 } })],
  ['draft-07 tuple items and additionalItems', obj({ pair: { type: 'array', items: [{ type: 'string' }, { type: 'integer' }], additionalItems: false }, more: { type: 'array', items: [{ const: 'head' }], additionalItems: { type: 'boolean' }, minItems: 2 } }), '07'],
  ['allOf', obj({ a: { allOf: [{ type: 'object', properties: { x: { type: 'integer' } }, required: ['x'] }, { properties: { y: { type: 'string' } }, required: ['y'] }] }, b: { allOf: [{ type: 'integer', minimum: 3 }, { maximum: 10, multipleOf: 2 }] } })],
  ['anyOf', obj({ a: { anyOf: [{ type: 'null' }, { type: 'string', minLength: 2 }] }, b: { anyOf: [{ type: 'integer', minimum: 100 }, { type: 'string', pattern: '^n/a$' }] } })],
  ['oneOf matches exactly one branch', obj({ a: { oneOf: [{ type: 'integer' }, { type: 'number', minimum: 0 }] }, b: { oneOf: [{ type: 'string' }, { type: 'string', maxLength: 3 }] }, c: { oneOf: [obj({ kind: { const: 'a' }, x: { type: 'number' } }), obj({ kind: { const: 'b' } })] } })],
  ['not', obj({ a: { type: 'string', not: { enum: ['example', 'sample'] } }, b: { not: { type: 'string' } }, c: { type: 'integer', not: { const: 1 } }, d: { type: 'array', items: { type: 'integer' }, minItems: 1, not: { contains: { const: 1 } } } })],
  ['$ref / $defs', { type: 'object', $defs: { point: obj({ x: { type: 'integer', minimum: 3 }, y: { type: 'integer' } }) }, properties: { from: { $ref: '#/$defs/point' }, to: { $ref: '#/$defs/point' } }, required: ['from', 'to'] }],
  ['definitions (draft-07)', { type: 'object', definitions: { unit: { type: 'string', enum: ['c', 'f'] } }, properties: { unit: { $ref: '#/definitions/unit' } }, required: ['unit'] }, '07'],
  ['recursive tree', { type: 'object', $defs: { node: obj({ name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/$defs/node' } } }, ['name', 'children']) }, properties: { root: { $ref: '#/$defs/node' } }, required: ['root'] }],
  ['recursive root ($ref: #)', obj({ value: { type: 'integer' }, next: { $ref: '#' } }, ['value'])],
  ['mutual recursion with a required array', { type: 'object', $defs: { a: obj({ b: { type: 'array', items: { $ref: '#/$defs/b' } } }), b: obj({ a: { $ref: '#/$defs/a' } }, []) }, properties: { start: { $ref: '#/$defs/a' } }, required: ['start'] }],
  ['if / then / else', obj({ country: { type: 'string', enum: ['US', 'CA'] }, postal: { type: 'string' } }, ['country', 'postal'], { if: { properties: { country: { const: 'US' } } }, then: { properties: { postal: { pattern: '^\\d{5}$' } } }, else: { properties: { postal: { pattern: '^[A-Z]\\d[A-Z] \\d[A-Z]\\d$' } } } })],
  ['if / then forcing the else branch', obj({ n: { type: 'integer', minimum: 10 } }, ['n'], { if: { properties: { n: { maximum: 5 } } }, then: false, else: { properties: { n: { multipleOf: 3 } } } })],
  ['dependentRequired', obj({ name: { type: 'string' }, credit_card: { type: 'string' }, billing_address: { type: 'string' } }, ['name'], { dependentRequired: { credit_card: ['billing_address'] } })],
  ['dependencies (draft-07)', obj({ a: { type: 'string' }, b: { type: 'integer' }, c: { type: 'boolean' } }, ['a'], { dependencies: { a: ['c'], b: { required: ['a'] } } }), '07'],
  ['const / enum', obj({ v: { const: 'fixed' }, e: { enum: ['x', 2, null] }, n: { type: 'integer', enum: [3, 4] }, o: { const: { nested: [1, 2] } } })],
  ['minItems / maxItems', obj({ a: { type: 'array', items: { type: 'string' }, minItems: 3, maxItems: 4 }, b: { type: 'array', maxItems: 0 }, c: { type: 'array', items: { type: 'number' }, minItems: 0 } })],
  ['minLength / maxLength', obj({ a: { type: 'string', minLength: 20 }, b: { type: 'string', maxLength: 3 }, c: { type: 'string', minLength: 4, maxLength: 4 }, d: { type: 'string', maxLength: 0 } })],
  ['minProperties, required vs optional', { type: 'object', properties: { a: { type: 'string' }, b: { type: 'integer' } }, required: ['a'], minProperties: 3 }],
  ['additionalProperties schema and false', obj({ labels: { type: 'object', additionalProperties: { type: 'integer', minimum: 2 }, minProperties: 1 }, closed: { type: 'object', properties: { x: { type: 'integer' } }, required: ['x'], additionalProperties: false } }, ['labels', 'closed'], { additionalProperties: false })],
  ['patternProperties and propertyNames', obj({ env: { type: 'object', patternProperties: { '^[A-Z_]+$': { type: 'string' } }, additionalProperties: false, minProperties: 2 }, named: { type: 'object', propertyNames: { pattern: '^x-[a-z]+$' }, minProperties: 1 } })],
  ['contains / minContains', obj({ a: { type: 'array', items: { type: 'integer' }, contains: { minimum: 10 }, minContains: 2 } })],
  ['type arrays and nullable', obj({ a: { type: ['string', 'null'] }, b: { type: ['null', 'integer'] }, c: { type: 'string', nullable: true }, d: { type: ['boolean', 'number'], minimum: 5 } })],
  ['required keys without properties', { type: 'object', required: ['x', 'y'] }],
  ['empty and boolean schemas', obj({ anything: {}, yes: true, maybe: { description: 'no type' } }, ['anything', 'yes'])],
  ['deep nesting', obj({ a: obj({ b: obj({ c: obj({ d: obj({ e: obj({ f: obj({ g: obj({ h: { type: 'string', minLength: 2 } }) }) }) }) }) }) }) })],
  ['optional keys are omitted or valid', { type: 'object', properties: { a: { type: 'string' }, b: { type: 'array', items: obj({ c: { type: 'integer', minimum: 2 } }) }, d: { $ref: '#/$defs/x' } }, $defs: { x: { type: 'string', enum: ['only'] } } }],
];

export function keywordCorpus(): CorpusEntry[] {
  return KEYWORD_SCHEMAS.map(([name, schema, draft]) => ({ name: `keyword: ${name}`, draft: draft ?? '2020-12', schema }));
}

export function pythonCorpus(): CorpusEntry[] {
  const file = JSON.parse(readFileSync(new URL('./python.json', import.meta.url), 'utf8')) as { schemas: Record<string, Record<string, unknown>> };
  return Object.entries(file.schemas).map(([name, schema]) => ({ name, draft: '2020-12', schema }));
}

// Typical tool parameters as applications write them in Zod.
const ZOD_TOOLS = {
  weather: z.object({ city: z.string().describe('City name'), unit: z.enum(['celsius', 'fahrenheit']).default('celsius') }),
  search: z.object({ query: z.string().min(3).max(200), limit: z.number().int().min(1).max(50).optional(), after: z.iso.date().optional() }),
  contact: z.object({ name: z.string(), email: z.email(), website: z.url().optional(), id: z.uuid(), born: z.iso.datetime().optional() }),
  order: z.object({
    items: z.array(z.object({ sku: z.string().regex(/^[A-Z]{2}-\d{3}$/), quantity: z.number().int().positive().multipleOf(2) })).min(1).max(5),
    shipping: z.discriminatedUnion('method', [z.object({ method: z.literal('pickup'), store: z.string() }), z.object({ method: z.literal('delivery'), address: z.string().min(5) })]),
    note: z.string().nullable(),
    tags: z.array(z.string()).max(3).optional(),
  }),
  misc: z.object({ point: z.tuple([z.number(), z.number()]), meta: z.record(z.string(), z.number()), flag: z.boolean(), either: z.union([z.string(), z.number()]), lit: z.literal(42) }),
};

type ZodCategory = z.ZodType;
const category: z.ZodType<any> = z.lazy(() => z.object({ name: z.string(), subcategories: z.array(category) }));
const ZOD_RECURSIVE: Record<string, ZodCategory> = { category: z.object({ root: category }) };

export async function zodCorpus(): Promise<CorpusEntry[]> {
  const out: CorpusEntry[] = [];
  for (const [name, schema] of Object.entries({ ...ZOD_TOOLS, ...ZOD_RECURSIVE })) {
    out.push({ name: `zod z.toJSONSchema: ${name}`, draft: '2020-12', schema: z.toJSONSchema(schema) as Record<string, unknown> });
    // What the AI SDK sends as tool parameters (draft-07).
    const converted = (await zodSchema(schema as z.ZodType<any>).jsonSchema) as Record<string, unknown>;
    out.push({ name: `AI SDK zodSchema: ${name}`, draft: '07', schema: converted });
  }
  return out;
}
