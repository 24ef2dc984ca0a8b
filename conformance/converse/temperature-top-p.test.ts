// `temperature` with `top_p` on the Claude models that take only one of them (Opus 4.1, Sonnet 4.5,
// Haiku 4.5, Opus 4.5, Sonnet 4.6; src/catalog/claude-rules.ts refusesTemperatureWithTopP,
// src/refusals.evidence.md C24 and K38), through Converse (with the model prefix) and in Claude's native
// body. Found while adding LlamaIndex TS, which sends both by default (conformance/ecosystem). Claude
// Sonnet 4 and older take both, and each of the two alone is taken everywhere.
import { ConverseCommand, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect } from 'vitest';
import { failure, json, requireModel, useEmulator } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';

const t = useEmulator();
const sonnet45 = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';
const haiku45 = 'us.anthropic.claude-haiku-4-5-20251001-v1:0';
const sonnet4 = 'us.anthropic.claude-sonnet-4-20250514-v1:0';
const WORDS = '`temperature` and `top_p` cannot both be specified for this model. Please use only one.';
const PREFIX = 'The model returned the following errors: ';
const user = (text: string) => ({ role: 'user' as const, content: [{ text }] });

const converse = (modelId: string, inferenceConfig: Record<string, number>) =>
  t.h2.send(new ConverseCommand({ modelId, messages: [user('Hi')], inferenceConfig: { maxTokens: 16, ...inferenceConfig } }));
const invoke = async (modelId: string, extra: Record<string, number>) =>
  json(
    (
      await t.h2.send(
        new InvokeModelCommand({ modelId, body: JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 16, messages: [{ role: 'user', content: 'Hi' }], ...extra }) }),
      )
    ).body,
  );
const refusal = async (call: () => Promise<unknown>) => {
  const err = await failure(call);
  expect([err.name, err.$metadata.httpStatusCode]).toEqual(['ValidationException', 400]);
  return err.message as string;
};

describe('Claude: temperature with top_p', () => {
  // BerriAI/litellm#15070 (2025-09-30) and mem0ai/mem0#3891 (2026-01-09) quote these words.
  awsIt('Converse on Claude Sonnet 4.5 refuses temperature with topP, with the model prefix', async () => {
    await requireModel(sonnet45);
    expect(await refusal(() => converse(sonnet45, { temperature: 0.5, topP: 0.9 }))).toBe(PREFIX + WORDS);
  });

  awsIt('InvokeModel on Claude Haiku 4.5 refuses temperature with top_p', async () => {
    await requireModel(haiku45);
    expect(await refusal(() => invoke(haiku45, { temperature: 0.5, top_p: 0.9 }))).toContain('`temperature` and `top_p` cannot both be specified');
  });

  awsIt('Claude Sonnet 4.5 takes temperature alone and topP alone', async () => {
    await requireModel(sonnet45);
    expect((await converse(sonnet45, { temperature: 0.5 })).stopReason).toBeDefined();
    expect((await converse(sonnet45, { topP: 0.9 })).stopReason).toBeDefined();
  });

  awsIt('Claude Sonnet 4 takes both, through Converse and in its native body', async () => {
    await requireModel(sonnet4);
    expect((await converse(sonnet4, { temperature: 0.5, topP: 0.9 })).stopReason).toBeDefined();
    expect((await invoke(sonnet4, { temperature: 0.1, top_p: 1 })).type).toBe('message');
  });

  emulatorIt('refuses both on Opus 4.1, Sonnet/Haiku/Opus 4.5 and Sonnet 4.6 in both routes, unprefixed in the native body; takes them elsewhere', async () => {
    const refusing = ['us.anthropic.claude-opus-4-1-20250805-v1:0', sonnet45, haiku45, 'us.anthropic.claude-opus-4-5-20251101-v1:0', 'us.anthropic.claude-sonnet-4-6'];
    for (const modelId of refusing) {
      expect(await refusal(() => converse(modelId, { temperature: 0.5, topP: 0.9 })), modelId).toBe(PREFIX + WORDS);
      expect(await refusal(() => invoke(modelId, { temperature: 0.5, top_p: 0.9 })), modelId).toBe(WORDS);
      expect((await converse(modelId, { topP: 0.9 })).stopReason, modelId).toMatch(/^(end_turn|max_tokens)$/);
    }
    for (const modelId of [sonnet4, 'us.anthropic.claude-opus-4-6-v1', 'anthropic.claude-3-haiku-20240307-v1:0']) {
      expect((await converse(modelId, { temperature: 0.5, topP: 0.9 })).stopReason, modelId).toMatch(/^(end_turn|max_tokens)$/);
      expect((await invoke(modelId, { temperature: 0.5, top_p: 0.9 })).type, modelId).toBe('message');
    }
  });
});
