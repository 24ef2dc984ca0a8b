// Cohere Rerank 3.5 through InvokeModel (FORMATS.md §9); it cannot stream.
import { InvokeModelCommand, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect } from 'vitest';
import { failure, json, requireModel, useEmulator } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';

const t = useEmulator();
const modelId = 'cohere.rerank-v3-5:0';
const documents = [
  'Carson City is the capital city of the American state of Nevada.',
  'The Commonwealth of the Northern Mariana Islands is a group of islands in the Pacific Ocean. Its capital is Saipan.',
  'Washington, D.C. is the capital of the United States. It is a federal district.',
  'Capitalization in English grammar is the use of a capital letter at the start of a word.',
];
const request = { query: 'What is the capital of the United States?', documents, api_version: 2, top_n: 3 };

// Under BEDROCK_TARGET=aws its tests skip, naming the model, unless ListFoundationModels lists these.
requireModel(modelId);

describe.each([['HTTP/2'], ['HTTP/1.1']])('Cohere Rerank over %s', (protocol) => {
  const client = () => (protocol === 'HTTP/2' ? t.h2 : t.h1);

  awsIt('returns top_n results by falling relevance, keys index then relevance_score', async () => {
    const res = await client().send(new InvokeModelCommand({ modelId, contentType: 'application/json', accept: 'application/json', body: JSON.stringify(request) }));
    const body = json(res.body);
    expect(Object.keys(body)).toEqual(['results']);
    expect(body.results).toHaveLength(3);
    for (const r of body.results) {
      expect(Object.keys(r)).toEqual(['index', 'relevance_score']);
      expect(r.relevance_score).toBeGreaterThan(0);
      expect(r.relevance_score).toBeLessThan(1);
    }
    const scores = body.results.map((r: any) => r.relevance_score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(body.results[0].index).toBe(2);
    const again = json((await client().send(new InvokeModelCommand({ modelId, body: JSON.stringify(request) }))).body);
    expect(again).toEqual(body);
  });

  emulatorIt('sends only the latency header', async () => {
    const res = await fetch(`${t.url}/model/${encodeURIComponent(modelId)}/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer x' },
      body: JSON.stringify(request),
    });
    expect(res.status).toBe(200);
    expect(res.headers.has('x-amzn-bedrock-invocation-latency')).toBe(true);
    expect(res.headers.has('x-amzn-bedrock-input-token-count')).toBe(false);
    expect(res.headers.has('x-amzn-bedrock-output-token-count')).toBe(false);
  });

  awsIt.each([
    [{ query: 'q', documents }, '#: required key [api_version] not found'],
    [{ ...request, api_version: '2' }, '#/api_version: expected type: Integer, found: String'],
    [{ documents, api_version: 2, topN: 1 }, '#: required key [query] not found#: extraneous key [topN] is not permitted'],
  ])('refuses %j in everit words', async (bad, detail) => {
    const err = await failure(() => client().send(new InvokeModelCommand({ modelId, body: JSON.stringify(bad) })));
    expect(err.name).toBe('ValidationException');
    expect(err.$metadata.httpStatusCode).toBe(400);
    expect(err.message).toBe(`Malformed input request: ${detail}, please reformat your input and try again.`);
  });

  awsIt('refuses to stream', async () => {
    const err = await failure(() => client().send(new InvokeModelWithResponseStreamCommand({ modelId, body: JSON.stringify(request) })));
    expect(err.message).toBe('The model is unsupported for streaming.');
  });
});
