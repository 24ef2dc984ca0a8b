// AI21 Jurassic-2 through InvokeModel; it cannot stream (FORMATS.md §10).
import { InvokeModelCommand, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect } from 'vitest';
import { chunks, failure, json, requireModel, useEmulator } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';

const t = useEmulator();
const modelId = 'ai21.j2-mid-v1';

// Under BEDROCK_TARGET=aws its tests skip, naming the model, unless ListFoundationModels lists these.
requireModel(modelId);

describe.each([['HTTP/2'], ['HTTP/1.1']])('Jurassic-2 over %s', (protocol) => {
  const client = () => (protocol === 'HTTP/2' ? t.h2 : t.h1);
  const invoke = async (body: unknown) => json((await client().send(new InvokeModelCommand({ modelId, contentType: 'application/json', accept: 'application/json', body: JSON.stringify(body) }))).body);

  awsIt('answers id 1234, the prompt tokens and the completions in wire order', async () => {
    const prompt = "Explain like I'm a five-year old: what is a neural network?";
    const body = await invoke({ prompt, temperature: 0.9, topP: 1.0, maxTokens: 200, stopSequences: [] });
    expect(Object.keys(body)).toEqual(['id', 'prompt', 'completions']);
    expect(body.id).toBe(1234);
    expect(Object.keys(body.prompt)).toEqual(['text', 'tokens']);
    expect(body.prompt.text).toBe(prompt);
    const first = body.prompt.tokens[0];
    expect(Object.keys(first)).toEqual(['generatedToken', 'topTokens', 'textRange']);
    expect(Object.keys(first.generatedToken)).toEqual(['token', 'logprob', 'raw_logprob']);
    expect(first.topTokens).toBeNull();
    expect(first.generatedToken.logprob).toBeLessThan(0);
    // A word opening the text carries the ▁ word mark outside its range (capture: ▁Explain 0..7).
    expect(first.generatedToken.token).toBe('▁Expl');
    expect(first.textRange).toEqual({ start: 0, end: 4 });
    // Spaces are spelled ▁ and the ranges tile the text, each starting at the space before a word.
    const like = body.prompt.tokens.find((tok: any) => tok.generatedToken.token === '▁like');
    expect(like.textRange).toEqual({ start: 7, end: 12 });
    for (const tok of body.prompt.tokens.slice(1)) {
      expect(prompt.slice(tok.textRange.start, tok.textRange.end)).toBe(tok.generatedToken.token.replaceAll('▁', ' '));
    }
    expect(body.prompt.tokens[body.prompt.tokens.length - 1].textRange.end).toBe(prompt.length);
    expect(body.completions).toHaveLength(1);
    expect(Object.keys(body.completions[0])).toEqual(['data', 'finishReason']);
    expect(Object.keys(body.completions[0].data)).toEqual(['text', 'tokens']);
    expect(body.completions[0].finishReason).toEqual({ reason: 'endoftext' });
  });

  awsIt('stops at maxTokens with reason length and the length', async () => {
    const body = await invoke({ prompt: 'hi', maxTokens: 10 });
    expect(body.completions[0].finishReason).toEqual({ reason: 'length', length: 10 });
    expect(body.completions[0].data.tokens).toHaveLength(10);
  });

  emulatorIt('stops at a stop sequence with reason stop and the sequence', async () => {
    const body = await invoke({ prompt: 'hi', stopSequences: ['canned'] });
    expect(body.completions[0].finishReason).toEqual({ reason: 'stop', sequence: 'canned' });
    expect(body.completions[0].data.text).not.toContain('canned');
  });

  // A completion model continues the list with a comma at once; so does the canned text.
  awsIt('stops at a stop sequence with reason stop and the sequence, left out of the text', async () => {
    const body = await invoke({ prompt: '1, 2, 3,', maxTokens: 50, stopSequences: [','] });
    expect(body.completions[0].finishReason).toEqual({ reason: 'stop', sequence: ',' });
    expect(body.completions[0].data.text).not.toContain(',');
  });

  awsIt('returns numResults completions', async () => {
    const body = await invoke({ prompt: 'hi', maxTokens: 3, numResults: 2 });
    expect(body.completions).toHaveLength(2);
  });

  awsIt('refuses to stream with the exact message', async () => {
    const err = await failure(() => client().send(new InvokeModelWithResponseStreamCommand({ modelId, body: JSON.stringify({ prompt: 'hi' }) })).then((r) => chunks(r.body)));
    expect(err.name).toBe('ValidationException');
    expect(err.$metadata.httpStatusCode).toBe(400);
    expect(err.message).toBe('The model is unsupported for streaming.');
  });

  awsIt('refuses nulls and unknown keys in everit words', async () => {
    const nulls = await failure(() => invoke({ prompt: 'hi', temperature: null, topP: null, maxTokens: null }));
    expect(nulls.message).toBe(
      'Malformed input request: #/temperature: expected type: Number, found: Null#/maxTokens: expected type: Integer, found: Null#/topP: expected type: Number, found: Null, please reformat your input and try again.',
    );
    const extra = await failure(() => invoke({ prompt: 'hi', top_p: 1, max_tokens_to_sample: 5 }));
    expect(extra.message).toBe(
      'Malformed input request: #: extraneous key [top_p] is not permitted#: extraneous key [max_tokens_to_sample] is not permitted, please reformat your input and try again.',
    );
    const nested = await failure(() => invoke({ prompt: 'hi', stopSequences: [['x']] }));
    expect(nested.message).toBe('Malformed input request: #/stopSequences/0: expected type: String, found: JSONArray, please reformat your input and try again.');
  });
});
