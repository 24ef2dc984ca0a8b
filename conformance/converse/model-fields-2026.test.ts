// Converse rules settled for issue 8 on the branch `rules` (src/refusals.evidence.md, src/converse.evidence.md
// §8-9): toolChoice `tool` without a quoted refusal (K14, K15), CountTokens on bare Claude ids
// (N02), Claude's own refusals of temperature / thinking / effort with the model prefix, Nova 2's
// reasoningConfig, Claude 3.5's Converse output limit, requestMetadata patterns, toolUse.type.
import { ConverseCommand, CountTokensCommand } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect } from 'vitest';
import { failure, requireModel, useEmulator } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';
import { assistant, calls, rawPost, timeTool, user, weatherTool } from './helpers.js';

const t = useEmulator();
const haiku3 = 'anthropic.claude-3-haiku-20240307-v1:0';
const haiku35 = 'anthropic.claude-3-5-haiku-20241022-v1:0';
const sonnet35 = 'anthropic.claude-3-5-sonnet-20240620-v1:0';
const haiku45 = 'us.anthropic.claude-haiku-4-5-20251001-v1:0';
const sonnet45 = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';
const opus48 = 'us.anthropic.claude-opus-4-8';
const sonnet5 = 'us.anthropic.claude-sonnet-5';
const nova2 = 'us.amazon.nova-2-lite-v1:0';
const gptOss = 'openai.gpt-oss-20b-1:0';
const limits = { maxTokens: 64 };
const tools = [weatherTool, timeTool];
const PREFIX = 'The model returned the following errors: ';
const limit4096 = 'The maximum tokens you requested exceeds the model limit of 4096. Try again with a maximum tokens value that is lower than 4096.';
const NOVA_HIGH = "The model returned the following errors: `maxTokens` must be unset when reasoningConfig type is 'enabled' and maxReasoningEffort is 'high'. Please consult our documentation at https://docs.aws.amazon.com/nova/latest/userguide";
const METADATA_PATTERN = '[a-zA-Z0-9\\s:_@$#=/+,-.]{0,256}';

// Under BEDROCK_TARGET=aws its tests skip, naming the model, unless ListFoundationModels lists these.
requireModel(haiku3, 'amazon.nova-lite-v1:0');

describe.each([['HTTP/2'], ['HTTP/1.1']])('Converse rules settled on branch rules, over %s', (protocol) => {
  const client = () => (protocol === 'HTTP/2' ? t.h2 : t.h1);
  const { converse, stream } = calls(client);
  const refused = async (input: Record<string, any>) => {
    const err = await failure(() => converse(input));
    expect(err.name).toBe('ValidationException');
    expect(err.$metadata.httpStatusCode).toBe(400);
    return err.message as string;
  };

  // K14/K15: the service model's "only Claude 3" note is stale; no refusal quoted for these.
  awsIt.each([['mistral.mistral-large-2407-v1:0'], [gptOss], ['cohere.command-r-v1:0'], ['ai21.jamba-1-5-mini-v1:0']])(
    '%s takes toolChoice tool and answers that tool only',
    async (modelId) => {
      await requireModel(modelId);
      const res = await converse({ modelId, messages: [user('What is the weather in Paris?')], inferenceConfig: { maxTokens: 256 }, toolConfig: { tools, toolChoice: { tool: { name: 'get_time' } } } });
      expect(res.stopReason).toBe('tool_use');
      const used = res.output!.message!.content!.filter((b: any) => b.toolUse).map((b: any) => b.toolUse.name);
      expect(used).toEqual(['get_time']);
    },
  );

  emulatorIt('a forced tool answers tool calls only, no text, on the newly opened families', async () => {
    for (const modelId of ['mistral.mistral-large-2407-v1:0', gptOss, 'cohere.command-r-v1:0', 'ai21.jamba-1-5-mini-v1:0', 'writer.palmyra-x5-v1:0']) {
      const res = await converse({ modelId: modelId.startsWith('writer') ? `us.${modelId}` : modelId, messages: [user('Weather?')], toolConfig: { tools, toolChoice: { tool: { name: 'get_weather' } } } });
      expect(res.output!.message!.content!.every((b: any) => b.toolUse || b.reasoningContent), modelId).toBe(true);
    }
  });

  // N02: no sighting of a refusal for these bare ids (profile ids stay refused, count-tokens.test.ts).
  awsIt.each([['anthropic.claude-haiku-4-5-20251001-v1:0'], ['anthropic.claude-opus-4-1-20250805-v1:0'], ['anthropic.claude-opus-4-5-20251101-v1:0']])(
    'CountTokens counts the bare id %s',
    async (modelId) => {
      await requireModel(`us.${modelId}`);
      const res = await client().send(new CountTokensCommand({ modelId, input: { converse: { messages: [user('Hello there')] } } } as any));
      expect(res.inputTokens).toBeGreaterThan(0);
    },
  );

  emulatorIt('CountTokens on Haiku 4.5 counts what Converse bills through its profile', async () => {
    const conversation = { messages: [user('Count these words, please.')] };
    const counted = await client().send(new CountTokensCommand({ modelId: 'anthropic.claude-haiku-4-5-20251001-v1:0', input: { converse: conversation } } as any));
    const res = await converse({ modelId: haiku45, ...conversation, inferenceConfig: limits });
    expect(counted.inputTokens).toBe(res.usage!.inputTokens);
  });

  // Claude's own refusals through Converse, with the model prefix.
  awsIt('Opus 4.8 refuses temperature (cline/cline#10572 wording)', async () => {
    await requireModel(opus48);
    expect(await refused({ modelId: opus48, messages: [user('Hi')], inferenceConfig: { ...limits, temperature: 0.2 } })).toBe(`${PREFIX}\`temperature\` is deprecated for this model.`);
  });

  awsIt('Sonnet 5 refuses temperature and thinking type enabled', async () => {
    await requireModel(sonnet5);
    expect(await refused({ modelId: sonnet5, messages: [user('Hi')], inferenceConfig: { ...limits, temperature: 0.5 } })).toBe(`${PREFIX}\`temperature\` is deprecated for this model.`);
    const thinking = { thinking: { type: 'enabled', budget_tokens: 1024 } };
    expect(await refused({ modelId: sonnet5, messages: [user('Hi')], inferenceConfig: { maxTokens: 2048 }, additionalModelRequestFields: thinking })).toBe(
      `${PREFIX}"thinking.type.enabled" is not supported for this model. Use "thinking.type.adaptive" and "output_config.effort" to control thinking behavior.`,
    );
  });

  awsIt('Sonnet 4.5 refuses output_config.effort but takes temperature', async () => {
    await requireModel(sonnet45);
    expect(await refused({ modelId: sonnet45, messages: [user('Hi')], inferenceConfig: limits, additionalModelRequestFields: { output_config: { effort: 'low' } } })).toBe(
      `${PREFIX}output_config.effort: Extra inputs are not permitted`,
    );
    const res = await converse({ modelId: sonnet45, messages: [user('Say hi.')], inferenceConfig: { ...limits, temperature: 0.5 } });
    expect(res.stopReason).toMatch(/^(end_turn|max_tokens)$/);
  });

  emulatorIt('Opus 4.8 takes temperature 1 beside adaptive thinking; Opus 4.6 takes any temperature', async () => {
    const res = await converse({ modelId: opus48, messages: [user('Hi')], inferenceConfig: { maxTokens: 2048, temperature: 1 }, additionalModelRequestFields: { thinking: { type: 'adaptive' } } });
    expect(res.output!.message!.content![0].reasoningContent).toBeDefined();
    const older = await converse({ modelId: 'us.anthropic.claude-opus-4-6-v1', messages: [user('Hi')], inferenceConfig: { ...limits, temperature: 0.3 } });
    expect(older.stopReason).toBe('end_turn');
  });

  // Nova 2 thinks through additionalModelRequestFields.reasoningConfig (vercel/ai fixtures). Its
  // reasoning is output and takes no budget: the first answer must reach its text, so 2000 (the one
  // recorded reasoning answer, at high effort, spent 2,980 tokens on "ok": vercel/ai fixture
  // amazon-bedrock-nova-2-high-reasoning-success); the second may stop at its limit, so 512.
  awsIt('Nova 2 answers reasoningContent then text with reasoningConfig, and takes it back in history', async () => {
    await requireModel(nova2);
    const ask = user('What is 2 + 2? One word.');
    const extra = { reasoningConfig: { type: 'enabled', maxReasoningEffort: 'low' } };
    const first = await converse({ modelId: nova2, messages: [ask], inferenceConfig: { maxTokens: 2000 }, additionalModelRequestFields: extra });
    const content = first.output!.message!.content!;
    expect(content[0].reasoningContent?.reasoningText?.text).toEqual(expect.any(String));
    expect(content.some((b: any) => typeof b.text === 'string')).toBe(true);
    const next = await converse({ modelId: nova2, messages: [ask, { role: 'assistant', content }, user('And 3 + 3?')], inferenceConfig: { maxTokens: 512 }, additionalModelRequestFields: extra });
    expect(next.stopReason).toMatch(/^(end_turn|max_tokens)$/);
  });

  awsIt('Nova 2 refuses maxTokens beside high reasoning effort (vercel/ai fixture wording)', async () => {
    await requireModel(nova2);
    const message = await refused({ modelId: nova2, messages: [user('Hi')], inferenceConfig: { maxTokens: 500 }, additionalModelRequestFields: { reasoningConfig: { type: 'enabled', maxReasoningEffort: 'high' } } });
    expect(message).toBe(NOVA_HIGH);
  });

  awsIt('Nova Lite (v1) refuses an enabled reasoningConfig (inspect_ai#5301 wording)', async () => {
    const message = await refused({ modelId: 'amazon.nova-lite-v1:0', messages: [user('Hi')], inferenceConfig: limits, additionalModelRequestFields: { reasoningConfig: { type: 'enabled', maxReasoningEffort: 'low' } } });
    expect(message).toBe(`${PREFIX}Malformed input request: the provided reasoning config value is invalid, please reformat your input and try again.`);
  });

  emulatorIt('Nova 2 reasoning is redacted and unsigned, streamed as reasoningContent deltas', async () => {
    const extra = { reasoningConfig: { type: 'enabled', maxReasoningEffort: 'medium' } };
    const res = await converse({ modelId: nova2, messages: [user('Hi')], additionalModelRequestFields: extra });
    expect(res.output!.message!.content![0]).toEqual({ reasoningContent: { reasoningText: { text: '[REDACTED].' } } });
    const events = await stream({ modelId: nova2, messages: [user('Hi')], additionalModelRequestFields: extra });
    const reasoning = events.filter(([k, v]) => k === 'contentBlockDelta' && v.delta.reasoningContent).map(([, v]) => v.delta.reasoningContent);
    expect(reasoning.map((r) => r.text).join('')).toBe('[REDACTED].');
    expect(reasoning.some((r) => r.signature)).toBe(false);
    const plain = await converse({ modelId: nova2, messages: [user('Hi')] });
    expect(plain.output!.message!.content!.some((b: any) => b.reasoningContent)).toBe(false);
  });

  // Claude 3.5 Sonnet v1 and 3.5 Haiku: Converse refuses maxTokens above 4096 (vercel/ai#2772, dify#10390).
  awsIt.each([[haiku35], [sonnet35]])('%s refuses maxTokens 8192 through Converse and takes 4096', async (modelId) => {
    await requireModel(modelId);
    expect(await refused({ modelId, messages: [user('Hi')], inferenceConfig: { maxTokens: 8192 } })).toBe(limit4096);
    const res = await converse({ modelId, messages: [user('Say hi in one word.')], inferenceConfig: { maxTokens: 4096 } });
    expect(res.stopReason).toBe('end_turn');
  });

  // requestMetadata: the service model's pattern, enforced (agentgateway/agentgateway#1739, 2026-05-05).
  awsIt('refuses requestMetadata values outside the service-model pattern, takes the allowed characters', async () => {
    const message = await refused({ modelId: haiku3, messages: [user('Hi')], inferenceConfig: limits, requestMetadata: { user_id: '{"device_id":"abc"}' } });
    expect(message.startsWith("1 validation error detected: Value at 'requestMetadata' failed to satisfy constraint: Map value must satisfy")).toBe(true);
    expect(message).toContain(METADATA_PATTERN);
    const res = await converse({ modelId: haiku3, messages: [user('Say hi.')], inferenceConfig: limits, requestMetadata: { 'user:id': 'u-1@example.com', tenant: 'acme team/eu' } });
    expect(res.$metadata.httpStatusCode).toBe(200);
  });

  emulatorIt('words requestMetadata key and value problems as Coral words map constraints', async () => {
    expect(await refused({ modelId: haiku3, messages: [user('Hi')], requestMetadata: { user_id: '{"a":1}' } })).toBe(
      `1 validation error detected: Value at 'requestMetadata' failed to satisfy constraint: Map value must satisfy constraint: [Member must satisfy regular expression pattern: ${METADATA_PATTERN}]`,
    );
    expect(await refused({ modelId: haiku3, messages: [user('Hi')], requestMetadata: { 'bad{key}': 'ok', other: 'x'.repeat(257) } })).toBe(
      "2 validation errors detected: Value at 'requestMetadata' failed to satisfy constraint: Map keys must satisfy constraint: [Member must satisfy regular expression pattern: [a-zA-Z0-9\\s:_@$#=/+,-.]{1,256}]; " +
        `Value at 'requestMetadata' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 256, Member must satisfy regular expression pattern: ${METADATA_PATTERN}]`,
    );
  });

  // toolUse.type: 2026 Claude answers carry "tool_use"; clients send the message back as received.
  awsIt('Claude Haiku 4.5 toolUse blocks carry type tool_use, and the answer goes back into the conversation as is', async () => {
    await requireModel(haiku45);
    const toolConfig = { tools, toolChoice: { tool: { name: 'get_weather' } } };
    const res = await converse({ modelId: haiku45, messages: [user('Weather in Paris?')], inferenceConfig: { maxTokens: 256 }, toolConfig });
    const call = res.output!.message!.content!.find((b: any) => b.toolUse)!.toolUse as any;
    expect(call.type).toBe('tool_use');
    const result = { toolResult: { toolUseId: call.toolUseId, content: [{ json: { tempC: 21 } }] } };
    const next = await converse({ modelId: haiku45, messages: [user('Weather in Paris?'), res.output!.message!, user(result)], inferenceConfig: limits, toolConfig: { tools } });
    expect(next.$metadata.httpStatusCode).toBe(200);
  });

  emulatorIt('type tool_use on Claude answers and their stream starts, not on gpt-oss', async () => {
    const toolConfig = { tools, toolChoice: { any: {} } };
    const res = await rawPost(t.url, haiku3, 'converse', { messages: [user('Weather?')], toolConfig });
    const toolUse = JSON.parse(new TextDecoder().decode(res.bytes)).output.message.content.find((b: any) => b.toolUse).toolUse;
    expect(Object.keys(toolUse)).toEqual(['input', 'name', 'toolUseId', 'type']);
    const events = await stream({ modelId: haiku3, messages: [user('Weather?')], toolConfig });
    const start = events.find(([k]) => k === 'contentBlockStart')![1].start.toolUse;
    // as in a real Claude Sonnet 5 stream of 2026-07 (langchain-aws cassette test_agent_loop_streaming)
    expect(Object.keys(start).sort()).toEqual(['name', 'toolUseId', 'type']);
    expect(start.type).toBe('tool_use');
    const oss = await converse({ modelId: gptOss, messages: [user('Weather?')], toolConfig });
    expect((oss.output!.message!.content!.find((b: any) => b.toolUse)!.toolUse as any).type).toBeUndefined();
    const back = await converse({ modelId: haiku3, messages: [user('Weather?'), assistant({ toolUse: { ...toolUse } } as any), user({ toolResult: { toolUseId: toolUse.toolUseId, content: [{ text: '21C' }] } } as any)], toolConfig: { tools } });
    expect(back.stopReason).toBe('end_turn');
  });
});

describe('the JS SDK keeps Converse answers usable', () => {
  emulatorIt('ConverseCommand output carries toolUse.type through the SDK deserializer', async () => {
    const res = await t.h2.send(new ConverseCommand({ modelId: haiku3, messages: [user('Weather?')], toolConfig: { tools, toolChoice: { any: {} } } } as any));
    expect((res.output!.message!.content!.find((b: any) => b.toolUse)!.toolUse as any).type).toBe('tool_use');
  });
});
