// Converse and ConverseStream for one model of every text family, through the official JS client
// over HTTP/2 and HTTP/1.1 (src/converse.evidence.md §6, §7). Each model answers its own scripted
// text, so a reply proves the request reached that model.
import { ConverseCommand, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect } from 'vitest';
import { failure, requireModel, useEmulator } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';
import { answerText, assistant, calls, fixtureName, fixturesDir, streamedText, user } from './helpers.js';

// [model id as called, base id (fixture), family]
const FAMILIES: Array<[string, string, string]> = [
  ['anthropic.claude-3-haiku-20240307-v1:0', 'anthropic.claude-3-haiku-20240307-v1:0', 'Claude 3+'],
  ['us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'anthropic.claude-sonnet-4-5-20250929-v1:0', 'Claude 3+ (profile only)'],
  ['anthropic.claude-v2:1', 'anthropic.claude-v2:1', 'Claude v2 (text completions)'],
  ['amazon.titan-text-express-v1', 'amazon.titan-text-express-v1', 'Titan Text'],
  ['amazon.nova-lite-v1:0', 'amazon.nova-lite-v1:0', 'Nova'],
  ['meta.llama3-8b-instruct-v1:0', 'meta.llama3-8b-instruct-v1:0', 'Llama 3'],
  ['us.meta.llama3-3-70b-instruct-v1:0', 'meta.llama3-3-70b-instruct-v1:0', 'Llama 3.3 (profile only)'],
  ['mistral.mistral-7b-instruct-v0:2', 'mistral.mistral-7b-instruct-v0:2', 'Mistral text'],
  ['mistral.mistral-large-2402-v1:0', 'mistral.mistral-large-2402-v1:0', 'Mistral chat'],
  ['cohere.command-r-v1:0', 'cohere.command-r-v1:0', 'Cohere Command R'],
  ['ai21.jamba-1-5-mini-v1:0', 'ai21.jamba-1-5-mini-v1:0', 'Jamba 1.5'],
  ['us.deepseek.r1-v1:0', 'deepseek.r1-v1:0', 'DeepSeek R1'],
  ['openai.gpt-oss-20b-1:0', 'openai.gpt-oss-20b-1:0', 'gpt-oss'],
  ['us.writer.palmyra-x5-v1:0', 'writer.palmyra-x5-v1:0', 'Palmyra'],
];
const scripted = (base: string) => `Scripted answer of ${base}. Nothing else is said here.`;
const files: Record<string, unknown> = {};
for (const [, base] of FAMILIES) files[fixtureName(base)] = { text: scripted(base), reasoning: `Thinking as ${base} about the question.` };
const t = useEmulator({ fixtures: fixturesDir(files) });

const REFUSED = "This action doesn't support the model that you provided. Try again with a supported text or chat model.";

// The [aws] twins of the scripted tests assert only what any real answer satisfies. Their limits:
// 128 output tokens for a one-sentence answer; 256 for gpt-oss, which reasons first (at its default
// effort) and counts the reasoning as output; 512 for DeepSeek R1, which always reasons before it
// answers (its capture spent about 300 tokens reasoning on a harder question,
// converse__us.deepseek.r1-v1_0__reasoning).
const SHORT = 'Say hello in one short sentence.';
const limitFor = (modelId: string) => (modelId === 'us.deepseek.r1-v1:0' ? 512 : modelId.includes('gpt-oss') ? 256 : 128);
// A request a real model cannot finish in 3 tokens.
const LONG = 'Write a detailed, multi-paragraph history of the Roman Empire.';
// Every answer to this has a comma within its first words ("1, 2, …", "Here is the count: 1, …"),
// and so has the emulator's built-in canned text. Claude 3.5 Haiku is not scripted in this file,
// so the emulator answers it with that text. 64 output tokens reach that first comma.
const COUNT = 'Count from 1 to 10, separated by commas.';
const counter = 'anthropic.claude-3-5-haiku-20241022-v1:0';

/** The event-order checks of ConverseStream (evidence §7), for any answer made of text or reasoning blocks. */
function expectTextStreamOrder(events: Array<[string, any]>) {
  const kinds = events.map(([k]) => k);
  // messageStart → deltas → contentBlockStop per block → messageStop → metadata; no
  // contentBlockStart for text or reasoning (evidence §7, event order).
  expect(kinds[0]).toBe('messageStart');
  expect(events[0][1]).toEqual({ role: 'assistant' });
  expect(kinds.slice(-2)).toEqual(['messageStop', 'metadata']);
  expect(kinds).not.toContain('contentBlockStart');
  const body = kinds.slice(1, -2);
  expect(body.every((k) => k === 'contentBlockDelta' || k === 'contentBlockStop')).toBe(true);
  // each block: its deltas, then its stop, indices ascending from 0
  const indices = events.filter(([k]) => k === 'contentBlockStop').map(([, v]) => v.contentBlockIndex);
  expect(indices).toEqual(indices.map((_, i) => i));
  for (const [k, v] of events) if (k === 'contentBlockDelta') expect(indices).toContain(v.contentBlockIndex);
  const stops = kinds.flatMap((k, i) => (k === 'contentBlockStop' ? [i] : []));
  events.forEach(([k, v], i) => {
    if (k === 'contentBlockDelta') expect(i).toBeLessThan(stops[v.contentBlockIndex]);
  });
}

/** A Converse answer that ended on its own: 200, an assistant message with text, end_turn, usage
 *  adding up, and metrics.latencyMs an integer (evidence §7: 608, 1300, 5517 …). */
function expectFinishedAnswer(res: Awaited<ReturnType<ReturnType<typeof calls>['converse']>>): void {
  expect(res.$metadata.httpStatusCode).toBe(200);
  expect(res.output?.message?.role).toBe('assistant');
  expect(answerText(res).trim().length).toBeGreaterThan(0);
  expect(res.stopReason).toBe('end_turn');
  const { inputTokens, outputTokens, totalTokens } = res.usage!;
  expect(inputTokens).toBeGreaterThan(0);
  expect(outputTokens).toBeGreaterThan(0);
  expect(totalTokens).toBe(inputTokens! + outputTokens!);
  expect(Number.isInteger(res.metrics?.latencyMs)).toBe(true);
}

describe.each([['HTTP/2'], ['HTTP/1.1']])('Converse over %s', (protocol) => {
  const client = () => (protocol === 'HTTP/2' ? t.h2 : t.h1);
  const { converse, stream } = calls(client);

  emulatorIt.each(FAMILIES)('%s answers through Converse (%s)', async (modelId, base) => {
    const res = await converse({ modelId, messages: [user('Say something short.')], inferenceConfig: { maxTokens: 200 } });
    expectFinishedAnswer(res);
    // The text is the model's scripted reply (leading whitespace is a per-model quirk: DeepSeek R1
    // starts with "\n\n", evidence §7).
    expect(answerText(res).trim()).toBe(scripted(base));
  });

  awsIt.each(FAMILIES)('%s answers through Converse: assistant text, end_turn, usage adding up, integer latency (%s)', async (modelId) => {
    await requireModel(modelId);
    const res = await converse({ modelId, messages: [user(SHORT)], inferenceConfig: { maxTokens: limitFor(modelId) } });
    expectFinishedAnswer(res);
  });

  emulatorIt.each(FAMILIES)('%s answers through ConverseStream in event order (%s)', async (modelId, base) => {
    const events = await stream({ modelId, messages: [user('Say something short.')], inferenceConfig: { maxTokens: 200 } });
    expectTextStreamOrder(events);
    expect(streamedText(events).trim()).toBe(scripted(base));
    expect(events.at(-2)![1].stopReason).toBe('end_turn');
    const meta = events.at(-1)![1];
    expect(meta.usage.totalTokens).toBe(meta.usage.inputTokens + meta.usage.outputTokens);
    expect(Number.isInteger(meta.metrics.latencyMs)).toBe(true);
  });

  // gpt-oss streams on ConverseStream since 2025-08 (langchain-aws#588: "Bedrock now supports
  // streaming (with tool calls) for these models"; it refused in the first days, #573).
  awsIt.each(FAMILIES)('%s answers through ConverseStream in event order, usage adding up (%s)', async (modelId) => {
    await requireModel(modelId);
    const events = await stream({ modelId, messages: [user(SHORT)], inferenceConfig: { maxTokens: limitFor(modelId) } });
    expectTextStreamOrder(events);
    expect(streamedText(events).trim().length).toBeGreaterThan(0);
    expect(events.at(-2)![1].stopReason).toBe('end_turn');
    const meta = events.at(-1)![1];
    expect(meta.usage.outputTokens).toBeGreaterThan(0);
    expect(meta.usage.totalTokens).toBe(meta.usage.inputTokens + meta.usage.outputTokens);
    expect(Number.isInteger(meta.metrics.latencyMs)).toBe(true);
  });

  awsIt.each([
    ['amazon.titan-embed-text-v2:0'],
    ['cohere.embed-english-v3'],
    ['cohere.rerank-v3-5:0'],
  ])('refuses %s on both operations with the action message (evidence §3)', async (modelId) => {
    await requireModel(modelId);
    const input = { modelId, messages: [user('hi')] };
    for (const send of [() => client().send(new ConverseCommand(input)), () => client().send(new ConverseStreamCommand(input))]) {
      const err = await failure(send);
      expect(err.name).toBe('ValidationException');
      expect(err.$metadata.httpStatusCode).toBe(400);
      expect(err.message).toBe(REFUSED);
    }
  });

  awsIt('refuses an unknown model id (errors.evidence; error__converse__400-ValidationException__invalid-model-id)', async () => {
    const err = await failure(() => converse({ modelId: 'amazon.titan-text-nonexistent-v9', messages: [user('hi')] }));
    expect(err.name).toBe('ValidationException');
    expect(err.message).toBe('The provided model identifier is invalid.');
  });

  emulatorIt('carries a multi-turn conversation with a system prompt, all of it counted as input', async () => {
    const modelId = 'anthropic.claude-3-haiku-20240307-v1:0';
    const short = await converse({ modelId, messages: [user('What is the capital of France?')] });
    const long = await converse({
      modelId,
      system: [{ text: 'You are a terse geography tutor who answers in one word.' }],
      messages: [user('What is the capital of France?'), assistant('Paris.'), user('And of Italy?')],
    });
    expect(answerText(long).trim()).toBe(scripted(modelId));
    // The system prompt and the earlier turns are input: more of them, more input tokens.
    expect(long.usage!.inputTokens!).toBeGreaterThan(short.usage!.inputTokens! + 10);
    // Output does not depend on the input here (same scripted answer).
    expect(long.usage!.outputTokens).toBe(short.usage!.outputTokens);
  });

  awsIt('carries a multi-turn conversation with a system prompt: an assistant answer, the earlier turns counted as input', async () => {
    const modelId = 'anthropic.claude-3-haiku-20240307-v1:0';
    await requireModel(modelId);
    const inferenceConfig = { maxTokens: 256 };
    const short = await converse({ modelId, messages: [user('What is the capital of France?')], inferenceConfig });
    const long = await converse({
      modelId,
      system: [{ text: 'You are a terse geography tutor who answers in one word.' }],
      messages: [user('What is the capital of France?'), assistant('Paris.'), user('And of Italy?')],
      inferenceConfig,
    });
    expect(long.output?.message?.role).toBe('assistant');
    expect(answerText(long).trim().length).toBeGreaterThan(0);
    expect(long.stopReason).toBe('end_turn');
    // The system prompt and the earlier turns are input: more of them, more input tokens.
    expect(long.usage!.inputTokens!).toBeGreaterThan(short.usage!.inputTokens!);
    for (const { usage } of [short, long]) expect(usage!.totalTokens).toBe(usage!.inputTokens! + usage!.outputTokens!);
  });

  emulatorIt('cuts the answer at maxTokens with stopReason max_tokens and outputTokens = maxTokens', async () => {
    const modelId = 'amazon.nova-lite-v1:0';
    const full = await converse({ modelId, messages: [user('hi')] });
    const res = await converse({ modelId, messages: [user('hi')], inferenceConfig: { maxTokens: 3 } });
    expect(res.stopReason).toBe('max_tokens');
    expect(res.usage!.outputTokens).toBe(3);
    expect(scripted(modelId).startsWith(answerText(res))).toBe(true);
    expect(answerText(res).length).toBeLessThan(answerText(full).length);
    const events = await stream({ modelId, messages: [user('hi')], inferenceConfig: { maxTokens: 3 } });
    expect(events.at(-2)![1].stopReason).toBe('max_tokens');
    expect(events.at(-1)![1].usage.outputTokens).toBe(3);
  });

  // Bedrock reports the limit itself as outputTokens when it cuts (Titan, Llama and Nova InvokeModel
  // do the same in their [aws] tests).
  awsIt.each([['anthropic.claude-3-haiku-20240307-v1:0'], ['amazon.nova-lite-v1:0']])(
    '%s cuts the answer at maxTokens 3 with stopReason max_tokens and outputTokens 3, in both operations',
    async (modelId) => {
      await requireModel(modelId);
      const input = { modelId, messages: [user(LONG)], inferenceConfig: { maxTokens: 3 } };
      const res = await converse(input);
      expect(res.stopReason).toBe('max_tokens');
      expect(res.usage!.outputTokens).toBe(3);
      expect(res.usage!.totalTokens).toBe(res.usage!.inputTokens! + 3);
      const events = await stream(input);
      expectTextStreamOrder(events);
      expect(events.at(-2)![1].stopReason).toBe('max_tokens');
      expect(events.at(-1)![1].usage.outputTokens).toBe(3);
    },
  );

  emulatorIt('stops at a stop sequence with stop_sequence, the sequence left out', async () => {
    const modelId = 'mistral.mistral-large-2402-v1:0';
    const res = await converse({ modelId, messages: [user('hi')], inferenceConfig: { stopSequences: ['Nothing'] } });
    expect(res.stopReason).toBe('stop_sequence');
    expect(answerText(res)).toBe(scripted(modelId).slice(0, scripted(modelId).indexOf('Nothing')));
    const events = await stream({ modelId, messages: [user('hi')], inferenceConfig: { stopSequences: ['Nothing'] } });
    expect(events.at(-2)![1].stopReason).toBe('stop_sequence');
    expect(streamedText(events)).toBe(answerText(res));
  });

  awsIt('stops at a stop sequence with stop_sequence, the sequence left out, in both operations', async () => {
    await requireModel(counter);
    const input = { modelId: counter, messages: [user(COUNT)], inferenceConfig: { maxTokens: 64, stopSequences: [','] } };
    const res = await converse(input);
    expect(res.stopReason).toBe('stop_sequence');
    expect(answerText(res)).not.toContain(',');
    const events = await stream(input);
    expectTextStreamOrder(events);
    expect(events.at(-2)![1].stopReason).toBe('stop_sequence');
    expect(streamedText(events)).not.toContain(',');
  });

  // Nova keeps the stop sequence at the end of its text (litellm#9483, langchain-aws#420, March 2025).
  emulatorIt('Nova keeps the stop sequence that ended its answer, in both operations', async () => {
    const modelId = 'amazon.nova-lite-v1:0';
    const input = { modelId, messages: [user('hi')], inferenceConfig: { stopSequences: ['Nothing'] } };
    const res = await converse(input);
    expect(res.stopReason).toBe('stop_sequence');
    expect(answerText(res)).toBe(scripted(modelId).slice(0, scripted(modelId).indexOf('Nothing') + 'Nothing'.length));
    const events = await stream(input);
    expect(events.at(-2)![1].stopReason).toBe('stop_sequence');
    expect(streamedText(events)).toBe(answerText(res));
  });

  awsIt('Nova keeps the stop sequence that ended its answer, in both operations', async () => {
    const modelId = 'amazon.nova-micro-v1:0'; // not scripted here: the emulator's canned text has a comma too
    await requireModel(modelId);
    const input = { modelId, messages: [user(COUNT)], inferenceConfig: { maxTokens: 64, stopSequences: [','] } };
    const res = await converse(input);
    expect(res.stopReason).toBe('stop_sequence');
    expect(answerText(res).endsWith(',')).toBe(true);
    const events = await stream(input);
    expect(events.at(-2)![1].stopReason).toBe('stop_sequence');
    expect(streamedText(events).endsWith(',')).toBe(true);
  });

  emulatorIt('returns additionalModelResponseFields for ["/stop_sequence"] on Claude (evidence §7)', async () => {
    const modelId = 'anthropic.claude-3-haiku-20240307-v1:0';
    const paths = ['/stop_sequence'];
    const hit = await converse({ modelId, messages: [user('hi')], inferenceConfig: { stopSequences: ['Nothing'] }, additionalModelResponseFieldPaths: paths });
    expect(hit.additionalModelResponseFields).toEqual({ stop_sequence: 'Nothing' });
    // null when the stop was not a sequence (evidence §7)
    const miss = await converse({ modelId, messages: [user('hi')], additionalModelResponseFieldPaths: paths });
    expect(miss.additionalModelResponseFields).toEqual({ stop_sequence: null });
    // in streams it rides on messageStop
    const events = await stream({ modelId, messages: [user('hi')], inferenceConfig: { stopSequences: ['Nothing'] }, additionalModelResponseFieldPaths: paths });
    expect(events.at(-2)).toEqual(['messageStop', { stopReason: 'stop_sequence', additionalModelResponseFields: { stop_sequence: 'Nothing' } }]);
    // without the paths, no such member
    const plain = await converse({ modelId, messages: [user('hi')] });
    expect(plain.additionalModelResponseFields).toBeUndefined();
  });

  awsIt('returns additionalModelResponseFields for ["/stop_sequence"] on Claude: the sequence hit, else null (evidence §7)', async () => {
    await requireModel(counter);
    const paths = ['/stop_sequence'];
    const hit = await converse({ modelId: counter, messages: [user(COUNT)], inferenceConfig: { maxTokens: 64, stopSequences: [','] }, additionalModelResponseFieldPaths: paths });
    expect(hit.stopReason).toBe('stop_sequence');
    expect(hit.additionalModelResponseFields).toEqual({ stop_sequence: ',' });
    // null when the answer ended on its own or at the limit, not on a sequence (evidence §7)
    const miss = await converse({ modelId: counter, messages: [user(SHORT)], inferenceConfig: { maxTokens: 64 }, additionalModelResponseFieldPaths: paths });
    expect(['end_turn', 'max_tokens']).toContain(miss.stopReason);
    expect(miss.additionalModelResponseFields).toEqual({ stop_sequence: null });
    // in streams it rides on messageStop
    const events = await stream({ modelId: counter, messages: [user(COUNT)], inferenceConfig: { maxTokens: 64, stopSequences: [','] }, additionalModelResponseFieldPaths: paths });
    expect(events.at(-2)).toEqual(['messageStop', { stopReason: 'stop_sequence', additionalModelResponseFields: { stop_sequence: ',' } }]);
    // without the paths, no such member
    const plain = await converse({ modelId: counter, messages: [user(SHORT)], inferenceConfig: { maxTokens: 64 } });
    expect(plain.additionalModelResponseFields).toBeUndefined();
  });
});
