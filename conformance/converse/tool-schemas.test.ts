// Tool schemas of every kind over the wire: the arguments of a tool call validate against the tool's
// schema (Ajv, strict mode off) in Converse and in Claude's native body, structured output validates
// against its schema, and a schema that is no JSON Schema gets Bedrock's refusal (src/errors.ts
// ToolSchemaErrors, src/errors.evidence.md §11). The corpus: conformance/tools/schema-corpus.
import { ConverseCommand, ConverseStreamCommand, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect } from 'vitest';
import { ajvErrors } from '../tools/schema-corpus/ajv.js';
import { keywordCorpus, pythonCorpus, zodCorpus, type CorpusEntry } from '../tools/schema-corpus/index.js';
import { failure, json, requireModel, useEmulator } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';

const t = useEmulator();
const claude = 'anthropic.claude-3-haiku-20240307-v1:0';
const sonnet = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';
const nova = 'amazon.nova-micro-v1:0';
requireModel(claude, sonnet, nova);

const corpus: CorpusEntry[] = [...keywordCorpus(), ...pythonCorpus(), ...(await zodCorpus())];
// Converse wants `type: object` at the root (evidence §11); Pydantic's recursive models lack it.
const objectRooted = corpus.filter((e) => e.schema.type === 'object');
const messages = [{ role: 'user' as const, content: [{ text: 'Use the tool.' }] }];
const toolSpec = (schema: unknown) => ({ toolSpec: { name: 'do_it', description: 'Does it.', inputSchema: { json: schema as any } } });
const claudeBody = (schema: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 300, messages: [{ role: 'user', content: 'Use the tool.' }], tools: [{ name: 'do_it', description: 'Does it.', input_schema: schema }], ...extra });
const weather = pythonCorpus().find((e) => e.name === 'pydantic/GetWeather')!;

describe('tool arguments valid against the tool schema', () => {
  awsIt('Converse: a forced Pydantic tool is called with arguments its schema accepts', async () => {
    const res = await t.h2.send(new ConverseCommand({ modelId: claude, messages, toolConfig: { tools: [toolSpec(weather.schema)], toolChoice: { tool: { name: 'do_it' } } }, inferenceConfig: { maxTokens: 200 } }));
    const call = res.output!.message!.content!.find((b) => b.toolUse)!.toolUse!;
    expect(ajvErrors(weather, call.input)).toEqual([]);
  });

  awsIt('Claude InvokeModel: a forced Pydantic tool is called with arguments its schema accepts', async () => {
    const res = json((await t.h2.send(new InvokeModelCommand({ modelId: claude, body: claudeBody(weather.schema, { tool_choice: { type: 'tool', name: 'do_it' } }) }))).body);
    const call = res.content.find((b: any) => b.type === 'tool_use');
    expect(ajvErrors(weather, call.input)).toEqual([]);
  });

  emulatorIt.each(objectRooted.map((e) => [e.name, e] as const))('Converse, %s: the toolUse input validates', async (_, entry) => {
    const res = await t.h2.send(new ConverseCommand({ modelId: claude, messages, toolConfig: { tools: [toolSpec(entry.schema)] }, inferenceConfig: { maxTokens: 300 } }));
    const call = res.output!.message!.content!.find((b) => b.toolUse)!.toolUse!;
    expect(ajvErrors(entry, call.input), JSON.stringify(call.input)).toEqual([]);
  });

  emulatorIt.each(corpus.map((e) => [e.name, e] as const))('Claude InvokeModel, %s: the tool_use input validates', async (_, entry) => {
    const res = json((await t.h2.send(new InvokeModelCommand({ modelId: claude, body: claudeBody(entry.schema) }))).body);
    const call = res.content.find((b: any) => b.type === 'tool_use');
    expect(ajvErrors(entry, call.input), JSON.stringify(call.input)).toEqual([]);
  });

  emulatorIt.each(objectRooted.map((e) => [e.name, e] as const))('structured output (Converse json_schema), %s: the answer validates', async (_, entry) => {
    const outputConfig = { textFormat: { type: 'json_schema' as const, structure: { jsonSchema: { schema: JSON.stringify(entry.schema), name: 'answer' } } } };
    const res = await t.h2.send(new ConverseCommand({ modelId: sonnet, messages, outputConfig, inferenceConfig: { maxTokens: 2000 } }));
    const value = JSON.parse(res.output!.message!.content![0].text!);
    expect(ajvErrors(entry, value), JSON.stringify(value)).toEqual([]);
  });

  emulatorIt('a schema whose properties are a long string never yields huge arguments (Nova native body)', async () => {
    const toolConfig = { tools: [{ toolSpec: { name: 'do_it', inputSchema: { json: { type: 'object', properties: 'x'.repeat(50_000) } } } }] };
    const body = JSON.stringify({ messages: [{ role: 'user', content: [{ text: 'Use the tool.' }] }], toolConfig, inferenceConfig: { maxTokens: 100 } });
    const res = json((await t.h2.send(new InvokeModelCommand({ modelId: nova, body }))).body);
    const call = res.output.message.content.find((b: any) => b.toolUse).toolUse;
    expect(call.input).toEqual({});
  });
});

describe('a tool schema that is no JSON Schema is refused', () => {
  const converseRefusal = (json: unknown, stream = false) =>
    failure(() =>
      stream
        ? t.h2.send(new ConverseStreamCommand({ modelId: claude, messages, toolConfig: { tools: [toolSpec(json)] }, inferenceConfig: { maxTokens: 50 } }))
        : t.h2.send(new ConverseCommand({ modelId: claude, messages, toolConfig: { tools: [toolSpec(json)] }, inferenceConfig: { maxTokens: 50 } })),
    );
  const claudeRefusal = (schema: unknown) => failure(() => t.h2.send(new InvokeModelCommand({ modelId: claude, body: claudeBody(schema) })));

  awsIt('Converse: a root type other than object', async () => {
    const err = await converseRefusal({ type: 'string' });
    expect(err.name).toBe('ValidationException');
    expect(err.message).toBe('The value at toolConfig.tools.0.toolSpec.inputSchema.json.type must be one of the following: object.');
  });

  awsIt('Converse: properties given as null', async () => {
    const err = await converseRefusal({ type: 'object', properties: null });
    expect(err.name).toBe('ValidationException');
    expect(err.message).toBe(
      'The json schema definition at toolConfig.tools.0.toolSpec.inputSchema is invalid. Fix the following errors and try again: $.properties: null found, object expected',
    );
  });

  awsIt('Converse: a schema that is a JSON string, not an object', async () => {
    const err = await converseRefusal('{"type":"object"}');
    expect(err.name).toBe('ValidationException');
    expect(err.message).toBe('The format of the value at toolConfig.tools.0.toolSpec.inputSchema.json is invalid. Provide a json object for the field and try again.');
  });

  awsIt('Converse, Claude: anyOf at the top level is refused by the model', async () => {
    const err = await converseRefusal({ type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } }, anyOf: [{ required: ['a'] }, { required: ['b'] }] });
    expect(err.name).toBe('ValidationException');
    expect(err.message).toMatch(/^The model returned the following errors: tools\.0\.custom\.input_schema: input_schema does not support oneOf, allOf, or anyOf at the top level/);
  });

  emulatorIt('Converse, Nova: anyOf at the top level is accepted (no evidence of a refusal)', async () => {
    const schema = { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } }, anyOf: [{ required: ['a'] }, { required: ['b'] }] };
    const res = await t.h2.send(new ConverseCommand({ modelId: nova, messages, toolConfig: { tools: [toolSpec(schema)] }, inferenceConfig: { maxTokens: 100 } }));
    const call = res.output!.message!.content!.find((b) => b.toolUse)!.toolUse!;
    expect(ajvErrors({ draft: '2020-12', schema }, call.input)).toEqual([]);
  });

  emulatorIt('ConverseStream and the index of the faulty tool: properties given as a string', async () => {
    const err = await failure(() =>
      t.h2.send(new ConverseStreamCommand({ modelId: claude, messages, toolConfig: { tools: [toolSpec(weather.schema), toolSpec({ type: 'object', properties: 'city' })] }, inferenceConfig: { maxTokens: 50 } })),
    );
    expect(err.$metadata.httpStatusCode).toBe(400);
    expect(err.message).toBe(
      'The json schema definition at toolConfig.tools.1.toolSpec.inputSchema is invalid. Fix the following errors and try again: $.properties: string found, object expected',
    );
  });

  awsIt('Claude InvokeModel: property schemas given as strings', async () => {
    const err = await claudeRefusal({ type: 'object', properties: { x: 'number', y: 'number' }, required: ['x', 'y'] });
    expect(err.name).toBe('ValidationException');
    expect(err.$metadata.httpStatusCode).toBe(400);
    expect(err.message).toContain('tools.0.custom.input_schema: JSON schema is invalid. It must match JSON Schema draft 2020-12');
  });

  emulatorIt('Claude InvokeModel: the draft 2020-12 refusal, word for word, for properties given as a string', async () => {
    const err = await claudeRefusal({ type: 'object', properties: 'city' });
    expect(err.message).toBe(
      'tools.0.custom.input_schema: JSON schema is invalid. It must match JSON Schema draft 2020-12 (https://json-schema.org/draft/2020-12). Learn more about tool use at https://docs.claude.com/en/docs/tool-use.',
    );
  });

  awsIt('Claude InvokeModel: anyOf at the top level', async () => {
    const err = await claudeRefusal({ type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } }, anyOf: [{ required: ['a'] }, { required: ['b'] }] });
    expect(err.name).toBe('ValidationException');
    expect(err.message).toContain('input_schema does not support oneOf, allOf, or anyOf at the top level');
  });

  emulatorIt('Claude InvokeModel: a root type other than object', async () => {
    const err = await claudeRefusal({ type: 'string' });
    expect(err.message).toBe("tools.0.custom.input_schema.type: Input should be 'object'");
  });

  // Unknown keywords are valid in every draft's meta-schema. (Draft-07 tuple `items` arrays are
  // accepted too, for want of evidence either way, but not asserted against AWS.)
  awsIt('accepts unknown keywords (Converse and Claude InvokeModel)', async () => {
    const schema = { type: 'object', properties: { n: { type: 'integer', 'x-order': 1, examples: [3] } }, required: ['n'], 'x-generated-by': 'test' };
    const res = await t.h2.send(new ConverseCommand({ modelId: claude, messages, toolConfig: { tools: [toolSpec(schema)], toolChoice: { tool: { name: 'do_it' } } }, inferenceConfig: { maxTokens: 200 } }));
    expect(res.stopReason).toBe('tool_use');
    const native = json((await t.h2.send(new InvokeModelCommand({ modelId: claude, body: claudeBody(schema, { tool_choice: { type: 'tool', name: 'do_it' } }) }))).body);
    expect(native.stop_reason).toBe('tool_use');
  });
});

// A stream answers the same arguments as the plain call: one assertion on the streamed JSON.
describe('streamed tool arguments', () => {
  emulatorIt('ConverseStream: the toolUse input deltas join into arguments the schema accepts', async () => {
    const entry = corpus.find((e) => e.name === 'pydantic/Booking')!;
    const res = await t.h2.send(new ConverseStreamCommand({ modelId: claude, messages, toolConfig: { tools: [toolSpec(entry.schema)] }, inferenceConfig: { maxTokens: 300 } }));
    const events: any[] = [];
    for await (const event of res.stream!) events.push(event);
    const input = events.filter((e) => e.contentBlockDelta?.delta?.toolUse).map((e) => e.contentBlockDelta.delta.toolUse.input).join('');
    expect(ajvErrors(entry, JSON.parse(input))).toEqual([]);
  });
});
