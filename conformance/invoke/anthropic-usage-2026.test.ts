// The InvokeModel answer of Claude Opus 4.8 and later, as a real one recorded on 2026-07-30 has it
// (us.anthropic.claude-opus-4-8, pydantic-ai cassette test_mid_conversation_system_prompt_on_bedrock;
// src/errors.evidence.md "Native answers of 2026"): `stop_details: null`, usage with the cache counts at
// 0 and `cache_creation`, `output_tokens_details`, `service_tier`, and the cache-read token header
// alone. Claude Haiku 4.5 (April 2026) answered without them, and so do the older models here.
import { InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect } from 'vitest';
import { json, requireModel, useEmulator } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';

const t = useEmulator();
const opus48 = 'us.anthropic.claude-opus-4-8';
const haiku45 = 'us.anthropic.claude-haiku-4-5-20251001-v1:0';
const body = JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 32, messages: [{ role: 'user', content: 'Say OK' }] });
const AUTH = 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/bedrock/aws4_request, SignedHeaders=host, Signature=0';
const raw = async (modelId: string) => {
  const res = await fetch(`${t.url}/model/${encodeURIComponent(modelId)}/invoke`, { method: 'POST', headers: { authorization: AUTH, 'content-type': 'application/json' }, body });
  return { headers: res.headers, body: (await res.json()) as any };
};

describe('Claude native answers of 2026: stop_details and detailed usage', () => {
  emulatorIt('Opus 4.8: stop_details null, usage with cache counts, output_tokens_details and service_tier, the cache-read header only', async () => {
    const { headers, body: answer } = await raw(opus48);
    expect(Object.keys(answer)).toEqual(['id', 'type', 'role', 'model', 'content', 'stop_reason', 'stop_sequence', 'stop_details', 'usage']);
    expect(answer.stop_details).toBeNull();
    expect(answer.usage).toEqual({
      input_tokens: answer.usage.input_tokens,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
      cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
      output_tokens: answer.usage.output_tokens,
      output_tokens_details: { thinking_tokens: 0 },
      service_tier: 'standard',
    });
    expect(headers.get('x-amzn-bedrock-cache-read-input-token-count')).toBe('0');
    expect(headers.get('x-amzn-bedrock-cache-write-input-token-count')).toBeNull();
  });

  emulatorIt('Haiku 4.5 keeps the plain shape: no stop_details, usage of input and output tokens, no cache headers', async () => {
    const { headers, body: answer } = await raw(haiku45);
    expect(Object.keys(answer)).toEqual(['id', 'type', 'role', 'model', 'content', 'stop_reason', 'stop_sequence', 'usage']);
    expect(Object.keys(answer.usage)).toEqual(['input_tokens', 'output_tokens']);
    expect(headers.get('x-amzn-bedrock-cache-read-input-token-count')).toBeNull();
  });

  awsIt('Opus 4.8 answers stop_details null and reports output_tokens_details and service_tier', async () => {
    await requireModel(opus48);
    const answer = json((await t.h2.send(new InvokeModelCommand({ modelId: opus48, body }))).body);
    expect(answer.stop_details).toBeNull();
    expect(answer.usage).toMatchObject({ cache_creation_input_tokens: 0, cache_read_input_tokens: 0, service_tier: 'standard' });
    expect(typeof answer.usage.output_tokens_details.thinking_tokens).toBe('number');
  });
});
