// Bedrock Marketplace models behind a SageMaker endpoint ARN: TGI's OpenAI `text_completion`
// answer (invoke__imported-model-sagemaker-endpoint-arn).
import { InvokeModelCommand, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect } from 'vitest';
import { chunks, failure, json, useEmulator } from '../support/emulator.js';
import { emulatorIt } from '../support/markers.js';

const t = useEmulator();
const modelId = 'arn:aws:sagemaker:us-east-1:123456789012:endpoint/endpoint-quick-start-abcde';

describe.each([['HTTP/2'], ['HTTP/1.1']])('SageMaker endpoint over %s', (protocol) => {
  const client = () => (protocol === 'HTTP/2' ? t.h2 : t.h1);

  emulatorIt('answers a text_completion whose counts match the headers, even with out-of-range options', async () => {
    const res = await client().send(new InvokeModelCommand({ modelId, body: JSON.stringify({ prompt: 'Explain quantum mechanics.', max_tokens: 100, topP: 2, temperature: 0.5 }) }));
    const body = json(res.body);
    expect(Object.keys(body)).toEqual(['object', 'id', 'created', 'model', 'system_fingerprint', 'choices', 'usage']);
    expect(body).toMatchObject({ object: 'text_completion', id: '', model: '/opt/ml/model' });
    expect(Object.keys(body.choices[0])).toEqual(['index', 'text', 'logprobs', 'finish_reason']);
    expect(body.choices[0].finish_reason).toBe('stop');
    expect(body.usage.total_tokens).toBe(body.usage.prompt_tokens + body.usage.completion_tokens);
  });

  emulatorIt('stops at max_tokens with finish_reason length', async () => {
    const res = await client().send(new InvokeModelCommand({ modelId, body: JSON.stringify({ prompt: 'hi', max_tokens: 3 }) }));
    const body = json(res.body);
    expect(body.choices[0].finish_reason).toBe('length');
    expect(body.usage.completion_tokens).toBe(3);
  });

  emulatorIt('streams pieces whose last chunk carries the reason, the usage and the metrics', async () => {
    const res = await client().send(new InvokeModelWithResponseStreamCommand({ modelId, body: JSON.stringify({ prompt: 'hi', max_tokens: 50 }) }));
    const events = await chunks(res.body);
    expect(events.length).toBeGreaterThan(1);
    const last = events.at(-1);
    expect(last.choices[0].finish_reason).toBe('stop');
    expect(last['amazon-bedrock-invocationMetrics'].outputTokenCount).toBe(last.usage.completion_tokens);
    expect(events.slice(0, -1).every((e) => e.choices[0].finish_reason === null && e.usage === null)).toBe(true);
  });

  emulatorIt('requires a prompt', async () => {
    const err = await failure(() => client().send(new InvokeModelCommand({ modelId, body: JSON.stringify({ inputs: 'hi' }) })));
    expect(err.message).toBe('Malformed input request: #: required key [prompt] not found, please reformat your input and try again.');
  });
});
