// outputConfig.textFormat json_schema: the answer is JSON that validates against the schema.
import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect } from 'vitest';
import { violations, type Schema } from '../../src/schema/validate.js';
import { failure, requireModel, useEmulator } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';

const t = useEmulator();
const schema: Schema = {
  type: 'object',
  required: ['city', 'temperature', 'conditions'],
  properties: { city: { type: 'string' }, temperature: { type: 'number', minimum: -50 }, conditions: { type: 'string', enum: ['sunny', 'rain'] } },
};
const outputConfig = { textFormat: { type: 'json_schema' as const, structure: { jsonSchema: { schema: JSON.stringify(schema), name: 'weather' } } } };
const messages = [{ role: 'user' as const, content: [{ text: 'Weather in Paris as JSON' }] }];

// Under BEDROCK_TARGET=aws its tests skip, naming the model, unless ListFoundationModels lists these.
requireModel('us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'anthropic.claude-3-haiku-20240307-v1:0');

describe.each([['HTTP/2'], ['HTTP/1.1']])('structured output over %s', (protocol) => {
  const client = () => (protocol === 'HTTP/2' ? t.h2 : t.h1);

  awsIt('answers with JSON valid against the requested schema', async () => {
    const res = await client().send(new ConverseCommand({ modelId: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0', messages, outputConfig, inferenceConfig: { maxTokens: 256 } }));
    const text = res.output!.message!.content![0].text!;
    const value = JSON.parse(text);
    expect(violations(schema, value)).toEqual([]);
    expect(res.stopReason).toBe('end_turn');
  });

  awsIt('refuses a schema that is not JSON', async () => {
    const bad = { textFormat: { type: 'json_schema' as const, structure: { jsonSchema: { schema: '{not json' } } } };
    const err = await failure(() => client().send(new ConverseCommand({ modelId: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0', messages, outputConfig: bad })));
    expect(err.name).toBe('ValidationException');
  });
});

describe('additionalModelResponseFieldPaths', () => {
  const claude = 'anthropic.claude-3-haiku-20240307-v1:0';
  emulatorIt('selects fields of Claude\'s native answer by JSON Pointer, nested ones under their path', async () => {
    const res = await t.h2.send(
      new ConverseCommand({ modelId: claude, messages, inferenceConfig: { stopSequences: ['canned'] }, additionalModelResponseFieldPaths: ['/stop_sequence', '/usage/input_tokens', '/nope'] }),
    );
    expect(res.additionalModelResponseFields).toEqual({ stop_sequence: 'canned', usage: { input_tokens: res.usage!.inputTokens } });
  });

  awsIt('refuses a path that is not a JSON Pointer with a 400', async () => {
    const err = await failure(() => t.h1.send(new ConverseCommand({ modelId: claude, messages, additionalModelResponseFieldPaths: ['stop_sequence'] })));
    expect(err.name).toBe('ValidationException');
    expect(err.$metadata.httpStatusCode).toBe(400);
  });
});
