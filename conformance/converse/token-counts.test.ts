// Input token counts near a real tokenizer: the text estimate plus each family's chat template
// (src/responder/chat-template.ts, derived from the captures; conformance/replay/input-tokens.test.ts
// replays every recorded count). And the ConverseStream tool-call start as 2026 answers have it.
import { ConverseCommand, ConverseStreamCommand, CountTokensCommand, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect } from 'vitest';
import { requireModel, useEmulator } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';
import { collect, weatherTool } from './helpers.js';

const t = useEmulator();
const sonnet45 = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';
const say = { messages: [{ role: 'user' as const, content: [{ text: 'Say this is a test' }] }], inferenceConfig: { maxTokens: 8 } };

describe('input tokens of short prompts', () => {
  // Real: "Say this is a test" is 14 input tokens on Claude (invoke__anthropic.claude-v2__messages-api),
  // "Reply with exactly OK." 12 on Claude Sonnet 4.6 (vercel/ai issue-18994 fixture, 2026).
  awsIt('a four-word prompt costs Claude about 14 tokens, its template included', async () => {
    await requireModel(sonnet45);
    const res = await t.h2.send(new ConverseCommand({ modelId: sonnet45, ...say }));
    expect(res.usage!.inputTokens).toBeGreaterThanOrEqual(10);
    expect(res.usage!.inputTokens).toBeLessThanOrEqual(20);
    const counted = await t.h2.send(new CountTokensCommand({ modelId: 'anthropic.claude-sonnet-4-5-20250929-v1:0', input: { converse: { messages: say.messages } } }));
    expect(Math.abs(counted.inputTokens! - res.usage!.inputTokens!)).toBeLessThanOrEqual(3);
  });

  // Anthropic documents the tool-use system prompt: 346 tokens for Claude 4.x with tool_choice auto.
  awsIt('offering one tool adds Claude’s tool-use system prompt, over 300 tokens', async () => {
    await requireModel(sonnet45);
    const res = await t.h2.send(new ConverseCommand({ modelId: sonnet45, ...say, toolConfig: { tools: [weatherTool] } }));
    expect(res.usage!.inputTokens).toBeGreaterThan(300);
  });

  emulatorIt('counts the text and the family template: Claude 6 + 3 a turn, Nova nothing, Titan 1 + 2, gpt-oss its Harmony preamble', async () => {
    const input = async (modelId: string) => (await t.h2.send(new ConverseCommand({ modelId, ...say }))).usage!.inputTokens;
    expect(await input(sonnet45)).toBe(5 + 6 + 3);
    expect(await input('amazon.nova-micro-v1:0')).toBe(5);
    expect(await input('amazon.titan-text-express-v1')).toBe(5 + 1 + 2);
    expect(await input('openai.gpt-oss-120b-1:0')).toBe(5 + 63 + 2);
    const tool = await t.h2.send(new ConverseCommand({ modelId: sonnet45, ...say, toolConfig: { tools: [weatherTool] } }));
    expect(tool.usage!.inputTokens! - 14).toBeGreaterThan(346);
  });
});

describe('the start of a streamed tool call', () => {
  // ToolUseBlockStart.type: `tool_use` for a client tool on Claude's 2026 streams (Claude Sonnet 5,
  // langchain-aws cassette test_agent_loop_streaming, 2026-07-09); older Claude streams had none
  // (Claude 3 Haiku, openinference cassette, 2025-10). Never `server_tool_use` for a client tool.
  awsIt('names the client tool and its id, typed tool_use if at all', async () => {
    await requireModel(sonnet45);
    const events = await collect(
      (await t.h2.send(new ConverseStreamCommand({ modelId: sonnet45, ...say, inferenceConfig: { maxTokens: 200 }, toolConfig: { tools: [weatherTool], toolChoice: { tool: { name: 'get_weather' } } } }))).stream,
    );
    const start = events.find(([kind, e]) => kind === 'contentBlockStart' && e.start.toolUse)![1].start.toolUse;
    expect(start).toMatchObject({ name: 'get_weather', toolUseId: expect.any(String) });
    expect([undefined, 'tool_use']).toContain(start.type);
  });
});

describe('the context window as the output limit', () => {
  // 199,988 one-token words plus Claude's template (6 + 3) leave 3 tokens of Sonnet 4.5's 200,000:
  // less than max_tokens, so the window ends the answer (src/operations/context-window.ts).
  const nearlyFull = Array.from({ length: 200_000 - 9 - 3 }, () => 'word').join(' ');
  const request = { messages: [{ role: 'user' as const, content: [{ text: nearlyFull }] }], inferenceConfig: { maxTokens: 100 } };

  emulatorIt('Claude 4.5 writes until the window is full and stops with model_context_window_exceeded', async () => {
    const res = await t.h2.send(new ConverseCommand({ modelId: sonnet45, ...request }));
    expect(res.stopReason).toBe('model_context_window_exceeded');
    expect(res.usage).toMatchObject({ inputTokens: 199_997, outputTokens: 3 });
    const native = JSON.parse(
      new TextDecoder().decode(
        (await t.h1.send(new InvokeModelCommand({ modelId: sonnet45, body: JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 100, messages: [{ role: 'user', content: nearlyFull }] }) }))).body,
      ),
    );
    expect(native).toMatchObject({ stop_reason: 'model_context_window_exceeded', stop_sequence: null, usage: { output_tokens: 3 } });
  });

  emulatorIt('a max_tokens inside the room still ends with max_tokens', async () => {
    const res = await t.h2.send(new ConverseCommand({ modelId: sonnet45, ...request, inferenceConfig: { maxTokens: 2 } }));
    expect(res.stopReason).toBe('max_tokens');
  });
});
