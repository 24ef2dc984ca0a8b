// Cohere Embed v3 / v4 through InvokeModel (FORMATS.md §9); they cannot stream.
import { InvokeModelCommand, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect } from 'vitest';
import { failure, json, requireModel, useEmulator } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';

const t = useEmulator();
const v3 = 'cohere.embed-english-v3';
const v4 = 'cohere.embed-v4:0';

// Under BEDROCK_TARGET=aws its tests skip, naming the model, unless ListFoundationModels lists these.
requireModel(v3, v4);

describe.each([['HTTP/2'], ['HTTP/1.1']])('Cohere Embed over %s', (protocol) => {
  const client = () => (protocol === 'HTTP/2' ? t.h2 : t.h1);
  const embed = async (modelId: string, body: unknown) => {
    const res = await client().send(new InvokeModelCommand({ modelId, contentType: 'application/json', accept: 'application/json', body: JSON.stringify(body) }));
    return { res, body: json(res.body) };
  };

  awsIt('v3: floats, the request id as id, texts lower-cased, keys in wire order', async () => {
    const { res, body } = await embed(v3, { texts: ['Hello World!', 'Goodbye cruel world!'], input_type: 'search_document' });
    expect(Object.keys(body)).toEqual(['embeddings', 'id', 'response_type', 'texts']);
    expect(body.id).toBe(res.$metadata.requestId);
    expect(body.response_type).toBe('embeddings_floats');
    expect(body.texts).toEqual(['hello world!', 'goodbye cruel world!']);
    expect(body.embeddings).toHaveLength(2);
    expect(body.embeddings[0]).toHaveLength(1024);
    expect(body.embeddings[0]).not.toEqual(body.embeddings[1]);
  });

  awsIt('embedding_types gives embeddings by type', async () => {
    const { body } = await embed(v3, { texts: ['hi'], input_type: 'search_query', embedding_types: ['float', 'int8', 'ubinary'] });
    expect(body.response_type).toBe('embeddings_by_type');
    expect(Object.keys(body.embeddings)).toEqual(['float', 'int8', 'ubinary']);
    expect(body.embeddings.float[0]).toHaveLength(1024);
    expect(body.embeddings.int8[0].every((v: number) => Number.isInteger(v) && v >= -128 && v <= 127)).toBe(true);
    expect(body.embeddings.ubinary[0]).toHaveLength(128);
  });

  // v4 answers by type even when no embedding_types are asked for (vercel/ai's recorded v4 answer,
  // 2026, which its provider reads as `embeddings.float`).
  awsIt('v4: floats by type, 1536 dimensions by default, output_dimension honoured', async () => {
    const plain = (await embed(v4, { texts: ['hello', 'world'], input_type: 'search_query' })).body;
    expect(plain.response_type).toBe('embeddings_by_type');
    expect(Object.keys(plain.embeddings)).toEqual(['float']);
    expect(plain.embeddings.float).toHaveLength(2);
    expect(plain.embeddings.float[0]).toHaveLength(1536);
    expect((await embed(v4, { texts: ['hi'], input_type: 'search_query', output_dimension: 256 })).body.embeddings.float[0]).toHaveLength(256);
  });

  emulatorIt('v4: keys in the recorded order, id, texts, embeddings, response_type', async () => {
    const { res, body } = await embed(v4, { texts: ['hello', 'world'], input_type: 'search_document', output_dimension: 256 });
    expect(Object.keys(body)).toEqual(['id', 'texts', 'embeddings', 'response_type']);
    expect(body.id).toBe(res.$metadata.requestId);
    expect(body.texts).toEqual(['hello', 'world']);
  });

  awsIt('v4: embedding_types still picks the types', async () => {
    const { body } = await embed(v4, { texts: ['hi'], input_type: 'search_query', embedding_types: ['int8'] });
    expect(body.response_type).toBe('embeddings_by_type');
    expect(Object.keys(body.embeddings)).toEqual(['int8']);
  });

  emulatorIt('sends the input token header and no output token header', async () => {
    const res = await fetch(`${t.url}/model/${v3}/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer x' },
      body: JSON.stringify({ texts: ['Hello World!'], input_type: 'search_document' }),
    });
    expect(res.status).toBe(200);
    expect(Number(res.headers.get('x-amzn-bedrock-input-token-count'))).toBeGreaterThan(0);
    expect(res.headers.has('x-amzn-bedrock-output-token-count')).toBe(false);
  });

  awsIt.each([
    [{ texts: ['hi'] }, '#: required key [input_type] not found#: required key [images] not found#/texts: false schema always fails'],
    [{ texts: ['x'.repeat(4680)], input_type: 'search_document' }, '#/texts/0: expected maxLength: 2048, actual: 4680'],
    [{ texts: ['hi'], input_type: 'search_document', top_k: 3 }, '#: extraneous key [top_k] is not permitted'],
  ])('refuses %j in everit words', async (bad, detail) => {
    const err = await failure(() => client().send(new InvokeModelCommand({ modelId: v3, body: JSON.stringify(bad) })));
    expect(err.name).toBe('ValidationException');
    expect(err.$metadata.httpStatusCode).toBe(400);
    expect(err.message).toBe(`Malformed input request: ${detail}, please reformat your input and try again.`);
  });

  awsIt('refuses to stream', async () => {
    const err = await failure(() => client().send(new InvokeModelWithResponseStreamCommand({ modelId: v3, body: JSON.stringify({ texts: ['hi'], input_type: 'search_query' }) })));
    expect(err.message).toBe('The model is unsupported for streaming.');
  });
});
