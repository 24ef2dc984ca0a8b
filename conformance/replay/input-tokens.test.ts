// Token counts against the real ones: replays every recorded request that real Bedrock answered
// with an input token count and checks the emulator's count is near it. The emulator's tokenizer
// is an estimate (src/responder/tokens.ts), so the check is a tolerance, not equality; what it
// guards is the fixed overhead of each family's chat template, which dominates short prompts
// (src/responder/tokens.ts, FAMILY_OVERHEAD, derives it from these same captures).
//
// The captures are third-party recordings kept outside the repository, in
// ../shared/reference/captures; without that folder this file skips, saying so.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { emulatorDescribe } from '../support/markers.js';
import type { Observed } from './exchange.js';
import { at, type JNode } from './json-literal.js';
import { listCaptures } from './load.js';
import { replay } from './replay.js';

// BEDROCK_CAPTURES_DIR points elsewhere (a git worktree sits one level deeper than the repository).
const CAPTURES_DIR = process.env.BEDROCK_CAPTURES_DIR ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/reference/captures');
const present = existsSync(CAPTURES_DIR);
if (!present) console.warn(`input-token replay skipped: folder ${CAPTURES_DIR} (../shared/reference/captures) not found`);

const num = (node: JNode | undefined) => (node?.t === 'integer' || node?.t === 'float' ? Number(node.src) : undefined);

/** The input tokens an answer reports, wherever its format puts them (cache reads and writes included). */
function inputTokens(o: Observed): number | undefined {
  const header = o.headers.get('x-amzn-bedrock-input-token-count');
  if (o.frames) {
    for (const frame of [...o.frames].reverse()) {
      const metrics = at(frame.chunk, 'amazon-bedrock-invocationMetrics');
      if (metrics) return num(at(metrics, 'inputTokenCount'))! + (num(at(metrics, 'cacheReadInputTokenCount')) ?? 0) + (num(at(metrics, 'cacheWriteInputTokenCount')) ?? 0);
      const usage = at(frame.payload, 'usage');
      if (usage && num(at(usage, 'inputTokens')) !== undefined) return num(at(usage, 'inputTokens'))! + (num(at(usage, 'cacheReadInputTokens')) ?? 0) + (num(at(usage, 'cacheWriteInputTokens')) ?? 0);
    }
    return undefined;
  }
  const converse = at(o.json, 'usage', 'inputTokens');
  if (converse) return num(converse)! + (num(at(o.json, 'usage', 'cacheReadInputTokens')) ?? 0) + (num(at(o.json, 'usage', 'cacheWriteInputTokens')) ?? 0);
  if (header !== undefined) {
    const cached = ['x-amzn-bedrock-cache-read-input-token-count', 'x-amzn-bedrock-cache-write-input-token-count'].map((h) => Number(o.headers.get(h) ?? 0));
    return Number(header) + cached[0] + cached[1];
  }
  return undefined;
}

/** Recorded counts the estimate is not meant to reach, by capture and interaction (0-based). */
const NOT_COMPARABLE: Record<string, { interaction: number; why: string }> = {
  'invoke__anthropic.claude-3-5-haiku-20241022-v1_0__prompt-caching': { interaction: -1, why: 'the recorded system prompt was shortened by the test author (captures/INDEX.md); 18,131 tokens came from a prompt we do not have' },
  'invoke__amazon.titan-text-express-v1__guardrail-trace': { interaction: -1, why: 'a guardrail ran on the prompt (guardrails not emulated)' },
  'converse-stream__us.anthropic.claude-sonnet-5__adaptive-thinking': { interaction: 1, why: 'the earlier assistant turn is LaTeX-dense, where a 4-characters-a-token estimate is far below any real tokenizer' },
};

/** Within this many tokens, or this fraction of the real count, whichever is larger. */
const ABSOLUTE = 6;
const RELATIVE = 0.35;

emulatorDescribe.skipIf(!present)('input token counts of recorded requests', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(async () => {
    await emulator?.close();
  });

  for (const capture of listCaptures(CAPTURES_DIR)) {
    if (capture.notReplayable || capture.name.startsWith('error__')) continue;
    it(`${capture.name}: input tokens near the recorded count`, async () => {
      const interactions = await capture.interactions();
      const rows: string[] = [];
      let compared = 0;
      const skip = NOT_COMPARABLE[capture.name];
      for (const [n, { request, real }] of interactions.entries()) {
        if (skip && (skip.interaction === -1 || skip.interaction === n)) {
          console.log(`${capture.name} #${n + 1}: not compared, ${skip.why}`);
          continue;
        }
        const recorded = real.status === 200 ? inputTokens(real) : undefined;
        if (recorded === undefined) continue;
        const emulated = await replay(emulator.url, request);
        const counted = inputTokens(emulated);
        if (process.env.TOKEN_REPORT) console.log(`TOKENS ${capture.name} real=${recorded} emulator=${counted}`);
        compared++;
        const slack = Math.max(ABSOLUTE, Math.round(recorded * RELATIVE));
        if (counted === undefined || Math.abs(counted - recorded) > slack) rows.push(`real ${recorded}, emulator ${counted} (allowed ±${slack})`);
      }
      expect(rows, `${capture.file}`).toEqual([]);
      if (compared === 0 && !skip) console.log(`${capture.name}: no recorded input token count`);
    });
  }
});
