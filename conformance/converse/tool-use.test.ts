// Tool use through Converse and ConverseStream: the full round trip, toolChoice, and the models
// that refuse tools or a toolChoice (src/converse.evidence.md §2, §3, §6; capture
// converse__anthropic.claude-3-sonnet-20240229-v1_0__tool_use).
import { describe, expect } from 'vitest';
import { failure, requireModel, useEmulator } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';
import { answerText, assistant, calls, schemaProblems, timeTool, TOOLUSE_ID, user, weatherTool } from './helpers.js';

const t = useEmulator();
const claude = 'anthropic.claude-3-haiku-20240307-v1:0';
const nova = 'amazon.nova-lite-v1:0';
const both = { tools: [weatherTool, timeTool] };

// Under BEDROCK_TARGET=aws its tests skip, naming the model, unless ListFoundationModels lists these.
requireModel(claude, nova);

describe.each([['HTTP/2'], ['HTTP/1.1']])('tool use over %s', (protocol) => {
  const client = () => (protocol === 'HTTP/2' ? t.h2 : t.h1);
  const { converse, stream } = calls(client);
  const refusal = async (op: 'converse' | 'stream', input: Record<string, any>) => {
    const err = await failure(() => (op === 'converse' ? converse(input) : stream(input)));
    expect(err.name).toBe('ValidationException');
    expect(err.$metadata.httpStatusCode).toBe(400);
    return err.message as string;
  };

  awsIt.each([[claude], [nova], ['cohere.command-r-v1:0'], ['us.meta.llama3-3-70b-instruct-v1:0']])(
    'round trip on %s: toolUse → toolResult → text (stopReason tool_use then end_turn)',
    async (modelId) => {
      await requireModel(modelId);
      const question = user('What is the weather in Paris, in celsius?');
      const first = await converse({ modelId, messages: [question], inferenceConfig: { maxTokens: 256 }, toolConfig: { tools: [weatherTool] } });
      expect(first.stopReason).toBe('tool_use');
      const content = first.output!.message!.content!;
      const uses = content.filter((b) => b.toolUse).map((b) => b.toolUse!);
      expect(uses.length).toBeGreaterThan(0);
      for (const use of uses) {
        expect(use.name).toBe('get_weather');
        expect(use.toolUseId).toMatch(TOOLUSE_ID);
        // The input is an object that validates against the schema the caller gave.
        expect(schemaProblems(use.input, weatherTool.toolSpec.inputSchema.json)).toEqual([]);
      }
      expect(new Set(uses.map((u) => u.toolUseId)).size).toBe(uses.length);
      const results = uses.map((u) => ({ toolResult: { toolUseId: u.toolUseId!, content: [{ json: { tempC: 21, sky: 'clear' } }], status: 'success' } }));
      const second = await converse({
        modelId,
        messages: [question, { role: 'assistant', content }, { role: 'user', content: results }],
        inferenceConfig: { maxTokens: 256 },
        toolConfig: { tools: [weatherTool] },
      });
      expect(second.stopReason).toBe('end_turn');
      expect(second.output!.message!.content!.every((b) => b.toolUse === undefined)).toBe(true);
      expect(answerText(second).length).toBeGreaterThan(0);
      // The tool traffic is input now: more than the question alone.
      expect(second.usage!.inputTokens!).toBeGreaterThan(first.usage!.inputTokens!);
    },
  );

  emulatorIt('each call gets fresh toolUseIds', async () => {
    const a = await converse({ modelId: claude, messages: [user('Weather?')], toolConfig: { tools: [weatherTool] } });
    const b = await converse({ modelId: claude, messages: [user('Weather?')], toolConfig: { tools: [weatherTool] } });
    const id = (r: any) => r.output.message.content.find((x: any) => x.toolUse).toolUse.toolUseId;
    expect(id(a)).not.toBe(id(b));
  });

  awsIt('each call gets fresh toolUseIds', async () => {
    // The tool is named so that both answers call it.
    const input = { modelId: claude, messages: [user('What is the weather in Paris, in celsius?')], inferenceConfig: { maxTokens: 256 }, toolConfig: { tools: [weatherTool], toolChoice: { tool: { name: 'get_weather' } } } };
    const id = (r: any) => r.output.message.content.find((x: any) => x.toolUse).toolUse.toolUseId;
    const [a, b] = [await converse(input), await converse(input)];
    expect(id(a)).toMatch(TOOLUSE_ID);
    expect(id(b)).toMatch(TOOLUSE_ID);
    expect(id(a)).not.toBe(id(b));
  });

  awsIt('toolChoice tool forces the named tool, even when it is not the first (Claude, Nova)', async () => {
    for (const modelId of [claude, nova]) {
      const res = await converse({ modelId, messages: [user('Hello')], inferenceConfig: { maxTokens: 256 }, toolConfig: { ...both, toolChoice: { tool: { name: 'get_time' } } } });
      expect(res.stopReason).toBe('tool_use');
      const uses = res.output!.message!.content!.filter((b) => b.toolUse);
      expect(uses.map((b) => b.toolUse!.name)).toEqual(['get_time']);
      expect(schemaProblems(uses[0].toolUse!.input, timeTool.toolSpec.inputSchema.json)).toEqual([]);
      const events = await stream({ modelId, messages: [user('Hello')], inferenceConfig: { maxTokens: 256 }, toolConfig: { ...both, toolChoice: { tool: { name: 'get_time' } } } });
      const starts = events.filter(([k]) => k === 'contentBlockStart').map(([, v]) => v.start.toolUse.name);
      expect(starts).toEqual(['get_time']);
    }
  });

  // Nova: any and tool since 2025-03-19 (AWS What's New; the Nova user guide "Choosing a tool";
  // langchain-aws integration tests bind Nova Pro with tool_choice="any", 2026). The refusal of
  // bedrock-access-gateway#92 (2025-01) predates that change.
  awsIt.each([[claude], [nova]])('toolChoice any makes %s call a tool it was given', async (modelId) => {
    const res = await converse({ modelId, messages: [user('Hello')], inferenceConfig: { maxTokens: 256 }, toolConfig: { ...both, toolChoice: { any: {} } } });
    expect(res.stopReason).toBe('tool_use');
    const names = res.output!.message!.content!.filter((b) => b.toolUse).map((b) => b.toolUse!.name);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(['get_weather', 'get_time']).toContain(name);
  });

  awsIt('toolChoice auto is taken by every tool model', async () => {
    await requireModel('mistral.mistral-large-2402-v1:0', 'us.meta.llama3-3-70b-instruct-v1:0', 'openai.gpt-oss-20b-1:0');
    for (const modelId of [claude, nova, 'mistral.mistral-large-2402-v1:0', 'us.meta.llama3-3-70b-instruct-v1:0', 'openai.gpt-oss-20b-1:0']) {
      const res = await converse({ modelId, messages: [user('Hello')], inferenceConfig: { maxTokens: 256 }, toolConfig: { ...both, toolChoice: { auto: {} } } });
      expect(res.$metadata.httpStatusCode, modelId).toBe(200);
    }
  });

  // Only the quoted refusals (evidence §3, §8); the service model's "only supported by Anthropic
  // Claude 3 and Amazon Nova models" is stale (refusals K15), so gpt-oss takes `tool` (refusal-rules.test.ts).
  awsIt.each([
    // litellm note for mistral.mistral-large-2402-v1:0 (evidence §3)
    ['mistral.mistral-large-2402-v1:0', 'tool'],
    // Go test for us.meta.llama4-maverick (evidence §3)
    ['us.meta.llama4-maverick-17b-instruct-v1:0', 'tool'],
    // eval tables for llama-3.1-70b / llama-4-maverick (evidence §3)
    ['us.meta.llama3-1-70b-instruct-v1:0', 'any'],
  ])('%s refuses toolChoice.%s', async (modelId, member) => {
    await requireModel(modelId);
    const toolChoice = member === 'tool' ? { tool: { name: 'get_time' } } : { any: {} };
    const field = `toolConfig.toolChoice.${member}`;
    const message = await refusal('converse', { modelId, messages: [user('Hello')], toolConfig: { ...both, toolChoice } });
    expect(message).toBe(`This model doesn't support the ${field} field. Remove ${field} and try again.`);
  });

  // Titan, Llama 3 8B/70B, DeepSeek R1 (quoted, evidence §3); the capability table (§6).
  awsIt.each([['amazon.titan-text-express-v1'], ['meta.llama3-8b-instruct-v1:0'], ['us.deepseek.r1-v1:0'], ['mistral.mistral-7b-instruct-v0:2']])(
    '%s refuses toolConfig on both operations',
    async (modelId) => {
      await requireModel(modelId);
      for (const op of ['converse', 'stream'] as const) {
        expect(await refusal(op, { modelId, messages: [user('Hello')], toolConfig: { tools: [weatherTool] } })).toBe("This model doesn't support tool use.");
      }
    },
  );

  // Llama 3.1 has tool use but not in streams (capability table §6; litellm log, evidence §3).
  emulatorIt.each([['us.meta.llama3-1-70b-instruct-v1:0'], ['us.meta.llama4-maverick-17b-instruct-v1:0'], ['mistral.mistral-large-2402-v1:0']])(
    '%s takes tools in Converse, not in ConverseStream',
    async (modelId) => {
      const ok = await converse({ modelId, messages: [user('Hello')], toolConfig: { tools: [weatherTool] } });
      expect(ok.stopReason).toBe('tool_use');
      expect(await refusal('stream', { modelId, messages: [user('Hello')], toolConfig: { tools: [weatherTool] } })).toBe(
        "This model doesn't support tool use in streaming mode.",
      );
    },
  );

  // The same models as above, without relying on the model choosing a tool for "Hello": Converse
  // takes the toolConfig, ConverseStream refuses it (litellm log for Llama 4 Maverick, a strands
  // note on Mistral Large, the capability table for Llama 3.1; evidence §3, §6).
  awsIt.each([['us.meta.llama3-1-70b-instruct-v1:0'], ['us.meta.llama4-maverick-17b-instruct-v1:0'], ['mistral.mistral-large-2402-v1:0']])(
    '%s takes tools in Converse, refuses them in ConverseStream',
    async (modelId) => {
      await requireModel(modelId);
      const ok = await converse({ modelId, messages: [user('What is the weather in Paris, in celsius?')], inferenceConfig: { maxTokens: 256 }, toolConfig: { tools: [weatherTool] } });
      expect(ok.$metadata.httpStatusCode).toBe(200);
      expect(['tool_use', 'end_turn']).toContain(ok.stopReason);
      expect(await refusal('stream', { modelId, messages: [user('Hello')], inferenceConfig: { maxTokens: 256 }, toolConfig: { tools: [weatherTool] } })).toBe(
        "This model doesn't support tool use in streaming mode.",
      );
    },
  );

  awsIt('answers a tool result given as text and status error as well', async () => {
    const first = await converse({ modelId: claude, messages: [user('Time in Tokyo?')], inferenceConfig: { maxTokens: 256 }, toolConfig: { tools: [timeTool] } });
    const content = first.output!.message!.content!;
    const id = content.find((b) => b.toolUse)!.toolUse!.toolUseId!;
    const res = await converse({
      modelId: claude,
      messages: [user('Time in Tokyo?'), { role: 'assistant', content }, user({ toolResult: { toolUseId: id, content: [{ text: 'zone not found' }], status: 'error' } })],
      inferenceConfig: { maxTokens: 256 },
      toolConfig: { tools: [timeTool] },
    });
    expect(res.stopReason).toBe('end_turn');
    // A stream of the same follow-up: text only, no contentBlockStart.
    const events = await stream({
      modelId: claude,
      messages: [user('Time in Tokyo?'), assistant(...content), user({ toolResult: { toolUseId: id, content: [{ text: 'zone not found' }] } })],
      inferenceConfig: { maxTokens: 256 },
      toolConfig: { tools: [timeTool] },
    });
    expect(events.map(([k]) => k)).not.toContain('contentBlockStart');
    expect(events.at(-2)![1].stopReason).toBe('end_turn');
  });
});
