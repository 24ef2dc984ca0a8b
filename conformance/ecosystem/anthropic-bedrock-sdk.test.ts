// Anthropic's own Bedrock client (@anthropic-ai/bedrock-sdk), used as its README shows: messages.create
// and messages.stream. The client speaks Claude's native Messages body over InvokeModel and
// InvokeModelWithResponseStream, moving the model id into the path and the API version into the
// body's anthropic_version (the value of its own `anthropic-version` header). It does not read
// AWS_ENDPOINT_URL_BEDROCK_RUNTIME: it takes `baseURL` (or ANTHROPIC_BEDROCK_BASE_URL), see js-clients.ts.
import { describe, expect } from 'vitest';
import { requireModel, useLoggedTarget } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';
import { anthropicBedrock } from './js-clients.js';

// The SDK writes anthropic_version 2026-10-21 into every body. Anthropic documents that version on
// Bedrock for Claude 4.7 and later only; the ARN-versioned models before it (Haiku 4.5, Sonnet 4.5,
// Opus 4.6, …) "can return a 400 error" with it (src/errors.evidence.md, "Settled for issue 8").
// So the SDK's default calls go to a model that takes it.
const CLAUDE = 'us.anthropic.claude-sonnet-5';
requireModel(CLAUDE);

const { t, requests } = useLoggedTarget();
const messages = [{ role: 'user' as const, content: 'Say hello in five words.' }];

describe("Anthropic's Bedrock SDK", () => {
  awsIt('messages.create answers a message with text, a stop reason and the usage', async () => {
    const client = await anthropicBedrock(t);
    const message = await client.messages.create({ model: CLAUDE, max_tokens: 40, messages });
    expect(message.type).toBe('message');
    expect(message.role).toBe('assistant');
    expect(message.id).toMatch(/^msg_/);
    expect(message.model).toMatch(/^claude-sonnet-5/);
    const text = message.content.map((b) => (b.type === 'text' ? b.text : '')).join('');
    expect(text.trim()).not.toBe('');
    expect(['end_turn', 'max_tokens']).toContain(message.stop_reason);
    expect(message.usage.input_tokens).toBeGreaterThan(0);
    expect(message.usage.output_tokens).toBeGreaterThan(0);
    expect(message.usage.output_tokens).toBeLessThanOrEqual(40);
  });

  awsIt('messages.stream streams text deltas that add up to the final message', async () => {
    const client = await anthropicBedrock(t);
    const stream = client.messages.stream({ model: CLAUDE, max_tokens: 60, messages: [{ role: 'user', content: 'Count from one to ten in words.' }] });
    const deltas: string[] = [];
    stream.on('text', (delta) => void deltas.push(delta));
    const message = await stream.finalMessage();
    const text = message.content.map((b) => (b.type === 'text' ? b.text : '')).join('');
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join('')).toBe(text);
    expect(text.trim()).not.toBe('');
    expect(['end_turn', 'max_tokens']).toContain(message.stop_reason);
    expect(message.usage.output_tokens).toBeGreaterThan(0);
  });

  emulatorIt('create is one InvokeModel request, stream one InvokeModelWithResponseStream, both answered 200', async () => {
    const client = await anthropicBedrock(t);
    const before = requests.length;
    await client.messages.create({ model: CLAUDE, max_tokens: 40, messages });
    await client.messages.stream({ model: CLAUDE, max_tokens: 40, messages }).finalMessage();
    expect(requests.slice(before)).toEqual([`InvokeModel ${CLAUDE} 200`, `InvokeModelWithResponseStream ${CLAUDE} 200`]);
  });
});
