// Amazon Titan Embeddings through InvokeModel (FORMATS.md §4); they cannot stream.
import { InvokeModelCommand, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect } from 'vitest';
import { failure, json, requireModel, useEmulator } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';

const t = useEmulator();
const g1 = 'amazon.titan-embed-text-v1';
const v2 = 'amazon.titan-embed-text-v2:0';
const norm = (v: number[]) => Math.hypot(...v);

// Under BEDROCK_TARGET=aws its tests skip, naming the model, unless ListFoundationModels lists these.
requireModel(g1, v2, 'amazon.titan-embed-image-v1');

describe.each([['HTTP/2'], ['HTTP/1.1']])('Titan Embeddings over %s', (protocol) => {
  const client = () => (protocol === 'HTTP/2' ? t.h2 : t.h1);
  const embed = async (modelId: string, body: unknown) => {
    const res = await client().send(new InvokeModelCommand({ modelId, contentType: 'application/json', accept: 'application/json', body: JSON.stringify(body) }));
    return { res, body: json(res.body) };
  };

  awsIt('G1: 1536 floats and the input token count, the same vector for the same text', async () => {
    const { body } = await embed(g1, { inputText: 'Hello World!' });
    expect(Object.keys(body)).toEqual(['embedding', 'inputTextTokenCount']);
    expect(body.embedding).toHaveLength(1536);
    expect(body.embedding.every((v: unknown) => typeof v === 'number')).toBe(true);
    expect(Number.isInteger(body.inputTextTokenCount)).toBe(true);
    const again = await embed(g1, { inputText: 'Hello World!' });
    expect(again.body.embedding).toEqual(body.embedding);
    const other = await embed(g1, { inputText: 'Goodbye' });
    expect(other.body.embedding).not.toEqual(body.embedding);
  });

  awsIt('V2: 1024 normalized floats by default, with embeddingsByType', async () => {
    const { body } = await embed(v2, { inputText: 'Hello World!' });
    expect(Object.keys(body)).toEqual(['embedding', 'inputTextTokenCount', 'embeddingsByType']);
    expect(body.embedding).toHaveLength(1024);
    expect(norm(body.embedding)).toBeCloseTo(1, 4);
    expect(Object.keys(body.embeddingsByType)).toEqual(['float']);
    expect(body.embeddingsByType.float).toEqual(body.embedding);
  });

  awsIt('V2: dimensions, normalize false and binary embeddings', async () => {
    const { body } = await embed(v2, { inputText: 'Hello', dimensions: 256, normalize: false, embeddingTypes: ['float', 'binary'] });
    expect(body.embedding).toHaveLength(256);
    expect(norm(body.embedding)).toBeGreaterThan(2);
    expect(body.embeddingsByType.binary).toHaveLength(256);
    expect(body.embeddingsByType.binary.every((b: number) => b === 0 || b === 1)).toBe(true);
  });

  emulatorIt('sends the input token header and no output token header', async () => {
    const res = await fetch(`${t.url}/model/${g1}/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer x' },
      body: JSON.stringify({ inputText: 'Hello World!' }),
    });
    const body = await res.json();
    expect(res.headers.get('x-amzn-bedrock-input-token-count')).toBe(String(body.inputTextTokenCount));
    expect(res.headers.has('x-amzn-bedrock-output-token-count')).toBe(false);
    expect(res.headers.has('x-amzn-bedrock-cache-read-input-token-count')).toBe(false);
  });

  awsIt.each([
    [g1, { inputText: 'hi', textGenerationConfig: {} }, 'extraneous key [textGenerationConfig] is not permitted'],
    [g1, { inputText: 'hi', dimensions: 512, normalize: true }, '2 schema violations found'],
    [v2, { inputText: ['hi'] }, 'expected type: String, found: JSONArray'],
    [v2, { inputText: 'hi', dimensions: 1536 }, '#: only 1 subschema matches out of 2'],
  ])('%s refuses %j in the legacy wording', async (modelId, bad, detail) => {
    const err = await failure(() => client().send(new InvokeModelCommand({ modelId, body: JSON.stringify(bad) })));
    expect(err.name).toBe('ValidationException');
    expect(err.$metadata.httpStatusCode).toBe(400);
    expect(err.message).toBe(`Malformed input request: ${detail}, please reformat your input and try again.`);
  });

  awsIt('refuses more than 8192 input tokens with the trailing space', async () => {
    const inputText = Array(9000).fill('word').join(' ');
    const err = await failure(() => client().send(new InvokeModelCommand({ modelId: v2, body: JSON.stringify({ inputText }) })));
    expect(err.name).toBe('ValidationException');
    expect(err.message).toBe('400 Bad Request: Too many input tokens. Max input tokens: 8192, request input token count: 9000 ');
  });

  awsIt('refuses to stream', async () => {
    const err = await failure(() => client().send(new InvokeModelWithResponseStreamCommand({ modelId: g1, body: JSON.stringify({ inputText: 'hi' }) })));
    expect(err.name).toBe('ValidationException');
    expect(err.message).toBe('The model is unsupported for streaming.');
  });

  awsIt('multimodal G1 embeds text at the requested length', async () => {
    const { body } = await embed('amazon.titan-embed-image-v1', { inputText: 'a cat', embeddingConfig: { outputEmbeddingLength: 384 } });
    expect(Object.keys(body)).toEqual(['embedding', 'inputTextTokenCount', 'message']);
    expect(body.embedding).toHaveLength(384);
    expect(body.message).toBeNull();
  });
});
