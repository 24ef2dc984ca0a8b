// The 2025–26 request settings (API_SURFACE_2026.md): serviceTier, performanceConfig and
// requestMetadata on Converse, their headers on InvokeModel, are accepted; the answers report
// the tier and latency setting that served the request (ConverseResponse.serviceTier and
// .performanceConfig, the metadata event's, InvokeModel's modeled response headers).
import { ConverseCommand, ConverseStreamCommand, InvokeModelCommand, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect } from 'vitest';
import { chunks, json, requireModel, useEmulator } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';
import { collect } from './helpers.js';

const t = useEmulator();
const modelId = 'amazon.nova-micro-v1:0';
const hi = { messages: [{ role: 'user' as const, content: [{ text: 'Say hi.' }] }], inferenceConfig: { maxTokens: 16 } };
const novaBody = JSON.stringify({ schemaVersion: 'messages-v1', messages: [{ role: 'user', content: [{ text: 'Say hi.' }] }], inferenceConfig: { maxTokens: 16 } });

describe('service tier, latency and request metadata', () => {
  awsIt('Converse and ConverseStream take serviceTier default, performanceConfig standard and requestMetadata', async () => {
    await requireModel(modelId);
    const settings = { serviceTier: { type: 'default' as const }, performanceConfig: { latency: 'standard' as const }, requestMetadata: { project: 'conformance', team: 'wire' } };
    const res = await t.h2.send(new ConverseCommand({ modelId, ...hi, ...settings }));
    expect(res.output?.message?.content?.[0]?.text).toEqual(expect.any(String));
    const events = await collect((await t.h1.send(new ConverseStreamCommand({ modelId, ...hi, ...settings }))).stream);
    expect(events.at(-1)![0]).toBe('metadata');
  });

  awsIt('InvokeModel and its stream take the tier, latency and request-metadata headers', async () => {
    await requireModel(modelId);
    const headers = { serviceTier: 'default' as const, performanceConfigLatency: 'standard' as const, requestMetadata: JSON.stringify({ project: 'conformance' }) };
    const res = await t.h2.send(new InvokeModelCommand({ modelId, body: novaBody, ...headers }));
    expect(json(res.body).output.message.role).toBe('assistant');
    const events = await chunks((await t.h1.send(new InvokeModelWithResponseStreamCommand({ modelId, body: novaBody, ...headers }))).body);
    expect(events.at(-1)['amazon-bedrock-invocationMetrics']).toBeDefined();
  });

  emulatorIt('Converse answers report the tier and latency asked for, in the body and the metadata event', async () => {
    const settings = { serviceTier: { type: 'priority' as const }, performanceConfig: { latency: 'optimized' as const } };
    const res = await t.h2.send(new ConverseCommand({ modelId, ...hi, ...settings }));
    expect(res.serviceTier).toEqual({ type: 'priority' });
    expect(res.performanceConfig).toEqual({ latency: 'optimized' });
    const events = await collect((await t.h1.send(new ConverseStreamCommand({ modelId, ...hi, ...settings }))).stream);
    expect(events.at(-1)![1]).toMatchObject(settings);
    const plain = await t.h2.send(new ConverseCommand({ modelId, ...hi }));
    expect(plain.serviceTier).toBeUndefined();
    expect(plain.performanceConfig).toBeUndefined();
  });

  emulatorIt('InvokeModel answers carry X-Amzn-Bedrock-Service-Tier and -PerformanceConfig-Latency when asked', async () => {
    const res = await t.h2.send(new InvokeModelCommand({ modelId, body: novaBody, serviceTier: 'flex', performanceConfigLatency: 'optimized' }));
    expect(res.serviceTier).toBe('flex');
    expect(res.performanceConfigLatency).toBe('optimized');
    const streamed = await t.h1.send(new InvokeModelWithResponseStreamCommand({ modelId, body: novaBody, serviceTier: 'priority' }));
    await chunks(streamed.body);
    expect(streamed.serviceTier).toBe('priority');
    expect(streamed.performanceConfigLatency).toBeUndefined();
    const plain = await t.h2.send(new InvokeModelCommand({ modelId, body: novaBody }));
    expect(plain.serviceTier).toBeUndefined();
  });
});
