// Prompt-cache usage as 2026 answers carry it (src/responder/prompt-cache.ts, src/converse/render.ts):
// the cache counts a Converse body has when nothing is cached differ by model; with cache points,
// writes are split by TTL (Converse `cacheDetails`, Claude's native `usage.cache_creation`).
import { ConverseCommand, ConverseStreamCommand, InvokeModelCommand, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect } from 'vitest';
import { chunks, json, requireModel, useEmulator } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';
import { rawFrames, rawPost } from './helpers.js';

const t = useEmulator();
const sonnet45 = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';
const opus47 = 'us.anthropic.claude-opus-4-7';
const novaMicro = 'amazon.nova-micro-v1:0';
// Over Claude's 1024-token minimum; a fresh nonce leads it so that a first call writes the cache.
const longText = (nonce: string, what: string) => `${nonce} ${Array.from({ length: 700 }, (_, i) => `${what} ${i}: be precise.`).join(' ')}`;
const fresh = () => `Run ${Date.now()}-${Math.random().toString(36).slice(2)}.`;

const bodyOf = async (modelId: string, body: unknown) => JSON.parse(new TextDecoder().decode((await rawPost(t.url, modelId, 'converse', body)).bytes));
const streamUsage = async (modelId: string, body: unknown) => {
  const frames = await rawFrames((await rawPost(t.url, modelId, 'converse-stream', body)).bytes);
  return JSON.parse(frames.find((f) => f.headers.some(([n, v]) => n === ':event-type' && v === 'metadata'))!.body).usage;
};

describe('cache counts of answers without cache points', () => {
  const hi = { messages: [{ role: 'user', content: [{ text: 'hi' }] }], inferenceConfig: { maxTokens: 16 } };

  emulatorIt('Claude 4.5 bodies carry all four counts at 0, Opus 4.7 the read pair, Nova none; streams none', async () => {
    const keys = async (modelId: string) => Object.keys((await bodyOf(modelId, hi)).usage);
    expect(await keys(sonnet45)).toEqual(['cacheReadInputTokenCount', 'cacheReadInputTokens', 'cacheWriteInputTokenCount', 'cacheWriteInputTokens', 'inputTokens', 'outputTokens', 'serverToolUsage', 'totalTokens']);
    expect(await keys(opus47)).toEqual(['cacheReadInputTokenCount', 'cacheReadInputTokens', 'inputTokens', 'outputTokens', 'serverToolUsage', 'totalTokens']);
    expect(await keys(novaMicro)).toEqual(['inputTokens', 'outputTokens', 'serverToolUsage', 'totalTokens']);
    expect(Object.keys(await streamUsage(sonnet45, hi))).toEqual(['inputTokens', 'outputTokens', 'serverToolUsage', 'totalTokens']);
  });

  awsIt('Claude Sonnet 4.5 reports 0 cache reads and writes, Nova Micro no cache counts', async () => {
    await requireModel(sonnet45, novaMicro);
    const claude = await t.h2.send(new ConverseCommand({ modelId: sonnet45, ...hi } as any));
    expect(claude.usage).toMatchObject({ cacheReadInputTokens: 0, cacheWriteInputTokens: 0 });
    const nova = await t.h2.send(new ConverseCommand({ modelId: novaMicro, ...hi } as any));
    expect(nova.usage!.cacheReadInputTokens).toBeUndefined();
    expect(nova.usage!.cacheWriteInputTokens).toBeUndefined();
  });
});

describe('cache writes by TTL', () => {
  // CacheDetail: "cache creation metrics for a specific TTL duration" (service model 2026-01-20).
  awsIt('a 1-hour cache point: the write is reported in cacheDetails under 1h', async () => {
    await requireModel(sonnet45);
    const res = await t.h2.send(
      new ConverseCommand({
        modelId: sonnet45,
        system: [{ text: longText(fresh(), 'Rule') }, { cachePoint: { type: 'default', ttl: '1h' } }],
        messages: [{ role: 'user', content: [{ text: 'What is rule 3?' }] }],
        inferenceConfig: { maxTokens: 32 },
      }),
    );
    const usage = res.usage!;
    expect(usage.cacheWriteInputTokens).toBeGreaterThan(1024);
    expect(usage.cacheDetails!.every((d) => d.ttl === '1h')).toBe(true);
    expect(usage.cacheDetails!.reduce((n, d) => n + d.inputTokens!, 0)).toBe(usage.cacheWriteInputTokens);
  });

  emulatorIt('1h then 5m cache points: cacheDetails 5m then 1h, both spellings, in the body and the stream metadata', async () => {
    const nonce = fresh();
    const request = (n: string) => ({
      system: [{ text: longText(n, 'Rule') }, { cachePoint: { type: 'default', ttl: '1h' } }],
      messages: [{ role: 'user', content: [{ text: longText(n, 'Fact') }, { cachePoint: { type: 'default' } }, { text: 'Which rule?' }] }],
      inferenceConfig: { maxTokens: 16 },
    });
    const usage = (await bodyOf(sonnet45, request(nonce))).usage;
    expect(Object.keys(usage)).toEqual(['cacheDetails', 'cacheReadInputTokenCount', 'cacheReadInputTokens', 'cacheWriteInputTokenCount', 'cacheWriteInputTokens', 'inputTokens', 'outputTokens', 'serverToolUsage', 'totalTokens']);
    expect(usage.cacheDetails.map((d: any) => Object.keys(d))).toEqual([['inputTokens', 'ttl'], ['inputTokens', 'ttl']]);
    expect(usage.cacheDetails.map((d: any) => d.ttl)).toEqual(['5m', '1h']);
    expect(usage.cacheDetails[0].inputTokens + usage.cacheDetails[1].inputTokens).toBe(usage.cacheWriteInputTokens);
    expect(usage.cacheWriteInputTokenCount).toBe(usage.cacheWriteInputTokens);
    // A repeat reads what was written; nothing new is written, so no details.
    const again = (await bodyOf(sonnet45, request(nonce))).usage;
    expect(again.cacheReadInputTokens).toBe(usage.cacheWriteInputTokens);
    expect(again.cacheDetails).toBeUndefined();
    const streamed = await streamUsage(sonnet45, request(fresh()));
    expect(Object.keys(streamed)).toEqual(Object.keys(usage));
    expect(streamed.cacheDetails.map((d: any) => d.ttl)).toEqual(['5m', '1h']);
  });

  emulatorIt('models before Claude 4.5 report no cacheDetails', async () => {
    const usage = (await bodyOf('anthropic.claude-3-5-haiku-20241022-v1:0', { system: [{ text: longText(fresh(), 'Rule').repeat(2) }, { cachePoint: { type: 'default' } }], messages: [{ role: 'user', content: [{ text: 'hi' }] }] })).usage;
    expect(usage.cacheWriteInputTokens).toBeGreaterThan(2048);
    expect(usage.cacheDetails).toBeUndefined();
  });
});

describe("Claude's native usage.cache_creation", () => {
  const body = (nonce: string) =>
    JSON.stringify({
      anthropic_version: 'bedrock-2023-05-31',
      max_tokens: 16,
      system: [{ type: 'text', text: longText(nonce, 'Rule'), cache_control: { type: 'ephemeral', ttl: '1h' } }],
      messages: [{ role: 'user', content: 'What is rule 3?' }],
    });

  awsIt('a 1-hour cache_control write is split by TTL in cache_creation', async () => {
    await requireModel(sonnet45);
    const res = json((await t.h2.send(new InvokeModelCommand({ modelId: sonnet45, body: body(fresh()) }))).body);
    expect(res.usage.cache_creation_input_tokens).toBeGreaterThan(1024);
    expect(res.usage.cache_creation.ephemeral_1h_input_tokens).toBe(res.usage.cache_creation_input_tokens);
    expect(res.usage.cache_creation.ephemeral_5m_input_tokens).toBe(0);
  });

  emulatorIt('cache_creation follows the cache counts, in the body and message_start, and is 0 on a read', async () => {
    const nonce = fresh();
    const first = json((await t.h2.send(new InvokeModelCommand({ modelId: sonnet45, body: body(nonce) }))).body);
    expect(Object.keys(first.usage)).toEqual(['input_tokens', 'cache_creation_input_tokens', 'cache_read_input_tokens', 'cache_creation', 'output_tokens']);
    expect(first.usage.cache_creation).toEqual({ ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: first.usage.cache_creation_input_tokens });
    const events = await chunks((await t.h1.send(new InvokeModelWithResponseStreamCommand({ modelId: sonnet45, body: body(nonce) }))).body);
    const start = events.find((e) => e.type === 'message_start').message.usage;
    expect(Object.keys(start)).toEqual(Object.keys(first.usage));
    expect(start.cache_read_input_tokens).toBe(first.usage.cache_creation_input_tokens);
    expect(start.cache_creation).toEqual({ ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 });
  });
});
