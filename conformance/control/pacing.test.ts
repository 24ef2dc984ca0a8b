// Pacing and dropped connections (issue 9), through the official JS SDK on both protocols: a Reply's
// `pacing` (time to first token, tokens per second, non-streaming latency) and `drop` (a connection
// cut after N events or bytes), as a custom responder or a fixture gives them.
import { ConverseCommand, ConverseStreamCommand, InvokeModelWithResponseStreamCommand, type BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countTokens } from '../../src/responder/tokens.js';
import type { Reply } from '../../src/responder/types.js';
import { useTarget } from '../support/target.js';
import { emulatorDescribe } from '../support/markers.js';

const MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';
// 120 one-token words: 40 text deltas of 3 tokens each.
const WORDS = 120;
const TEXT = Array.from({ length: WORDS }, (_, i) => `w${i % 100}`).join(' ');

/** What the responder answers next: the test sets pacing and drop. */
let script: Partial<Reply> = {};
const responder = (): Reply => ({
  content: [{ type: 'text', text: TEXT }],
  stopReason: 'end_turn',
  stopSequence: null,
  usage: { inputTokens: 3, outputTokens: countTokens(TEXT) },
  ...script,
});

const ask = { modelId: MODEL, messages: [{ role: 'user' as const, content: [{ text: 'Count.' }] }], inferenceConfig: { maxTokens: 200 } };
const native = { modelId: MODEL, body: JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 200, messages: [{ role: 'user', content: 'Count.' }] }) };
const since = (t0: number) => performance.now() - t0;

/** Timestamps and texts of a ConverseStream's text deltas. */
async function timedDeltas(client: BedrockRuntimeClient): Promise<{ sent: number; deltas: Array<{ at: number; text: string }>; latencyMs?: number }> {
  const sent = performance.now();
  const out = await client.send(new ConverseStreamCommand(ask));
  const deltas: Array<{ at: number; text: string }> = [];
  let latencyMs: number | undefined;
  for await (const event of out.stream!) {
    const text = event.contentBlockDelta?.delta?.text;
    if (text) deltas.push({ at: performance.now(), text });
    if (event.metadata) latencyMs = event.metadata.metrics?.latencyMs;
  }
  return { sent, deltas, latencyMs };
}

emulatorDescribe('pacing and drops (issue 9)', () => {
  const t = useTarget({ responder });
  const protocols = () => t.clients;

  describe.each([['HTTP/2', 0], ['HTTP/1.1', 1]] as const)('%s', (_name, which) => {
    const client = () => protocols()[which][1];

    it('a stream paced at 120 tokens/s goes out at 120 tokens/s (±10%) after its time to first token', async () => {
      script = { pacing: { ttftMs: 300, tokensPerSecond: 120 } };
      const { sent, deltas, latencyMs } = await timedDeltas(client());
      // The metadata event reports the time the paced stream took: 300 ms, then 117 tokens at 120/s.
      expect(latencyMs).toBeGreaterThanOrEqual(300 + Math.floor(((countTokens(TEXT) - 3) / 120) * 1000) - 2);
      expect(deltas.map((d) => d.text).join('')).toBe(TEXT);
      expect(deltas[0].at - sent).toBeGreaterThanOrEqual(295);
      expect(deltas[0].at - sent).toBeLessThan(300 + 400);
      // Output speed as Artificial Analysis measures it: tokens after the first chunk over their time.
      const after = deltas.slice(1).reduce((n, d) => n + countTokens(d.text), 0);
      const rate = after / ((deltas.at(-1)!.at - deltas[0].at) / 1000);
      expect(rate).toBeGreaterThan(120 * 0.9);
      expect(rate).toBeLessThan(120 * 1.1);
    });

    it('jitter varies the gaps but keeps the average speed', async () => {
      script = { pacing: { tokensPerSecond: 200, jitter: 0.5 } };
      const { deltas } = await timedDeltas(client());
      const gaps = deltas.slice(1).map((d, i) => d.at - deltas[i].at);
      expect(Math.max(...gaps) - Math.min(...gaps)).toBeGreaterThan(10);
      const rate = (countTokens(TEXT) - countTokens(deltas[0].text)) / ((deltas.at(-1)!.at - deltas[0].at) / 1000);
      expect(rate).toBeGreaterThan(200 * 0.9);
      expect(rate).toBeLessThan(200 * 1.1);
    });

    it('a non-streaming answer comes after its latency, which metrics.latencyMs reports', async () => {
      script = { pacing: { latencyMs: 500 } };
      const t0 = performance.now();
      const out = await client().send(new ConverseCommand(ask));
      expect(since(t0)).toBeGreaterThanOrEqual(495);
      expect(since(t0)).toBeLessThan(500 + 600);
      expect(out.metrics?.latencyMs).toBeGreaterThanOrEqual(500);
    });

    it('a stream dropped after 5 events breaks in the SDK as a stream error, and the next call succeeds', async () => {
      script = { drop: { afterEvents: 5 } };
      const out = await client().send(new ConverseStreamCommand(ask));
      const seen: string[] = [];
      const error = await (async () => {
        try {
          for await (const event of out.stream!) seen.push(Object.keys(event)[0]);
        } catch (err) {
          return err as Error;
        }
      })();
      expect(error).toBeInstanceOf(Error);
      expect(error!.message).toMatch(/NGHTTP2_INTERNAL_ERROR|aborted/);
      // Not an exception frame: a modeled stream exception would carry a Bedrock error name.
      expect(error!.name).not.toMatch(/Exception$/);
      expect(seen).toHaveLength(5);
      expect(seen[0]).toBe('messageStart');
      script = {};
      const next = await client().send(new ConverseCommand(ask));
      expect(next.output?.message?.content?.[0].text).toBe(TEXT);
    });

    it('a non-streaming answer cut after 40 bytes fails in the SDK, and the next call succeeds', async () => {
      script = { drop: { afterBytes: 40 } };
      await expect(client().send(new ConverseCommand(ask))).rejects.toThrow();
      script = {};
      const next = await client().send(new ConverseCommand(ask));
      expect(next.stopReason).toBe('end_turn');
    });

    it('a native stream cut after 1000 bytes breaks mid-frame in the SDK, and the next call succeeds', async () => {
      script = { drop: { afterBytes: 1000 } };
      let events = 0;
      const error = await (async () => {
        try {
          const out = await client().send(new InvokeModelWithResponseStreamCommand(native));
          for await (const _ of out.body!) events++;
        } catch (err) {
          return err as Error;
        }
      })();
      expect(error!.message).toMatch(/NGHTTP2_INTERNAL_ERROR|aborted/);
      // The whole answer is over 40 events; the first few fit in 1000 bytes.
      expect(events).toBeGreaterThan(0);
      expect(events).toBeLessThan(10);
      script = {};
      const next = await client().send(new InvokeModelWithResponseStreamCommand(native));
      for await (const _ of next.body!);
    });

    it('a client that hangs up while a stream is paced leaves no timer behind', async () => {
      const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
      const before = timers();
      // Hang up while waiting for the first token, then in the middle of the text.
      for (const pacing of [{ ttftMs: 10_000 }, { tokensPerSecond: 2 }]) {
        script = { pacing };
        const abort = new AbortController();
        const call = client().send(new InvokeModelWithResponseStreamCommand(native), { abortSignal: abort.signal });
        const consumed = call.then(async (out) => {
          for await (const _ of out.body!) if (!abort.signal.aborted) setTimeout(() => abort.abort(), 100).unref();
        });
        if (pacing.ttftMs) setTimeout(() => abort.abort(), 200);
        // The SDK ends an aborted HTTP/2 stream quietly or with an AbortError, as it happens.
        const started = performance.now();
        await consumed.catch(() => {});
        expect(since(started)).toBeLessThan(5_000);
      }
      // And while a non-streaming answer waits for its latency.
      script = { pacing: { latencyMs: 10_000 } };
      const abort = new AbortController();
      setTimeout(() => abort.abort(), 200);
      await expect(client().send(new ConverseCommand(ask), { abortSignal: abort.signal })).rejects.toThrow();
      script = {};
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(timers()).toBeLessThanOrEqual(before);
    });
  });
});

emulatorDescribe('pacing and drops from a fixture (issue 9)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pacing-fixtures-'));
  writeFileSync(join(dir, 'amazon.json'), JSON.stringify({ text: 'one two three four five six seven eight nine ten', pacing: { ttftMs: 400 } }));
  writeFileSync(join(dir, 'meta.json'), JSON.stringify({ text: 'one two three four five six', drop: { afterEvents: 2 } }));
  const t = useTarget({ fixtures: dir });

  it('a fixture\'s pacing holds the first token back', async () => {
    const sent = performance.now();
    const out = await t.h2.send(new ConverseStreamCommand({ ...ask, modelId: 'amazon.nova-micro-v1:0' }));
    let first: number | undefined;
    for await (const event of out.stream!) if (event.contentBlockDelta && first === undefined) first = performance.now();
    expect(first! - sent).toBeGreaterThanOrEqual(395);
  });

  it('a fixture\'s drop breaks the stream', async () => {
    const out = await t.h1.send(new ConverseStreamCommand({ ...ask, modelId: 'meta.llama3-8b-instruct-v1:0' }));
    await expect((async () => {
      for await (const _ of out.stream!);
    })()).rejects.toThrow();
  });
});
