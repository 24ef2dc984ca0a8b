// Converse cache points: the first call writes the prefix, a repeat reads it (TokenUsage
// cacheRead/WriteInputTokens), and inputTokens counts only what the cache did not serve.
import { ConverseCommand, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect } from 'vitest';
import { requireModel, useEmulator } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';

const t = useEmulator();
const modelId = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';
// Over the 1024-token minimum Claude caches from.
const longSystem = Array.from({ length: 700 }, (_, i) => `Rule ${i}: be precise.`).join(' ');

// Under BEDROCK_TARGET=aws its tests skip, naming the model, unless ListFoundationModels lists these.
requireModel(modelId);

describe('Converse cache points', () => {
  emulatorIt('writes the prefix first, then reads it, keeping the totals consistent', async () => {
    const request = (question: string) =>
      new ConverseCommand({ modelId, system: [{ text: `${longSystem} ${question.length}` }, { cachePoint: { type: 'default' } }], messages: [{ role: 'user', content: [{ text: question }] }] });
    const first = await t.h2.send(request('What is rule 3?'));
    expect(first.usage!.cacheWriteInputTokens).toBeGreaterThan(1024);
    expect(first.usage!.cacheReadInputTokens).toBe(0);
    const second = await t.h1.send(request('What is rule 4?'));
    expect(second.usage!.cacheReadInputTokens).toBe(first.usage!.cacheWriteInputTokens);
    expect(second.usage!.cacheWriteInputTokens).toBe(0);
    expect(second.usage!.inputTokens).toBeLessThan(20);
    for (const u of [first.usage!, second.usage!]) {
      expect(u.totalTokens).toBe(u.inputTokens! + u.outputTokens! + u.cacheReadInputTokens! + u.cacheWriteInputTokens!);
    }
  });

  // Against a real cache: a prefix no earlier run wrote (a fresh nonce leads it) is written by the
  // first call. The second finds it or, when the cross-region profile routes it to another region's
  // cache, writes it again: either way the same prefix, counted once, outside inputTokens. Totals
  // add the cache counts in (the prompt-caching docs as quoted in ruby_llm#832; bifrost#6942 measured
  // totalTokens = input + output + cache write on Bedrock).
  awsIt('writes the prefix first; a repeat reads it or writes it again, keeping the totals consistent', async () => {
    const nonce = `Run ${Date.now()}-${Math.random().toString(36).slice(2)}.`;
    const request = (question: string) =>
      new ConverseCommand({
        modelId,
        system: [{ text: `${nonce} ${longSystem}` }, { cachePoint: { type: 'default' } }],
        messages: [{ role: 'user', content: [{ text: question }] }],
        inferenceConfig: { maxTokens: 64 },
      });
    const first = await t.h2.send(request('What is rule 3?'));
    expect(first.usage!.cacheWriteInputTokens).toBeGreaterThan(1024);
    expect(first.usage!.cacheReadInputTokens).toBe(0);
    const second = await t.h1.send(request('What is rule 4?'));
    expect(second.usage!.cacheReadInputTokens! + second.usage!.cacheWriteInputTokens!).toBe(first.usage!.cacheWriteInputTokens);
    expect(second.usage!.inputTokens!).toBeLessThan(100);
    for (const u of [first.usage!, second.usage!]) {
      expect(u.totalTokens).toBe(u.inputTokens! + u.outputTokens! + u.cacheReadInputTokens! + u.cacheWriteInputTokens!);
    }
  });

  awsIt('reports nothing cached for a prefix under the minimum, and the stream agrees', async () => {
    const res = await t.h2.send(new ConverseStreamCommand({ modelId, system: [{ text: 'Short.' }, { cachePoint: { type: 'default' } }], messages: [{ role: 'user', content: [{ text: 'hi' }] }], inferenceConfig: { maxTokens: 256 } }));
    let usage: any;
    for await (const event of res.stream!) if (event.metadata) usage = event.metadata.usage;
    expect(usage).toMatchObject({ cacheReadInputTokens: 0, cacheWriteInputTokens: 0 });
    expect(usage.totalTokens).toBe(usage.inputTokens + usage.outputTokens);
  });
});
