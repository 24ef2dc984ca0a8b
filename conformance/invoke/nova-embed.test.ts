// Amazon Nova Multimodal Embeddings through InvokeModel (synchronous SINGLE_EMBEDDING). Request
// shapes from pydantic-ai's recorded calls (2026-01-28, answered 200); the answer's shape from the
// Nova user guide's embeddings schema (src/families/nova-embed.ts).
import { InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect } from 'vitest';
import { json, requireModel, useEmulator } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';

const t = useEmulator();
const model = 'amazon.nova-2-multimodal-embeddings-v1:0';
const request = (value: string, extra: Record<string, unknown> = {}, purpose = 'GENERIC_RETRIEVAL') => ({
  taskType: 'SINGLE_EMBEDDING',
  singleEmbeddingParams: { embeddingPurpose: purpose, text: { value, truncationMode: 'NONE' }, ...extra },
});

// Under BEDROCK_TARGET=aws its tests skip, naming the model, unless ListFoundationModels lists it.
requireModel(model);

describe.each([['HTTP/2'], ['HTTP/1.1']])('Nova Multimodal Embeddings over %s', (protocol) => {
  const client = () => (protocol === 'HTTP/2' ? t.h2 : t.h1);
  const embed = async (body: unknown) => {
    const res = await client().send(new InvokeModelCommand({ modelId: model, contentType: 'application/json', accept: 'application/json', body: JSON.stringify(body) }));
    return { res, body: json(res.body) };
  };

  awsIt('answers one TEXT embedding of 3072 floats, 256 when embeddingDimension asks, with an input token count', async () => {
    const { res, body } = await embed(request('Hello, world!'));
    expect(Object.keys(body)).toEqual(['embeddings']);
    expect(body.embeddings).toHaveLength(1);
    expect(body.embeddings[0].embeddingType).toBe('TEXT');
    expect(body.embeddings[0].embedding).toHaveLength(3072);
    expect(Number(res.$metadata.httpStatusCode)).toBe(200);
    const small = await embed(request('Test Nova dimensions', { embeddingDimension: 256 }));
    expect(small.body.embeddings[0].embedding).toHaveLength(256);
    // The recorded requests' truncation modes and purposes are all answered.
    for (const extra of [{ text: { value: 'Test Nova truncate', truncationMode: 'END' } }, { text: { value: 'Test Nova truncate start', truncationMode: 'START' } }]) {
      expect((await embed(request('x', extra))).body.embeddings).toHaveLength(1);
    }
    expect((await embed(request('Test Nova settings', {}, 'TEXT_RETRIEVAL'))).body.embeddings).toHaveLength(1);
  });

  emulatorIt('gives the same unit vector for the same text and purpose, another for another text, and another for another purpose', async () => {
    const a = await embed(request('hello'));
    const b = await embed(request('hello'));
    const c = await embed(request('world'));
    expect(a.body.embeddings[0].embedding).toEqual(b.body.embeddings[0].embedding);
    expect(a.body.embeddings[0].embedding).not.toEqual(c.body.embeddings[0].embedding);
    expect(Math.hypot(...a.body.embeddings[0].embedding)).toBeCloseTo(1, 3);
    const purpose = await embed(request('hello', {}, 'CLASSIFICATION'));
    expect(purpose.body.embeddings[0].embedding).not.toEqual(a.body.embeddings[0].embedding);
  });
});
