// Issue 9: pacing and dropped connections scripted by a rule (the admin API's JSON), end to end
// through the official JS SDK: the rule sets Reply.pacing / Reply.drop, the one place replies are
// written applies them. Emulator-only: real Bedrock has no rules.
import { BedrockRuntimeClient, ConverseCommand, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { countTokens } from '../../src/responder/tokens.js';
import { credentials } from '../support/target.js';
import { emulatorDescribe } from '../support/markers.js';

const NOVA = 'amazon.nova-micro-v1:0';
const TEXT = Array.from({ length: 90 }, (_, i) => `w${i}`).join(' ');
const ask = (prompt: string) => ({ modelId: NOVA, messages: [{ role: 'user' as const, content: [{ text: prompt }] }] });

emulatorDescribe('rules with pacing and drops', () => {
  let emulator: RunningEmulator;
  let client: BedrockRuntimeClient;
  beforeAll(async () => {
    emulator = await startEmulator();
    client = new BedrockRuntimeClient({ region: 'us-east-1', endpoint: emulator.url, credentials, maxAttempts: 1 });
  });
  afterEach(() => emulator.reset());
  afterAll(async () => {
    client.destroy();
    await emulator.close();
  });

  it('a rule paces a stream: first text after ttftMs, then the text at tokensPerSecond (within 10%)', async () => {
    const res = await fetch(`${emulator.url}/_emulator/rules`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ match: { prompt: 'slowly' }, reply: { text: TEXT }, pacing: { ttftMs: 300, tokensPerSecond: 100 } }),
    });
    expect(res.status).toBe(201);
    const sent = performance.now();
    const out = await client.send(new ConverseStreamCommand(ask('Answer slowly.')));
    const deltas: Array<{ at: number; text: string }> = [];
    for await (const event of out.stream!) {
      const text = event.contentBlockDelta?.delta?.text;
      if (text !== undefined) deltas.push({ at: performance.now() - sent, text });
    }
    expect(deltas.map((d) => d.text).join('')).toBe(TEXT);
    expect(deltas[0].at).toBeGreaterThanOrEqual(290);
    // After the first delta, each delta waits for its own tokens at 100 tokens a second.
    const later = deltas.slice(1).reduce((n, d) => n + countTokens(d.text), 0);
    const expected = (later / 100) * 1000;
    const measured = deltas.at(-1)!.at - deltas[0].at;
    expect(Math.abs(measured - expected) / expected).toBeLessThan(0.1);
  });

  it('a rule drops a stream after 2 events: the SDK sees a broken stream, the next call is answered', async () => {
    emulator.rules.add({ match: { prompt: 'break' }, reply: { text: TEXT }, drop: { afterEvents: 2 }, times: 1 });
    const out = await client.send(new ConverseStreamCommand(ask('Please break.')));
    const seen: string[] = [];
    await expect(async () => {
      for await (const event of out.stream!) seen.push(Object.keys(event)[0]);
    }).rejects.toThrow();
    expect(seen).toEqual(['messageStart', 'contentBlockDelta']);
    const next = await client.send(new ConverseCommand(ask('Please break.')));
    expect(next.stopReason).toBe('end_turn');
    expect(emulator.requests({ operation: 'ConverseStream' }).length).toBe(1);
  });
});
