// Amazon Titan Text through InvokeModel and InvokeModelWithResponseStream (FORMATS.md §3).
import { InvokeModelCommand, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect } from 'vitest';
import { chunks, failure, json, requireModel, useEmulator } from '../support/emulator.js';
import { awsIt } from '../support/markers.js';

const t = useEmulator();
const modelId = 'amazon.titan-text-express-v1';

// Under BEDROCK_TARGET=aws its tests skip, naming the model, unless ListFoundationModels lists these.
requireModel(modelId);

describe.each([['HTTP/2'], ['HTTP/1.1']])('Titan Text over %s', (protocol) => {
  const client = () => (protocol === 'HTTP/2' ? t.h2 : t.h1);

  awsIt('answers with the native body, its keys in wire order, and the token headers', async () => {
    const res = await client().send(
      new InvokeModelCommand({ modelId, contentType: 'application/json', accept: 'application/json', body: JSON.stringify({ inputText: 'Explain quantum physics in 2 sentences.', textGenerationConfig: { maxTokenCount: 256, temperature: 0.5 } }) }),
    );
    const body = json(res.body);
    expect(Object.keys(body)).toEqual(['inputTextTokenCount', 'results']);
    expect(Object.keys(body.results[0])).toEqual(['tokenCount', 'outputText', 'completionReason']);
    expect(body.results[0].completionReason).toBe('FINISH');
    expect(res.contentType).toBe('application/json');
  });

  awsIt('stops at maxTokenCount with LENGTH', async () => {
    const res = await client().send(new InvokeModelCommand({ modelId, body: JSON.stringify({ inputText: 'hi', textGenerationConfig: { maxTokenCount: 5 } }) }));
    const body = json(res.body);
    expect(body.results[0]).toMatchObject({ tokenCount: 5, completionReason: 'LENGTH' });
  });

  awsIt('streams one chunk carrying the invocation metrics', async () => {
    const res = await client().send(new InvokeModelWithResponseStreamCommand({ modelId, body: JSON.stringify({ inputText: 'hi', textGenerationConfig: { maxTokenCount: 10 } }) }));
    const events = await chunks(res.body);
    expect(events).toHaveLength(1);
    expect(Object.keys(events[0])).toEqual(['outputText', 'index', 'totalOutputTextTokenCount', 'completionReason', 'inputTextTokenCount', 'amazon-bedrock-invocationMetrics']);
    expect(events[0]['amazon-bedrock-invocationMetrics']).toMatchObject({ inputTokenCount: events[0].inputTextTokenCount, outputTokenCount: 10 });
  });

  // Unknown keys are not refused: no Titan *Text* sighting (src/refusals.evidence.md S21).
  awsIt('refuses a body that breaks the schema in everit words', async () => {
    const err = await failure(() => client().send(new InvokeModelCommand({ modelId, body: JSON.stringify({ inputTxt: 'hi' }) })));
    expect(err.name).toBe('ValidationException');
    expect(err.$metadata.httpStatusCode).toBe(400);
    expect(err.message).toBe('Malformed input request: #: required key [inputText] not found, please reformat your input and try again.');
  });
});
