// Quoted Bedrock behaviour that depends on one model or one path: usage keys of 2026 Claude,
// adaptive thinking, model-side rejections passed through with the Converse prefix, Jurassic-2's
// single turn, `system`-role messages, long tool names and documents in CountTokens
// (src/converse.evidence.md §1–§5, §7; capture converse-stream__us.anthropic.claude-sonnet-5__adaptive-thinking).
import { CountTokensCommand } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect } from 'vitest';
import { failure, requireModel, useEmulator } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';
import { assistant, calls, rawFrames, rawPost, user, weatherTool } from './helpers.js';

const t = useEmulator();
const sonnet5 = 'us.anthropic.claude-sonnet-5';
const claude37 = 'us.anthropic.claude-3-7-sonnet-20250219-v1:0';
const question = [user('What is the smallest positive integer n such that n! is divisible by 10^6?')];
const decode = (bytes: Uint8Array) => JSON.parse(new TextDecoder().decode(bytes));
const SHORT_QUESTION = 'Say hello in one short sentence.';

// Under BEDROCK_TARGET=aws its tests skip, naming the model, unless ListFoundationModels lists these.
requireModel('anthropic.claude-3-haiku-20240307-v1:0');

describe('usage keys of a 2026 Claude (evidence §7, "Usage keys vary")', () => {
  emulatorIt('ConverseStream metadata usage: input, output, serverToolUsage {}, total, and no cache keys (capture)', async () => {
    const res = await rawPost(t.url, sonnet5, 'converse-stream', { messages: question, inferenceConfig: { maxTokens: 4096 } });
    const frames = await rawFrames(res.bytes);
    const usage = JSON.parse(frames.at(-1)!.body).usage;
    expect(Object.keys(usage)).toEqual(['inputTokens', 'outputTokens', 'serverToolUsage', 'totalTokens']);
    expect(usage.serverToolUsage).toEqual({});
  });

  emulatorIt('Converse usage carries both cache spellings at 0', async () => {
    const res = await rawPost(t.url, sonnet5, 'converse', { messages: question });
    const usage = decode(res.bytes).usage;
    expect(Object.keys(usage)).toEqual(['cacheReadInputTokenCount', 'cacheReadInputTokens', 'inputTokens', 'outputTokens', 'serverToolUsage', 'totalTokens']);
    expect([usage.cacheReadInputTokenCount, usage.cacheReadInputTokens]).toEqual([0, 0]);
  });
});

describe('usage of a 2026 Claude through the SDK', () => {
  const { converse, stream } = calls(() => t.h2);
  // What the SDK shows of the usage above (it drops serverToolUsage and cacheReadInputTokenCount,
  // members its model lacks): totals that add up, and no cached input without a cache point.
  awsIt('Sonnet 5 usage adds up on both operations, nothing read from cache', async () => {
    await requireModel(sonnet5);
    const input = { modelId: sonnet5, messages: [user(SHORT_QUESTION)], inferenceConfig: { maxTokens: 64 } };
    const res = await converse(input);
    const usage = res.usage!;
    expect(usage.cacheReadInputTokens ?? 0).toBe(0);
    expect(usage.cacheWriteInputTokens ?? 0).toBe(0);
    expect(usage.totalTokens).toBe(usage.inputTokens! + usage.outputTokens!);
    const events = await stream(input);
    const meta = events.at(-1)!;
    expect(meta[0]).toBe('metadata');
    expect(meta[1].usage.cacheReadInputTokens ?? 0).toBe(0);
    expect(meta[1].usage.totalTokens).toBe(meta[1].usage.inputTokens + meta[1].usage.outputTokens);
  });
});

describe.each([['HTTP/2'], ['HTTP/1.1']])('model-specific rules over %s', (protocol) => {
  const client = () => (protocol === 'HTTP/2' ? t.h2 : t.h1);
  const { converse, stream } = calls(client);
  const refusal = async (input: Record<string, any>, op: (input: Record<string, any>) => Promise<unknown> = converse) => {
    const err = await failure(() => op(input));
    expect(err.name).toBe('ValidationException');
    expect(err.$metadata.httpStatusCode).toBe(400);
    return err.message as string;
  };

  awsIt('Sonnet 5 adaptive thinking streams reasoning text, then the signature, then text (capture)', async () => {
    await requireModel(sonnet5);
    // Room for the thinking and a text block after it, which the test needs: the capture's request
    // (this question, asked to reason step by step) used 1,196 output tokens.
    const input = { modelId: sonnet5, messages: question, inferenceConfig: { maxTokens: 2048 }, additionalModelRequestFields: { thinking: { type: 'adaptive', display: 'summarized' } } };
    const events = await stream(input);
    const block0 = events.filter(([k, v]) => k === 'contentBlockDelta' && v.contentBlockIndex === 0).map(([, v]) => v.delta);
    expect(block0.length).toBeGreaterThan(1);
    expect(block0.slice(0, -1).every((d) => typeof d.reasoningContent?.text === 'string')).toBe(true);
    expect(typeof block0.at(-1).reasoningContent.signature).toBe('string');
    expect(events.some(([k, v]) => k === 'contentBlockDelta' && v.contentBlockIndex === 1 && typeof v.delta.text === 'string')).toBe(true);
    const res = await converse(input);
    expect(Object.keys(res.output!.message!.content![0])).toContain('reasoningContent');
  });

  // LibreChat#8346 (Converse, with the prefix); src/errors.ts claudeThinkingBudgetMin.
  awsIt('passes Claude\'s thinking budget check through with the Converse prefix', async () => {
    await requireModel(claude37);
    const message = await refusal({ modelId: claude37, messages: question, inferenceConfig: { maxTokens: 2000 }, additionalModelRequestFields: { thinking: { type: 'enabled', budget_tokens: 100 } } });
    expect(message).toBe('The model returned the following errors: thinking.enabled.budget_tokens: Input should be greater than or equal to 1024');
  });

  // ModelOps table (Converse wording; InvokeModel has no prefix), evidence §3.
  awsIt('refuses a prompt longer than the context window', async () => {
    const huge = 'word '.repeat(260_000); // over Claude 3 Haiku's 200,000-token window by any tokenizer
    const message = await refusal({ modelId: 'anthropic.claude-3-haiku-20240307-v1:0', messages: [user(huge)] });
    expect(message).toBe('The model returned the following errors: Input is too long for requested model.');
  });

  // Japanese blog quoting botocore's ValidationException on Converse (evidence §2).
  awsIt('Jurassic-2 refuses conversation history', async () => {
    await requireModel('ai21.j2-mid-v1');
    const message = await refusal({ modelId: 'ai21.j2-mid-v1', messages: [user('hi'), assistant('Hello.'), user('again')] });
    expect(message).toBe("This model doesn't support conversation history. Try again with input that only includes one user message.");
    const ok = await converse({ modelId: 'ai21.j2-mid-v1', messages: [user('hi')], inferenceConfig: { maxTokens: 256 } });
    expect(ok.stopReason).toBe('end_turn');
  });

  // Cohere Command and Command Light are "Limited (no chat)" for Converse and ConverseStream in AWS's
  // feature table (evidence §6): one user message is answered, history is refused as for Jurassic-2.
  // Both models are retired; the test skips where ListFoundationModels no longer lists them.
  awsIt.each([['cohere.command-text-v14'], ['cohere.command-light-text-v14']])('%s answers one user message through Converse and ConverseStream, and refuses history', async (modelId) => {
    await requireModel(modelId);
    const ok = await converse({ modelId, messages: [user('hi')], inferenceConfig: { maxTokens: 64 } });
    expect(ok.output?.message?.content?.[0]?.text?.length).toBeGreaterThan(0);
    expect(['end_turn', 'max_tokens']).toContain(ok.stopReason);
    const events = await stream({ modelId, messages: [user('hi')], inferenceConfig: { maxTokens: 64 } });
    expect(events[0][0]).toBe('messageStart');
    expect(events.at(-1)![0]).toBe('metadata');
    const message = await refusal({ modelId, messages: [user('hi'), assistant('Hello.'), user('again')] });
    expect(message).toBe("This model doesn't support conversation history. Try again with input that only includes one user message.");
  });

  // The service model now has `system` in ConversationRole, so the message reaches the model
  // check; seen for Claude Opus 4.8 (a Rust code comment, evidence §1.2 and §3).
  awsIt('a system-role message on Claude Opus 4.8 gets the system-messages refusal', async () => {
    await requireModel('us.anthropic.claude-opus-4-8');
    const message = await refusal({ modelId: 'us.anthropic.claude-opus-4-8', messages: [user('hi'), { role: 'system', content: [{ text: 'Be brief.' }] }] });
    expect(message).toBe("This model doesn't support system messages. Try again without a system message or use a model that supports system messages.");
  });

  // Inferred (evidence §2, `messages: []`): coral allows it, the most likely text is this one.
  awsIt('an empty message list must start with a user message', async () => {
    expect(await refusal({ modelId: 'anthropic.claude-3-haiku-20240307-v1:0', messages: [] })).toBe(
      'A conversation must start with a user message. Try again with a conversation that starts with a user message.',
    );
  });

  // AgentCore notes, two repos (evidence §1.2): ConverseStream, the 4th tool, value printed.
  awsIt('a tool name over 64 characters, at its 1-based position, on ConverseStream', async () => {
    const name = 'gateway_requirement-manager-target___update_document_requirements';
    const tools = [0, 1, 2].map((i) => ({ toolSpec: { ...weatherTool.toolSpec, name: `tool_${i}` } })).concat([{ toolSpec: { ...weatherTool.toolSpec, name } }]);
    const message = await refusal({ modelId: 'anthropic.claude-3-haiku-20240307-v1:0', messages: [user('hi')], toolConfig: { tools } }, stream);
    expect(message).toBe(
      `1 validation error detected: Value '${name}' at 'toolConfig.tools.4.member.toolSpec.name' failed to satisfy constraint: Member must have length less than or equal to 64`,
    );
  });

  // aws/aws-sdk-java-v2#6370: Claude Sonnet 4, converse input with a document (evidence §5).
  awsIt('CountTokens refuses a document in a converse input', async () => {
    await requireModel('anthropic.claude-sonnet-4-20250514-v1:0');
    const err = await failure(() =>
      client().send(
        new CountTokensCommand({
          modelId: 'anthropic.claude-sonnet-4-20250514-v1:0',
          input: { converse: { messages: [user({ document: { format: 'txt', name: 'notes', source: { bytes: new TextEncoder().encode('Some notes.') } } }, 'Summarize.')] } },
        }),
      ),
    );
    expect(err.name).toBe('ValidationException');
    expect(err.message).toBe('Document input not supported for token counting');
  });
});
