// --realistic-pacing / startEmulator({ realisticPacing: true }) (issue 9): every answer at its model's
// published speed (src/catalog/latency.ts), unless the Reply carries its own pacing.
import { ConverseCommand, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { SPEEDS, typicalSpeed } from '../../src/catalog/latency.js';
import { MODELS } from '../../src/catalog/models.js';
import { FixtureStore, builtinFixturesDir } from '../../src/responder/fixtures.js';
import { createResponder } from '../../src/responder/responder.js';
import { countTokens } from '../../src/responder/tokens.js';
import type { Responder } from '../../src/responder/types.js';
import { useTarget } from '../support/target.js';
import { emulatorDescribe, emulatorIt } from '../support/markers.js';

const SONNET = 'anthropic.claude-3-sonnet-20240229-v1:0';
const fixtures = createResponder(new FixtureStore([builtinFixturesDir()]));
// The fixtures' answer, except for prompts that say "fast": those carry their own pacing.
const responder: Responder = (conv, modelId) => {
  const reply = fixtures(conv, modelId);
  const last = conv.messages.at(-1)?.content[0];
  return last?.type === 'text' && last.text === 'fast' ? { ...reply, pacing: { ttftMs: 0 } } : reply;
};
const ask = (text: string) => ({ modelId: SONNET, messages: [{ role: 'user' as const, content: [{ text }] }], inferenceConfig: { maxTokens: 200 } });

emulatorDescribe('realistic pacing (issue 9)', () => {
  const t = useTarget({ realisticPacing: true, responder });
  const speed = typicalSpeed(SONNET);

  emulatorIt.each(['HTTP/2', 'HTTP/1.1'])('%s: a Claude 3 Sonnet stream comes at its published time to first token and output speed, within 10 percent', async (name) => {
    const client = t.clients.find(([n]) => n === name)![1];
    const sent = performance.now();
    const out = await client.send(new ConverseStreamCommand(ask('Hello')));
    const deltas: Array<{ at: number; text: string }> = [];
    for await (const event of out.stream!) {
      const text = event.contentBlockDelta?.delta?.text;
      if (text) deltas.push({ at: performance.now(), text });
    }
    expect(deltas[0].at - sent).toBeGreaterThanOrEqual(speed.ttftMs! - 5);
    expect(deltas[0].at - sent).toBeLessThan(speed.ttftMs! + 500);
    const rate = deltas.slice(1).reduce((n, d) => n + countTokens(d.text), 0) / ((deltas.at(-1)!.at - deltas[0].at) / 1000);
    expect(rate).toBeGreaterThan(speed.tokensPerSecond! * 0.9);
    expect(rate).toBeLessThan(speed.tokensPerSecond! * 1.1);
  });

  emulatorIt('a non-streaming answer takes the time to first token plus its tokens at the output speed', async () => {
    const started = performance.now();
    const out = await t.h2.send(new ConverseCommand(ask('Hello')));
    const expected = speed.ttftMs! + (out.usage!.outputTokens! / speed.tokensPerSecond!) * 1000;
    expect(performance.now() - started).toBeGreaterThanOrEqual(expected - 5);
    expect(out.metrics!.latencyMs).toBeGreaterThanOrEqual(Math.floor(expected));
  });

  emulatorIt("a Reply's own pacing wins over the realistic one", async () => {
    const started = performance.now();
    await t.h2.send(new ConverseCommand(ask('fast')));
    expect(performance.now() - started).toBeLessThan(speed.ttftMs!);
  });

  emulatorIt('every streaming text model has a speed, each table row says where it comes from and matches a model', () => {
    for (const row of SPEEDS) {
      expect(row.source.length).toBeGreaterThan(5);
      expect(MODELS.some((m) => row.pattern.test(m.modelId)), String(row.pattern)).toBe(true);
    }
    for (const m of MODELS.filter((m) => m.streaming)) expect(typicalSpeed(m.modelId).tokensPerSecond).toBeGreaterThan(0);
  });
});

const BIN = fileURLToPath(new URL('../../dist/bin/cli.cjs', import.meta.url));
emulatorDescribe('the bin with --realistic-pacing (dist/bin/cli.cjs; built by npm test)', () => {
  it.skipIf(!existsSync(BIN))('holds a Converse answer for the model\'s time to first token', async () => {
    const child = spawn(process.execPath, [BIN, '--port', '0', '--realistic-pacing', '--log-level', 'silent'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout!.on('data', (d) => {
          out += d;
          const found = /listening on (http:\/\/\S+)/.exec(out)?.[1];
          if (found) resolve(found);
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}`)));
      });
      const started = performance.now();
      const res = await fetch(`${url}/model/${SONNET}/converse`, {
        method: 'POST',
        headers: { authorization: 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/us-east-1/bedrock/aws4_request, SignedHeaders=host, Signature=0', 'content-type': 'application/json' },
        body: JSON.stringify(ask('Hello')),
      });
      expect(res.status).toBe(200);
      await res.json();
      expect(performance.now() - started).toBeGreaterThanOrEqual(typicalSpeed(SONNET).ttftMs!);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
