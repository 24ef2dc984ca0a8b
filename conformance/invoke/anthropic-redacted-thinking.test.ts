// Redacted thinking: Anthropic's documented test prompt makes Claude answer with an encrypted
// `redacted_thinking` block (extended-thinking docs), which Converse carries as
// reasoningContent.redactedContent (pydantic-ai's recorded Bedrock tests, Claude 3.7 Sonnet).
import { ConverseCommand, ConverseStreamCommand, InvokeModelCommand, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect } from 'vitest';
import { chunks, json, requireModel, useEmulator } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';

const t = useEmulator();
const model = 'us.anthropic.claude-3-7-sonnet-20250219-v1:0';
const TRIGGER = 'ANTHROPIC_MAGIC_STRING_TRIGGER_REDACTED_THINKING_46C9A13E193C177646C7398A98432ECCCE4C1253D5E2D82641AC0E52CC2876CB';
const thinking = { type: 'enabled', budget_tokens: 1024 };
const native = JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 1024 + 200, thinking, messages: [{ role: 'user', content: TRIGGER }] });
const converse = { modelId: model, messages: [{ role: 'user' as const, content: [{ text: TRIGGER }] }], inferenceConfig: { maxTokens: 1024 + 200 }, additionalModelRequestFields: { thinking } };

requireModel(model);

/** What an [aws] test and its [emulator] twin both check: the redacted block in every API's shape. */
async function redactedEverywhere() {
  const msg = json((await t.h2.send(new InvokeModelCommand({ modelId: model, body: native }))).body);
  const redacted = msg.content.filter((b: any) => b.type === 'redacted_thinking');
  expect(redacted.length).toBeGreaterThan(0);
  expect(Object.keys(redacted[0])).toEqual(['type', 'data']);
  expect(typeof redacted[0].data).toBe('string');
  expect(msg.content.at(-1).type).toBe('text');

  const events = await chunks((await t.h2.send(new InvokeModelWithResponseStreamCommand({ modelId: model, body: native }))).body);
  const start = events.find((e) => e.type === 'content_block_start' && e.content_block.type === 'redacted_thinking');
  expect(start.content_block.data.length).toBeGreaterThan(0);
  expect(events.filter((e) => e.type === 'content_block_delta' && e.index === start.index)).toEqual([]);

  const res = await t.h2.send(new ConverseCommand(converse));
  const block = res.output!.message!.content!.find((b) => b.reasoningContent?.redactedContent);
  expect(block!.reasoningContent!.redactedContent!.length).toBeGreaterThan(0);

  const streamed = await t.h2.send(new ConverseStreamCommand(converse));
  const kinds: string[] = [];
  for await (const event of streamed.stream!) if (event.contentBlockDelta?.delta?.reasoningContent?.redactedContent) kinds.push('redactedContent');
  expect(kinds.length).toBeGreaterThan(0);
  return { msg, start };
}

describe('Redacted thinking', () => {
  awsIt('answers the documented test prompt with redacted thinking: redacted_thinking natively, redactedContent in Converse', async () => {
    await redactedEverywhere();
  });

  emulatorIt('answers the documented test prompt with one redacted_thinking block, the same data streamed', async () => {
    const { msg, start } = await redactedEverywhere();
    expect(msg.content.map((b: any) => b.type)).toEqual(['redacted_thinking', 'text']);
    expect(start.content_block).toEqual(msg.content[0]);
    // Without thinking, the prompt is ordinary text.
    const plain = JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 50, messages: [{ role: 'user', content: TRIGGER }] });
    expect(json((await t.h2.send(new InvokeModelCommand({ modelId: model, body: plain }))).body).content.map((b: any) => b.type)).toEqual(['text']);
  });
});
