// Converse request validation with Bedrock's exact wording: the service-model ("coral") constraint
// messages, the conversation rules and the per-model capability refusals
// (src/converse.evidence.md §1, §2, §3; src/errors.ts ConverseErrors).
import { describe, expect } from 'vitest';
import { requireModel, useEmulator } from '../support/emulator.js';
import { awsIt } from '../support/markers.js';
import { assistant, calls, user, weatherTool } from './helpers.js';

const t = useEmulator();
const claude = 'anthropic.claude-3-haiku-20240307-v1:0';
const titan = 'amazon.titan-text-express-v1';
const toolConfig = { tools: [weatherTool] };
const use = (id: string) => ({ toolUse: { toolUseId: id, name: 'get_weather', input: { city: 'Paris', unit: 'celsius' } } });
const result = (id: string) => ({ toolResult: { toolUseId: id, content: [{ text: '21C' }] } });

// Under BEDROCK_TARGET=aws its tests skip, naming the model, unless ListFoundationModels lists these.
requireModel(claude, titan);

describe.each([['HTTP/2'], ['HTTP/1.1']])('validation over %s', (protocol) => {
  const client = () => (protocol === 'HTTP/2' ? t.h2 : t.h1);
  const { converse, stream, refusal } = calls(client);

  describe('conversation rules (evidence §2)', () => {
    awsIt('a conversation must start with a user message (dify#12340)', async () => {
      for (const modelId of [claude, titan]) {
        expect(await refusal({ modelId, messages: [assistant('Hi'), user('Hello')] })).toBe(
          'A conversation must start with a user message. Try again with a conversation that starts with a user message.',
        );
      }
    });

    awsIt('Claude needs alternating roles (errors.evidence §3.1)', async () => {
      expect(await refusal({ modelId: claude, messages: [user('one'), user('two')] })).toBe(
        'A conversation must alternate between user and assistant roles. Make sure the conversation alternates between user and assistant roles and try again.',
      );
    });

    awsIt('Titan accepts two user messages in a row (capture converse-stream__amazon.titan-text-express-v1__guardrail, 200)', async () => {
      const res = await converse({ modelId: titan, messages: [user('one'), user('two')], inferenceConfig: { maxTokens: 256 } });
      expect(res.$metadata.httpStatusCode).toBe(200);
      const events = await stream({ modelId: titan, messages: [user('one'), user('two')], inferenceConfig: { maxTokens: 256 } });
      expect(events.at(-1)![0]).toBe('metadata');
    });

    awsIt('empty content is named by its 0-based message index (vercel fixture, Nova 2 Lite)', async () => {
      await requireModel('amazon.nova-lite-v1:0');
      expect(await refusal({ modelId: 'amazon.nova-lite-v1:0', messages: [user('hi'), { role: 'assistant', content: [] }, user('again')] })).toBe(
        'The content field in the Message object at messages.1 is empty. Add a ContentBlock object to the content field and try again.',
      );
    });

    awsIt('blank and empty text blocks (langchain-aws#403, bedrock-engineer#8)', async () => {
      const blank = (i: number, j: number) => `The text field in the ContentBlock object at messages.${i}.content.${j} is blank. Add text to the text field, and try again.`;
      expect(await refusal({ modelId: titan, messages: [user('hi'), assistant('\n\n'), user('go on')] })).toBe(blank(1, 0));
      expect(await refusal({ modelId: claude, messages: [user('fine', '')] })).toBe(blank(0, 1));
    });

    awsIt('duplicate toolUse ids (vercel fixture, Mistral)', async () => {
      const messages = [user('Weather?'), assistant(use('tooluseAc'), use('tooluseAc')), user(result('tooluseAc'))];
      expect(await refusal({ modelId: claude, messages, toolConfig })).toBe('The toolUse blocks at messages.1.content contain duplicate Ids: tooluseAc');
    });

    awsIt('missing toolResults name the message that should hold them and every id, ", "-joined (litellm, amazon q logs)', async () => {
      const messages = [user('Weather?'), assistant(use('tooluse_a'), use('tooluse_b')), user('never mind')];
      expect(await refusal({ modelId: claude, messages, toolConfig })).toBe(
        'Expected toolResult blocks at messages.2.content for the following Ids: tooluse_a, tooluse_b',
      );
      // one of two answered
      const partial = [user('Weather?'), assistant(use('tooluse_a'), use('tooluse_b')), user(result('tooluse_b'))];
      expect(await refusal({ modelId: claude, messages: partial, toolConfig })).toBe('Expected toolResult blocks at messages.2.content for the following Ids: tooluse_a');
    });

    awsIt('more toolResults than toolUses, or one with no toolUse before it (evidence §2, quoted many times)', async () => {
      const exceeds = (i: number) => `The number of toolResult blocks at messages.${i}.content exceeds the number of toolUse blocks of previous turn.`;
      const orphan = [user('Weather?'), assistant('Let me think.'), user(result('tooluse_x'))];
      expect(await refusal({ modelId: claude, messages: orphan, toolConfig })).toBe(exceeds(2));
      const extra = [user('Weather?'), assistant(use('tooluse_a')), user(result('tooluse_a'), result('tooluse_b'))];
      expect(await refusal({ modelId: claude, messages: extra, toolConfig })).toBe(exceeds(2));
    });

    awsIt('toolUse/toolResult in history need a toolConfig (oh-my-pi changelog)', async () => {
      const messages = [user('Weather?'), assistant(use('tooluse_a')), user(result('tooluse_a'))];
      expect(await refusal({ modelId: claude, messages })).toBe('The toolConfig field must be defined when using toolUse and toolResult content blocks.');
    });

    awsIt('user messages cannot carry reasoning (vercel fixture)', async () => {
      await requireModel('us.anthropic.claude-3-7-sonnet-20250219-v1:0');
      const messages = [user({ reasoningContent: { reasoningText: { text: 'I think' } } } as any, 'hi')];
      expect(await refusal({ modelId: 'us.anthropic.claude-3-7-sonnet-20250219-v1:0', messages })).toBe(
        'User messages cannot contain reasoning content. Please remove the reasoning content and try again.',
      );
    });

    awsIt('Llama needs the last turn to be user; Claude takes an assistant prefill (beeai-framework#753)', async () => {
      await requireModel('meta.llama3-8b-instruct-v1:0');
      expect(await refusal({ modelId: 'meta.llama3-8b-instruct-v1:0', messages: [user('hi'), assistant('Sure,')] })).toBe(
        'The model that you are using requires the last turn in the conversation to be a user message. Add a user message to the conversation and try again.',
      );
      const res = await converse({ modelId: claude, messages: [user('hi'), assistant('Sure,')], inferenceConfig: { maxTokens: 256 } });
      expect(res.$metadata.httpStatusCode).toBe(200);
    });
  });

  describe('capabilities (evidence §3)', () => {
    awsIt.each([[titan], ['mistral.mistral-7b-instruct-v0:2'], ['mistral.mixtral-8x7b-instruct-v0:1']])('%s refuses a system prompt (instructor#1753)', async (modelId) => {
      await requireModel(modelId);
      expect(await refusal({ modelId, system: [{ text: 'Be brief.' }], messages: [user('hi')] })).toBe(
        "This model doesn't support system messages. Try again without a system message or use a model that supports system messages.",
      );
    });

    awsIt('maxTokens above the model limit (vercel/ai#2772; Claude 3 Haiku allows 4096)', async () => {
      expect(await refusal({ modelId: claude, messages: [user('hi')], inferenceConfig: { maxTokens: 4097 } })).toBe(
        'The maximum tokens you requested exceeds the model limit of 4096. Try again with a maximum tokens value that is lower than 4096.',
      );
      // The limit itself is the point: exactly 4096 is accepted; a one-word answer is asked for.
      const ok = await converse({ modelId: claude, messages: [user('Say hi in one word.')], inferenceConfig: { maxTokens: 4096 } });
      expect(ok.stopReason).toBe('end_turn');
    });
  });

  describe('coral constraints (evidence §1)', () => {
    awsIt("maxTokens 0 (semantic-kernel issue, claude-3-sonnet)", async () => {
      expect(await refusal({ modelId: claude, messages: [user('hi')], inferenceConfig: { maxTokens: 0 } })).toBe(
        "1 validation error detected: Value '0' at 'inferenceConfig.maxTokens' failed to satisfy constraint: Member must have value greater than or equal to 1",
      );
    });

    awsIt("temperature 1.5 and 2 print as Java floats, the limit as 1 (fixtures with '32424.0', '99.0')", async () => {
      const temp = (v: string) => `1 validation error detected: Value '${v}' at 'inferenceConfig.temperature' failed to satisfy constraint: Member must have value less than or equal to 1`;
      expect(await refusal({ modelId: claude, messages: [user('hi')], inferenceConfig: { temperature: 1.5 } })).toBe(temp('1.5'));
      expect(await refusal({ modelId: claude, messages: [user('hi')], inferenceConfig: { temperature: 2 } })).toBe(temp('2.0'));
    });

    awsIt('a tool name with a space fails the pattern, 1-based list path (remote-swe-agents#457, strands-robots)', async () => {
      const bad = { toolSpec: { ...weatherTool.toolSpec, name: 'get weather' } };
      expect(await refusal({ modelId: claude, messages: [user('hi')], toolConfig: { tools: [weatherTool, bad] } })).toBe(
        "1 validation error detected: Value 'get weather' at 'toolConfig.tools.2.member.toolSpec.name' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_-]+",
      );
    });

    awsIt('a toolUse name in history: value omitted, length before pattern, "; "-joined (openclaw#12892)', async () => {
      const name = 'x'.repeat(62) + ' bad'; // 66 characters
      const messages = [user('hi'), assistant({ toolUse: { toolUseId: 'tooluse_a', name, input: {} } }), user(result('tooluse_a'))];
      const at = "'messages.2.member.content.1.member.toolUse.name'";
      expect(await refusal({ modelId: claude, messages, toolConfig })).toBe(
        `2 validation errors detected: Value at ${at} failed to satisfy constraint: Member must have length less than or equal to 64; ` +
          `Value at ${at} failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_-]+`,
      );
    });

    awsIt('several violations are counted and joined with "; "', async () => {
      const message = await refusal({ modelId: claude, messages: [user('hi')], inferenceConfig: { maxTokens: 0, temperature: 1.5, topP: 2 } });
      const prefix = '3 validation errors detected: ';
      expect(message.startsWith(prefix)).toBe(true);
      // The order of members in the message is not evidenced; compare as a set.
      expect(new Set(message.slice(prefix.length).split('; '))).toEqual(
        new Set([
          "Value '0' at 'inferenceConfig.maxTokens' failed to satisfy constraint: Member must have value greater than or equal to 1",
          "Value '1.5' at 'inferenceConfig.temperature' failed to satisfy constraint: Member must have value less than or equal to 1",
          "Value '2.0' at 'inferenceConfig.topP' failed to satisfy constraint: Member must have value less than or equal to 1",
        ]),
      );
    });

    awsIt('coral checks come before the conversation rules', async () => {
      const message = await refusal({ modelId: claude, messages: [assistant('first')], inferenceConfig: { maxTokens: 0 } });
      expect(message).toMatch(/^1 validation error detected: Value '0' at 'inferenceConfig.maxTokens'/);
    });
  });
});
