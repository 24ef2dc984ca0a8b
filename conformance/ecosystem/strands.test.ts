// Strands Agents (strands-agents, BedrockModel over ConverseStream): structured output, through the
// API Strands' docs teach today (agent(prompt, structured_output_model=...)) on Claude and on Nova,
// and through the deprecated agent.structured_output(); and a tool result followed by a user text
// message (python/strands_agent.py). Strands sends those two user messages as they are, one after the
// other: it inserts an assistant turn between them only after Bedrock refused them with Llama's
// "Conversation blocks and tool result blocks cannot be provided in the same turn"
// (strands-agents/harness-sdk#1223 and the fix that closed it, BedrockModel._separate_tool_result_turns).
// For structured output Strands falls back from a refused forced tool choice to another mechanism, so
// the [emulator] twins also check that no request was refused.
import { expect } from 'vitest';
import { requireModel } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';
import { describePrograms, outputOf, PROGRAM_TIMEOUT } from './python-programs.js';

const CLAUDE = 'us.anthropic.claude-haiku-4-5-20251001-v1:0';
const NOVA = 'us.amazon.nova-lite-v1:0';

function expectCityWeather(output: any) {
  expect(Object.keys(output).sort()).toEqual(['city', 'conditions', 'temperature_celsius']);
  expect(typeof output.city).toBe('string');
  expect(Number.isInteger(output.temperature_celsius)).toBe(true);
  expect(Math.abs(output.temperature_celsius)).toBeLessThanOrEqual(60);
  expect(typeof output.conditions).toBe('string');
}

describePrograms('Strands Agents', (run) => {
  for (const [name, modelId] of [['Claude Haiku 4.5', CLAUDE], ['Nova Lite', NOVA]] as const) {
    awsIt(`${name}: agent(prompt, structured_output_model=CityWeather) gives result.structured_output`, async () => {
      await requireModel(modelId);
      expectCityWeather(outputOf(await run('strands_agent.py', 'structured', modelId)).output);
    }, PROGRAM_TIMEOUT);

    emulatorIt(`${name}: structured_output_model: every ConverseStream request is answered 200`, async () => {
      const r = await run('strands_agent.py', 'structured', modelId);
      outputOf(r);
      expect(r.requests.length).toBeGreaterThanOrEqual(1);
      for (const line of r.requests) expect(line).toBe(`ConverseStream ${modelId} 200`);
    }, PROGRAM_TIMEOUT);
  }

  awsIt('Claude Haiku 4.5: agent.structured_output(CityWeather, prompt) (deprecated) returns a CityWeather', async () => {
    await requireModel(CLAUDE);
    expectCityWeather(outputOf(await run('strands_agent.py', 'structured-legacy', CLAUDE)).output);
  }, PROGRAM_TIMEOUT);

  emulatorIt('Claude Haiku 4.5: agent.structured_output is one ConverseStream request (toolChoice any), answered 200', async () => {
    const r = await run('strands_agent.py', 'structured-legacy', CLAUDE);
    outputOf(r);
    expect(r.requests).toEqual([`ConverseStream ${CLAUDE} 200`]);
  }, PROGRAM_TIMEOUT);

  // Nova takes two user messages in a row and merges them (strands-agents/harness-sdk#1223 shows
  // Bedrock merging for Llama 4; no refusal is on record for Nova): the second prompt is answered.
  awsIt('Nova Lite: after a tool ends the turn, the next prompt follows the toolResult message and gets an answer', async () => {
    await requireModel(NOVA);
    const out = outputOf(await run('strands_agent.py', 'tool-then-text', NOVA));
    expect(out.tool_calls.length).toBeGreaterThanOrEqual(1);
    expect(out.first_stop_reason).toBe('cancelled');
    // The history the second call starts from ends with the user's toolResult message...
    expect(out.history_after_first.at(-1)).toEqual(['toolResult']);
    // ...and the second prompt is sent as another user message right after it.
    expect(out.roles_sent_second.slice(0, 4)).toEqual(['user', 'assistant', 'user', 'user']);
    expect(out.error).toBeUndefined();
    expect(['end_turn', 'max_tokens']).toContain(out.second_stop_reason);
    expect(out.text.trim()).not.toBe('');
  }, PROGRAM_TIMEOUT);

  emulatorIt('Nova Lite: the tool call, the two-user-message request and what follows are all answered 200', async () => {
    const r = await run('strands_agent.py', 'tool-then-text', NOVA);
    outputOf(r);
    expect(r.requests.length).toBeGreaterThanOrEqual(2);
    for (const line of r.requests) expect(line).toBe(`ConverseStream ${NOVA} 200`);
  }, PROGRAM_TIMEOUT);

  // Claude through Converse refuses two user messages in a row, this very shape included: refusals
  // quoted from 2024 to 2026 (Kibana#284682, 2026-08, Claude 3.5 Sonnet v2), and 2026 Converse
  // clients that fold such turns because "Bedrock Converse hard-rejects" them, one of them tested on
  // Claude Sonnet 4.6 (src/converse.evidence.md §8, src/refusals.evidence.md V02). Strands separates
  // the turns only after Llama's different wording, so on Claude the application sees the refusal.
  awsIt('Claude Haiku 4.5: the prompt after a toolResult message is refused as two user turns in a row', async () => {
    await requireModel(CLAUDE);
    const out = outputOf(await run('strands_agent.py', 'tool-then-text', CLAUDE));
    expect(out.history_after_first.at(-1)).toEqual(['toolResult']);
    expect(out.error).toContain('A conversation must alternate between user and assistant roles');
  }, PROGRAM_TIMEOUT);

  emulatorIt('Claude Haiku 4.5: the tool call is answered 200, the two-user-message request 400', async () => {
    const r = await run('strands_agent.py', 'tool-then-text', CLAUDE);
    outputOf(r);
    expect(r.requests).toHaveLength(2);
    expect(r.requests[0]).toBe(`ConverseStream ${CLAUDE} 200`);
    // A 4xx line carries the error type and message (issue 9).
    expect(r.requests[1]).toMatch(new RegExp(`^ConverseStream ${CLAUDE.replace(/[.]/g, '\\.')} 400 ValidationException: A conversation must alternate between user and assistant roles`));
  }, PROGRAM_TIMEOUT);
});
