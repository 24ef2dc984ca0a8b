// CountTokens with both input forms, agreeing with the usage Converse and InvokeModel report for
// the same request, and its refusals (src/converse.evidence.md §5).
import { ConverseCommand, CountTokensCommand, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect } from 'vitest';
import { failure, json, requireModel, useEmulator } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';
import { assistant, rawPost, user, weatherTool } from './helpers.js';

const t = useEmulator();
// Counting models (AWS count-tokens docs page): Claude 3.5 Haiku, 3.5 Sonnet, 3.7 Sonnet, Sonnet 4 …
const haiku35 = 'anthropic.claude-3-5-haiku-20241022-v1:0';
const UNSUPPORTED = "The provided model doesn't support counting tokens.";
const conversation = {
  system: [{ text: 'You are a careful assistant who answers in full sentences.' }],
  messages: [user('What is the tallest mountain on Earth?'), assistant('Mount Everest, at 8,849 metres.'), user('And the second tallest one?')],
};
const claudeBody = {
  anthropic_version: 'bedrock-2023-05-31',
  max_tokens: 100,
  system: 'You are a careful assistant.',
  messages: [{ role: 'user', content: 'Name three rivers in Europe, one per line, and nothing else.' }],
};
// CountTokens takes no inferenceConfig, and the output limit does not count as input: the Converse
// calls compared with it ask for few output tokens.
const inferenceConfig = { maxTokens: 256 };
const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

// Under BEDROCK_TARGET=aws its tests skip, naming the model, unless ListFoundationModels lists these.
requireModel(haiku35);

describe.each([['HTTP/2'], ['HTTP/1.1']])('CountTokens over %s', (protocol) => {
  const client = () => (protocol === 'HTTP/2' ? t.h2 : t.h1);
  const count = (modelId: string, input: any) => client().send(new CountTokensCommand({ modelId, input }));

  awsIt('counts a converse input exactly as Converse reports usage.inputTokens', async () => {
    const counted = await count(haiku35, { converse: conversation });
    expect(counted.$metadata.httpStatusCode).toBe(200);
    expect(Number.isInteger(counted.inputTokens)).toBe(true);
    const res = await client().send(new ConverseCommand({ modelId: haiku35, ...conversation, inferenceConfig } as any));
    expect(counted.inputTokens).toBe(res.usage!.inputTokens);
    // …and changes with the input: the system prompt counts.
    const noSystem = await count(haiku35, { converse: { messages: conversation.messages } });
    expect(noSystem.inputTokens!).toBeLessThan(counted.inputTokens!);
  });

  awsIt('counts tools in a converse input as Converse does', async () => {
    const input = { messages: [user('Weather in Oslo?')], toolConfig: { tools: [weatherTool] } };
    const counted = await count(haiku35, { converse: input });
    const res = await client().send(new ConverseCommand({ modelId: haiku35, ...input, inferenceConfig } as any));
    expect(counted.inputTokens).toBe(res.usage!.inputTokens);
    const bare = await count(haiku35, { converse: { messages: input.messages } });
    expect(counted.inputTokens!).toBeGreaterThan(bare.inputTokens!);
  });

  awsIt('counts an invokeModel body as InvokeModel reports usage for it', async () => {
    const counted = await count(haiku35, { invokeModel: { body: encode(claudeBody) } });
    const invoked = await client().send(new InvokeModelCommand({ modelId: haiku35, body: JSON.stringify(claudeBody) }));
    expect(counted.inputTokens).toBe(json(invoked.body).usage.input_tokens);
    expect(Number(invoked.$metadata.httpStatusCode)).toBe(200);
  });

  // What Anthropic's SDKs send through CountTokens (anthropic-sdk-python#1650): metadata and other
  // current keys in the body are taken, as InvokeModel takes them (src/errors.evidence.md "Settled for issue 8").
  awsIt('counts an invokeModel body with metadata as InvokeModel reports usage for it', async () => {
    const withMetadata = { ...claudeBody, metadata: { user_id: 'user-123' } };
    const counted = await count(haiku35, { invokeModel: { body: encode(withMetadata) } });
    const invoked = await client().send(new InvokeModelCommand({ modelId: haiku35, body: JSON.stringify(withMetadata) }));
    expect(counted.inputTokens).toBe(json(invoked.body).usage.input_tokens);
  });

  emulatorIt('counts an invokeModel body with metadata as the same body without it', async () => {
    const plain = await count(haiku35, { invokeModel: { body: encode(claudeBody) } });
    const withMetadata = await count(haiku35, { invokeModel: { body: encode({ ...claudeBody, metadata: { user_id: 'user-123' }, service_tier: 'auto' }) } });
    expect(withMetadata.inputTokens).toBe(plain.inputTokens);
  });

  awsIt('counts the bare id of a profile-only model that counts (Sonnet 4.5: users measured, evidence §5)', async () => {
    await requireModel('us.anthropic.claude-sonnet-4-5-20250929-v1:0');
    const counted = await count('anthropic.claude-sonnet-4-5-20250929-v1:0', { converse: conversation });
    const res = await client().send(new ConverseCommand({ modelId: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0', ...conversation, inferenceConfig } as any));
    expect(counted.inputTokens).toBe(res.usage!.inputTokens);
  });

  awsIt.each([
    // agentgateway PR #3254 curl dump (seen-with-headers) for this profile id
    ['us.anthropic.claude-haiku-4-5-20251001-v1:0'],
    // profile ids and ARNs of counting models are refused too (users' 2026 measurements)
    ['us.anthropic.claude-3-5-haiku-20241022-v1:0'],
    ['arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-5-20250929-v1:0'],
    // not on the docs list; Nova models do not count (measured)
    ['anthropic.claude-3-haiku-20240307-v1:0'],
    ['amazon.nova-lite-v1:0'],
    ['amazon.titan-text-express-v1'],
  ])('refuses %s with the counting message (no model id in it)', async (modelId) => {
    const err = await failure(() => count(modelId, { converse: { messages: [user('hi')] } }));
    expect(err.name).toBe('ValidationException');
    expect(err.$metadata.httpStatusCode).toBe(400);
    expect(err.message).toBe(UNSUPPORTED);
  });

  awsIt('refuses an unknown model id (capture error__count-tokens__400-ValidationException)', async () => {
    const err = await failure(() => count('does-not-exist-model-v1:0', { converse: { messages: [user('hi')] } }));
    expect(err.name).toBe('ValidationException');
    expect(err.message).toBe('The provided model identifier is invalid.');
  });

  awsIt('applies the conversation rules to a converse input', async () => {
    const err = await failure(() => count(haiku35, { converse: { messages: [assistant('hi')] } }));
    expect(err.message).toBe('A conversation must start with a user message. Try again with a conversation that starts with a user message.');
  });

  // Bedrock validates the body against the model's InvokeModel schema (litellm PR #30102; the
  // exact detail is inferred, evidence §5), so only the frame of the message is compared.
  awsIt('refuses an invokeModel body that breaks the model schema', async () => {
    const err = await failure(() => count(haiku35, { invokeModel: { body: encode({ messages: [{ role: 'user', content: 'hi' }] }) } }));
    expect(err.name).toBe('ValidationException');
    expect(err.message).toMatch(/^Malformed input request: .+, please reformat your input and try again\.$/);
  });
});

describe('CountTokens on the wire', () => {
  emulatorIt('answers {"inputTokens":N} and refuses with the 65-byte body (agentgateway PR #3254)', async () => {
    const ok = await rawPost(t.url, haiku35, 'count-tokens', { input: { converse: { messages: [user('hi')] } } });
    expect(ok.status).toBe(200);
    expect(new TextDecoder().decode(ok.bytes)).toMatch(/^\{"inputTokens":[1-9][0-9]*\}$/);
    const no = await rawPost(t.url, 'us.anthropic.claude-haiku-4-5-20251001-v1:0', 'count-tokens', { input: { converse: { messages: [user('hi')] } } });
    expect(no.status).toBe(400);
    expect(no.headers.get('x-amzn-errortype')).toBe('ValidationException:http://internal.amazon.com/coral/com.amazon.bedrock/');
    expect(no.headers.get('content-length')).toBe('65');
    expect(new TextDecoder().decode(no.bytes)).toBe(`{"message":"${UNSUPPORTED}"}`);
  });
});
