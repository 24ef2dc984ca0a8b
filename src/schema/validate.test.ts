// The validator words violations as Bedrock's everit-json-schema does (src/errors.evidence.md §0).
import { describe, expect, it } from 'vitest';
import { BedrockError } from '../errors.js';
import { javaKeyOrder } from './java-order.js';
import { validate, violations, type Schema } from './validate.js';

const message = (schema: Schema, value: unknown, style?: 'joined' | 'legacy') => {
  try {
    validate(schema, value, style);
  } catch (err) {
    expect(err).toBeInstanceOf(BedrockError);
    return (err as BedrockError).message;
  }
  throw new Error('expected a violation');
};

describe('everit wording', () => {
  it.each<[string, Schema, unknown, string]>([
    ['type', { type: 'object', properties: { a: { type: 'integer' } } }, { a: 'x' }, '#/a: expected type: Integer, found: String'],
    ['null', { type: 'object', properties: { a: { type: 'number' } } }, { a: null }, '#/a: expected type: Number, found: Null'],
    ['required', { type: 'object', required: ['k'] }, {}, '#: required key [k] not found'],
    ['extraneous', { type: 'object', properties: {}, additionalProperties: false }, { z: 1 }, '#: extraneous key [z] is not permitted'],
    ['maximum', { type: 'object', properties: { n: { type: 'integer', maximum: 2048 } } }, { n: 8192 }, '#/n: 8192 is not less or equal to 2048'],
    ['minimum', { type: 'integer', minimum: 1 }, 0, '#: 0 is not greater or equal to 1'],
    ['minItems', { type: 'object', properties: { m: { type: 'array', minItems: 1 } } }, { m: [] }, '#/m: expected minimum item count: 1, found: 0'],
    ['maxLength', { type: 'array', items: { type: 'string', maxLength: 2 } }, ['abc'], '#/0: expected maxLength: 2, actual: 3'],
    ['enum', { type: 'string', enum: ['a'] }, 'b', '#: b is not a valid enum value'],
    ['false', { type: 'object', properties: { t: false } }, { t: 1 }, '#/t: false schema always fails'],
    ['not', { not: { required: ['messages'] } }, { messages: [] }, '#: subject must not be valid against schema {"required":["messages"]}'],
  ])('%s', (_, schema, value, expected) => {
    expect(violations(schema, value)).toEqual([expected]);
  });

  it('joins several violations with no separator inside Bedrock\'s frame', () => {
    const schema: Schema = { type: 'object', required: ['a', 'b'] };
    expect(message(schema, {})).toBe('Malformed input request: #: required key [a] not found#: required key [b] not found, please reformat your input and try again.');
  });

  it('reproduces the 240-byte Claude error, extraneous keys in Java HashMap order', () => {
    const schema: Schema = {
      anyOf: [{ not: { required: ['messages'] } }, { type: 'object', properties: { messages: {}, max_tokens: {}, anthropic_version: {} }, additionalProperties: false }],
    };
    const text = message(schema, { model: 'x', messages: [], max_tokens: 1, anthropic_version: 'v', stream: true });
    expect(text).toBe(
      'Malformed input request: #: subject must not be valid against schema {"required":["messages"]}#: extraneous key [stream] is not permitted#: extraneous key [model] is not permitted, please reformat your input and try again.',
    );
    expect(JSON.stringify({ message: text }).length).toBe(240);
  });

  it('orders keys as a default-capacity java.util.HashMap iterates them', () => {
    expect(javaKeyOrder(['model', 'stream'])).toEqual(['stream', 'model']);
    expect(javaKeyOrder(['AnthropicVersion', 'MaxTokens', 'Messages'])).toEqual(['Messages', 'MaxTokens', 'AnthropicVersion']);
  });

  it('uses the legacy pointer-less wording where a model does (Titan Embeddings)', () => {
    expect(message({ type: 'object', properties: { inputText: { type: 'string' } } }, { inputText: [] }, 'legacy')).toBe(
      'Malformed input request: expected type: String, found: JSONArray, please reformat your input and try again.',
    );
    expect(message({ type: 'object', required: ['a', 'b'] }, {}, 'legacy')).toBe('Malformed input request: 2 schema violations found, please reformat your input and try again.');
    expect(message({ allOf: [{ type: 'object' }, { required: ['x'] }] }, {}, 'legacy')).toBe(
      'Malformed input request: #: only 1 subschema matches out of 2, please reformat your input and try again.',
    );
  });
});
