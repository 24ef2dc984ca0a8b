// The Converse refusal rules settled for issue 8, each against its newest evidence
// (src/converse.evidence.md, "Refusal rules settled for issue 8"): toolChoice per family, several
// messages of one role in a row, text beside tool blocks in one turn, messages of role `system`
// with toolAddition / toolRemoval blocks.
import { BedrockRuntimeClient, ConverseCommand, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
import { BedrockClient, GetFoundationModelCommand } from '@aws-sdk/client-bedrock';
import { describe, expect } from 'vitest';
import { credentials, failure, requireModel, useEmulator } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';
import { answerText, assistant, calls, timeTool, user, weatherTool } from './helpers.js';

const t = useEmulator();
const claude = 'anthropic.claude-3-haiku-20240307-v1:0';
const nova = 'amazon.nova-lite-v1:0';
const nova2 = 'us.amazon.nova-2-lite-v1:0';
const mistral2402 = 'mistral.mistral-large-2402-v1:0';
const mistral2407 = 'mistral.mistral-large-2407-v1:0';
const llama = 'us.meta.llama3-3-70b-instruct-v1:0';
const deepseekV3 = 'deepseek.v3-v1:0';
const tools = [weatherTool, timeTool];
const limits = { maxTokens: 256 };
const call = { toolUse: { toolUseId: 'tooluse_weather_1', name: 'get_weather', input: { city: 'Paris', unit: 'celsius' } } };
const result = { toolResult: { toolUseId: 'tooluse_weather_1', content: [{ json: { tempC: 21 } }] } };
const ALTERNATE = 'A conversation must alternate between user and assistant roles. Make sure the conversation alternates between user and assistant roles and try again.';
const mixed = (i: number, kind: 'tool use' | 'tool result') => `messages.${i}.content: Conversation blocks and ${kind} blocks cannot be provided in the same turn.`;
const field = (member: string) => `This model doesn't support the toolConfig.toolChoice.${member} field. Remove toolConfig.toolChoice.${member} and try again.`;
/** Strands' shape: the tool result, then a user text message of its own. */
const strandsShape = [user('What is the weather in Paris?'), assistant(call), user(result), user('Now answer in one word.')];

// Under BEDROCK_TARGET=aws its tests skip, naming the model, unless ListFoundationModels lists these.
requireModel(claude, nova);

/** An accepted Converse answer as an application reads it: 200, a stop reason, some content. */
function accepted(res: any): void {
  expect(res.$metadata.httpStatusCode).toBe(200);
  expect(['end_turn', 'tool_use', 'max_tokens', 'stop_sequence']).toContain(res.stopReason);
  expect(res.output.message.role).toBe('assistant');
  expect(res.output.message.content.length).toBeGreaterThan(0);
}

describe.each([['HTTP/2'], ['HTTP/1.1']])('refusal rules settled for issue 8, over %s', (protocol) => {
  const client = () => (protocol === 'HTTP/2' ? t.h2 : t.h1);
  const { converse, stream, refusal } = calls(client);
  /** The ValidationException of Converse alone (these models refuse tools in ConverseStream first). */
  const converseRefusal = async (input: Record<string, any>) => {
    const err = await failure(() => converse(input));
    expect(err.name).toBe('ValidationException');
    expect(err.$metadata.httpStatusCode).toBe(400);
    return err.message as string;
  };

  describe('toolChoice per family', () => {
    // Nova user guide "Choosing a tool"; the Nova 2 user guide "Tool calling systems" (tool, any, auto).
    awsIt.each([[nova], [nova2]])('%s takes toolChoice any and tool', async (modelId) => {
      await requireModel(modelId);
      for (const toolChoice of [{ any: {} }, { tool: { name: 'get_time' } }]) {
        const res = await converse({ modelId, messages: [user('What time is it in Tokyo?')], inferenceConfig: limits, toolConfig: { tools, toolChoice } });
        accepted(res);
        expect(res.stopReason).toBe('tool_use');
      }
    });

    // langchain-aws binds Mistral Large with ("auto", "any") since 2024-08; the 2024 ToolChoice page
    // named Mistral Large among the models with toolChoice; `tool` refused on 24.02 only (litellm
    // note quoting the error for mistral.mistral-large-2402-v1:0); 24.07 takes it (refusals K14).
    awsIt('mistral.mistral-large-2402-v1:0 takes toolChoice any, refuses toolChoice tool', async () => {
      await requireModel(mistral2402);
      accepted(await converse({ modelId: mistral2402, messages: [user('What time is it in Tokyo?')], inferenceConfig: limits, toolConfig: { tools, toolChoice: { any: {} } } }));
      const message = await converseRefusal({ modelId: mistral2402, messages: [user('Hi')], inferenceConfig: limits, toolConfig: { tools, toolChoice: { tool: { name: 'get_time' } } } });
      expect(message).toBe(field('tool'));
    });

    // langchain-aws#688 (2025-10): DeepSeek V3.1 takes tools; auto and tool "will not be rejected
    // on Converse API side".
    awsIt('DeepSeek V3.1 takes tools with toolChoice auto, any and tool', async () => {
      await requireModel(deepseekV3);
      for (const toolChoice of [{ auto: {} }, { any: {} }, { tool: { name: 'get_time' } }]) {
        accepted(await converse({ modelId: deepseekV3, messages: [user('What time is it in Tokyo?')], inferenceConfig: limits, toolConfig: { tools, toolChoice } }));
      }
    });

    // Quoted for Llama 3.1 70B and Llama 4 Maverick; langchain-aws allows Llama `auto` only (2025-09).
    awsIt('Llama 3.3 refuses toolChoice any', async () => {
      await requireModel(llama);
      expect(await converseRefusal({ modelId: llama, messages: [user('Hi')], inferenceConfig: limits, toolConfig: { tools, toolChoice: { any: {} } } })).toBe(field('any'));
    });
  });

  describe('several messages of one role in a row', () => {
    // Kibana #284682 (2026-08-12): a plain user message right after a tool result is refused for
    // Claude 3.5 Sonnet v2; semantic-kernel#10281 (2025-03): two assistant messages, Claude 3.5 Sonnet.
    awsIt('Claude refuses a user text message after the tool-result message, and two assistant messages', async () => {
      expect(await refusal({ modelId: claude, messages: strandsShape, inferenceConfig: limits, toolConfig: { tools } })).toBe(ALTERNATE);
      expect(await refusal({ modelId: claude, messages: [user('Hi'), assistant('Hello.'), assistant('How can I help?'), user('Go on')], inferenceConfig: limits })).toBe(ALTERNATE);
    });

    // No refusal is known for Nova; opencode#41780 (2026-08, Nova Micro) reached the tool-result
    // check with two consecutive user messages, and Titan answered two user messages (capture).
    awsIt('Nova takes the Strands shape, two user messages and two assistant messages', async () => {
      accepted(await converse({ modelId: nova, messages: strandsShape, inferenceConfig: limits, toolConfig: { tools } }));
      accepted(await converse({ modelId: nova, messages: [user('Hi'), user('Tell me a fact.')], inferenceConfig: limits }));
      accepted(await converse({ modelId: nova, messages: [user('Hi'), assistant('Hello.'), assistant('How can I help?'), user('A fact, please.')], inferenceConfig: limits }));
      const events = await stream({ modelId: nova, messages: strandsShape, inferenceConfig: limits, toolConfig: { tools } });
      expect(events.at(-1)![0]).toBe('metadata');
    });

    // strands harness-sdk#1223 (2025-11, Llama 4 Maverick): the same shape is merged into one turn,
    // then refused for mixing a tool result with text; without tools, two user texts pass.
    awsIt('Llama merges the Strands shape into one turn and refuses text beside the tool result', async () => {
      await requireModel(llama);
      expect(await converseRefusal({ modelId: llama, messages: strandsShape, inferenceConfig: limits, toolConfig: { tools } })).toBe(mixed(2, 'tool result'));
      accepted(await converse({ modelId: llama, messages: [user('Hi'), user('Tell me a fact.')], inferenceConfig: limits }));
    });

    emulatorIt('consecutive user messages are one turn: after the Strands shape the answer is words, not another call', async () => {
      const res = await converse({ modelId: nova, messages: strandsShape, toolConfig: { tools } });
      expect(res.stopReason).toBe('end_turn');
      expect(answerText(res).length).toBeGreaterThan(0);
    });
  });

  describe('text beside tool blocks in one turn', () => {
    const history = [user('What is the weather in Paris?'), assistant('Let me check.', call), user(result)];

    // langchain-aws#1118 (2026-06, LangSmith traces): Mistral Large 24.02 and Llama 3.2 90B;
    // quarkus-langchain4j#1983 (2025-11): Llama 3.2 11B.
    awsIt.each([[mistral2402], [llama]])('%s refuses an assistant turn mixing text and toolUse', async (modelId) => {
      await requireModel(modelId);
      expect(await converseRefusal({ modelId, messages: history, inferenceConfig: limits, toolConfig: { tools } })).toBe(mixed(1, 'tool use'));
    });

    // "Anthropic models accept it" (langchain-aws#1118); Nova answers with text before its toolUse
    // blocks itself (converse__amazon.nova-micro-v1_0__tool_use capture) and takes them back.
    awsIt.each([[claude], [nova]])('%s takes an assistant turn mixing text and toolUse', async (modelId) => {
      accepted(await converse({ modelId, messages: history, inferenceConfig: limits, toolConfig: { tools } }));
    });
  });

  describe('messages of role system, toolAddition and toolRemoval (2026-07-31 service model)', () => {
    const brief = { role: 'system', content: [{ text: 'Answer in one short sentence.' }] };

    // No refusal known outside Claude (Opus 4.8 refused it: model-specific.test.ts).
    awsIt('Nova takes a system-role message after a user turn, on both operations', async () => {
      const input = { modelId: nova, messages: [user('Tell me a fact about Paris.'), brief], inferenceConfig: limits };
      accepted(await converse(input));
      expect((await stream(input)).at(-1)![0]).toBe('metadata');
    });

    awsIt('Nova takes toolAddition and toolRemoval blocks in a system-role message', async () => {
      const change = { role: 'system', content: [{ toolRemoval: { tool: { name: 'get_weather' } } }, { toolAddition: { tool: { name: 'get_time' } } }] };
      accepted(await converse({ modelId: nova, messages: [user('What time is it in Tokyo?'), change], inferenceConfig: limits, toolConfig: { tools } }));
    });

    awsIt('Claude 3 Haiku refuses a system-role message like Opus 4.8 does', async () => {
      expect(await refusal({ modelId: claude, messages: [user('Hi'), brief], inferenceConfig: limits })).toBe(
        "This model doesn't support system messages. Try again without a system message or use a model that supports system messages.",
      );
    });

    emulatorIt('a system-role message joins the system prompt (more input tokens); toolRemoval takes a tool out of the set', async () => {
      const plain = await converse({ modelId: nova, messages: [user('Tell me a fact about Paris.')] });
      const briefed = await converse({ modelId: nova, messages: [user('Tell me a fact about Paris.'), brief] });
      expect(briefed.usage!.inputTokens!).toBeGreaterThan(plain.usage!.inputTokens!);
      const removal = { role: 'system', content: [{ toolRemoval: { tool: { name: 'get_weather' } } }] };
      const res = await converse({ modelId: nova, messages: [user('Weather?'), removal], toolConfig: { tools, toolChoice: { any: {} } } });
      expect(res.output!.message!.content!.map((b) => b.toolUse?.name)).toEqual(['get_time']);
      const back = { role: 'system', content: [{ toolAddition: { tool: { name: 'get_weather' } } }] };
      const again = await converse({ modelId: nova, messages: [user('Weather?'), removal, user('Go on.'), back], toolConfig: { tools, toolChoice: { tool: { name: 'get_weather' } } } });
      expect(again.output!.message!.content!.map((b) => b.toolUse?.name)).toEqual(['get_weather']);
    });

    emulatorIt('a tool reference too long is a coral constraint error at its 1-based path', async () => {
      const change = { role: 'system', content: [{ toolAddition: { tool: { name: 'x'.repeat(129) } } }] };
      const message = await refusal({ modelId: nova, messages: [user('Hi'), change], toolConfig: { tools } });
      expect(message).toBe("1 validation error detected: Value at 'messages.2.member.content.1.member.toolAddition.tool.name' failed to satisfy constraint: Member must have length less than or equal to 128");
    });
  });

  describe('on demand versus profile-only, per region', () => {
    const sonnetV2 = 'anthropic.claude-3-5-sonnet-20241022-v2:0';
    const onDemandRefusal = `Invocation of model ID ${sonnetV2} with on-demand throughput isn\u2019t supported. Retry your request with the ID or ARN of an inference profile that contains this model.`;

    // Refused on demand in us-east-1, the suite's region (LibreChat#4570 2024-10, bolt.diy#1102
    // 2025-01, a strands course issue 2025-08); its `us.` profile answers.
    awsIt('Claude 3.5 Sonnet v2: the bare id is refused on demand in us-east-1, its us. profile answers', async () => {
      await requireModel(sonnetV2);
      expect(await converseRefusal({ modelId: sonnetV2, messages: [user('Hi')], inferenceConfig: limits })).toBe(onDemandRefusal);
      accepted(await converse({ modelId: `us.${sonnetV2}`, messages: [user('Hi')], inferenceConfig: limits }));
    });

    // fern-api/fern-platform#1969 (2025-01): "us-west-2 allows us to use modelid
    // anthropic.claude-3-5-sonnet-20241022-v2:0 instead of us.…".
    emulatorIt('Claude 3.5 Sonnet v2: the bare id answers on demand for a caller in us-west-2, which lists it ON_DEMAND', async () => {
      const west = { region: 'us-west-2', endpoint: t.url, credentials, maxAttempts: 1 };
      const runtime = new BedrockRuntimeClient(west);
      const res = await runtime.send(new ConverseCommand({ modelId: sonnetV2, messages: [user('Hi')] }));
      expect(res.stopReason).toBe('end_turn');
      const body = JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 64, messages: [{ role: 'user', content: 'Hi' }] });
      expect((await runtime.send(new InvokeModelCommand({ modelId: sonnetV2, body }))).$metadata.httpStatusCode).toBe(200);
      const details = await new BedrockClient(west).send(new GetFoundationModelCommand({ modelIdentifier: sonnetV2 }));
      expect(details.modelDetails!.inferenceTypesSupported).toContain('ON_DEMAND');
      const east = await new BedrockClient({ ...west, region: 'us-east-1' }).send(new GetFoundationModelCommand({ modelIdentifier: sonnetV2 }));
      expect(east.modelDetails!.inferenceTypesSupported).toEqual(['INFERENCE_PROFILE']);
      runtime.destroy();
    });
  });

  describe("Claude's tool_choice in additionalModelRequestFields", () => {
    const sonnet = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';
    const parallelOff = { tool_choice: { type: 'auto', disable_parallel_tool_use: true } };

    // vercel/ai fixtures issue-17267-tool-choice-conflict / -disable-parallel-tool-use-enabled
    // (Claude Sonnet 4.6 through global., 2026): refused beside toolConfig.toolChoice, taken alone.
    awsIt('is refused beside toolConfig.toolChoice, taken without it', async () => {
      await requireModel(sonnet);
      const message = await refusal({ modelId: sonnet, messages: [user('What time is it in Tokyo?')], inferenceConfig: limits, toolConfig: { tools, toolChoice: { auto: {} } }, additionalModelRequestFields: parallelOff });
      expect(message).toBe('The additional field tool_choice/type conflicts with the existing field toolConfig.toolChoice.auto. Remove tool_choice/type and try again.');
      accepted(await converse({ modelId: sonnet, messages: [user('What time is it in Tokyo?')], inferenceConfig: limits, toolConfig: { tools }, additionalModelRequestFields: parallelOff }));
    });

    emulatorIt('a forcing tool_choice there forces the call like toolConfig.toolChoice does', async () => {
      const res = await converse({ modelId: claude, messages: [user('Hi')], toolConfig: { tools }, additionalModelRequestFields: { tool_choice: { type: 'tool', name: 'get_time' } } });
      expect(res.stopReason).toBe('tool_use');
      expect(res.output!.message!.content!.map((b) => b.toolUse?.name)).toEqual(['get_time']);
    });
  });
});
