// Tool arguments the responder makes up must validate against the tool's input schema.
import { describe, expect, it } from 'vitest';
import { violations, type Schema } from '../schema/validate.js';
import { sampleToolInput } from './sample.js';

const schemas: Array<[string, Schema]> = [
  ['required strings and an enum', { type: 'object', required: ['location', 'unit'], properties: { location: { type: 'string', minLength: 12 }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } } }],
  ['numbers with bounds', { type: 'object', properties: { n: { type: 'integer', minimum: 5, maximum: 9 }, x: { type: 'number', exclusiveMinimum: 0 } } }],
  ['nested arrays of objects', { type: 'object', properties: { items: { type: 'array', minItems: 2, items: { type: 'object', required: ['id'], properties: { id: { type: 'integer' }, tags: { type: 'array', items: { type: 'string' } } } } } } }],
  ['const, boolean, null', { type: 'object', properties: { kind: { const: 'fixed' }, on: { type: 'boolean' }, nothing: { type: 'null' } } }],
  ['combinators', { type: 'object', properties: { a: { anyOf: [{ type: 'null' }, { type: 'string' }] }, b: { oneOf: [{ type: 'integer' }] } } }],
  ['no properties', { type: 'object' }],
];

describe('sampleToolInput', () => {
  it.each(schemas)('satisfies %s', (_, schema) => {
    const input = sampleToolInput(schema);
    expect(violations(schema, input)).toEqual([]);
  });

  it('follows local $ref definitions', () => {
    const schema = { type: 'object', properties: { p: { $ref: '#/$defs/point' } }, $defs: { point: { type: 'object', required: ['x'], properties: { x: { type: 'integer', minimum: 3 } } } } };
    expect(sampleToolInput(schema)).toEqual({ p: { x: 3 } });
  });

  it('is deterministic and always an object', () => {
    expect(sampleToolInput(schemas[0][1])).toEqual(sampleToolInput(schemas[0][1]));
    expect(sampleToolInput(undefined)).toEqual({});
    expect(sampleToolInput({ type: 'string' })).toEqual({});
  });
});
