// Pacing counts the generated text each stream event carries (src/stream/pacing.ts textTokens). For
// every family's native stream, that count must add up to what the invocation metrics bill, or a
// paced stream would go out at the wrong speed.
import { InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { expect } from 'vitest';
import { MODELS } from '../../src/catalog/models.js';
import { textTokens } from '../../src/stream/pacing.js';
import { chunks, useEmulator } from '../support/emulator.js';
import { emulatorIt } from '../support/markers.js';

const t = useEmulator();
const messages = [{ role: 'user', content: 'hi' }];
const BODIES: Record<string, unknown> = {
  'anthropic-messages': { anthropic_version: 'bedrock-2023-05-31', max_tokens: 300, messages },
  'anthropic-text': { prompt: '\n\nHuman: hi\n\nAssistant:', max_tokens_to_sample: 300 },
  'titan-text': { inputText: 'hi' },
  nova: { messages: [{ role: 'user', content: [{ text: 'hi' }] }] },
  llama: { prompt: 'hi' },
  'mistral-text': { prompt: '<s>[INST] hi [/INST]' },
  'mistral-chat': { messages },
  'cohere-command': { prompt: 'hi' },
  'cohere-command-r': { message: 'hi' },
  'ai21-jamba': { messages },
  deepseek: { prompt: 'hi' },
  openai: { messages },
  palmyra: { messages },
  'sagemaker-completions': { prompt: 'hi', max_tokens: 100 },
};
// The first streaming model of each family, called as it is served (on demand, else a US profile).
const firsts = new Map([...MODELS].reverse().filter((m) => m.streaming).map((m) => [m.family, m] as const));
const picked = [...firsts.values()].map((m) => [m.family, m.inferenceTypes.includes('ON_DEMAND') ? m.modelId : `us.${m.modelId}`] as const);

emulatorIt.each(picked)('%s (%s): the text tokens pacing counts in the stream are the billed output tokens (±10%%)', async (family, modelId) => {
  const out = await t.h1.send(new InvokeModelWithResponseStreamCommand({ modelId, body: JSON.stringify(BODIES[family]) }));
  const events = await chunks(out.body);
  const counted = events.reduce((n, e) => n + textTokens(e), 0);
  const billed = events.at(-1)['amazon-bedrock-invocationMetrics'].outputTokenCount;
  expect(counted).toBeGreaterThan(0);
  expect(Math.abs(counted - billed)).toBeLessThanOrEqual(Math.max(2, billed * 0.1));
});
