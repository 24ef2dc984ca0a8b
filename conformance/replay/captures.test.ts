// Replays every recorded real Bedrock exchange against the emulator and compares the SHAPE of the
// answers (status, error type, significant headers, JSON key paths / types / key order, event-stream
// frames and chunk kinds). One test per capture; see load.ts for what is replayable, compare.ts for
// what is compared, known-differences.ts for the captures expected to differ and why.
//
// The captures are third-party recordings kept outside the repository, in
// ../shared/reference/captures relative to the repository root; without that folder this file
// skips, saying so.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { emulatorDescribe } from '../support/markers.js';
import { compareObserved } from './compare.js';
import { KNOWN_DIFFERENCES, SUPERSEDED } from './known-differences.js';
import { listCaptures, type Capture } from './load.js';
import { replay } from './replay.js';

// BEDROCK_CAPTURES_DIR points elsewhere (a git worktree sits one level deeper than the repository).
const CAPTURES_DIR = process.env.BEDROCK_CAPTURES_DIR ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/reference/captures');
const present = existsSync(CAPTURES_DIR);
const REQUIRED_PASS_RATE = 0.9;

if (!present) {
  console.warn(`capture replay skipped: folder ${CAPTURES_DIR} (../shared/reference/captures) not found`);
  emulatorDescribe('capture replay', () => {
    it.skip(`needs the captures folder ${CAPTURES_DIR} (../shared/reference/captures)`, () => {});
  });
}

const captures = listCaptures(CAPTURES_DIR);
/** Replayable: a recording of a runtime operation that is ground truth. */
const replayable = (c: Capture) => !c.notReplayable;

// Emulator-only: it replays recorded requests against an emulator of its own.
emulatorDescribe.skipIf(!present)('real Bedrock captures replayed against the emulator', () => {
  let emulator: RunningEmulator;
  const passed = new Set<string>();

  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(async () => {
    await emulator?.close();
  });

  for (const capture of captures) {
    const expected = KNOWN_DIFFERENCES[capture.name];
    if (capture.notReplayable) {
      it.skip(`${capture.name} — not replayed: ${capture.notReplayable}`, () => {});
    } else if (expected) {
      it.skip(`${capture.name} — expected difference: ${expected}`, () => {});
    } else {
      it(capture.name, async () => {
        const interactions = await capture.interactions();
        const differences: string[] = [];
        // In order: later calls may depend on earlier ones (prompt caching writes, then reads).
        for (const [n, { request, real }] of interactions.entries()) {
          const label = interactions.length > 1 ? `#${n + 1}` : '';
          const emulated = await replay(emulator.url, request);
          differences.push(...compareObserved(label, real, emulated).map((d) => d.trim()));
        }
        // The message is the readable diff; the assertion itself only counts.
        expect(differences.length, `shape differences from ${capture.file}:\n  - ${differences.join('\n  - ')}\n`).toBe(0);
        passed.add(capture.name);
      });
    }
  }

  it('lists no known difference for a capture that does not exist', () => {
    const names = new Set(captures.map((c) => c.name));
    expect(Object.keys(KNOWN_DIFFERENCES).filter((name) => !names.has(name))).toEqual([]);
  });

  it(`passes at least ${REQUIRED_PASS_RATE * 100}% of the replayable captures`, () => {
    const pool = captures.filter(replayable);
    const ok = pool.filter((c) => passed.has(c.name) && !KNOWN_DIFFERENCES[c.name]);
    const known = pool.filter((c) => KNOWN_DIFFERENCES[c.name]);
    const failing = pool.filter((c) => !ok.includes(c) && !KNOWN_DIFFERENCES[c.name]);
    console.log(
      [
        `capture replay: ${ok.length}/${pool.length} replayable captures pass`,
        `  failing (the emulator differs), ${failing.length}:`,
        ...failing.map((c) => `    ${c.name}`),
        `  expected differences, ${known.length}:`,
        ...known.map((c) => `    ${c.name} (${KNOWN_DIFFERENCES[c.name]})`),
      ].join('\n'),
    );
    expect(pool.length).toBeGreaterThan(0);
    // The rate that counts: over the captures real Bedrock would still answer the same way.
    const current = pool.filter((c) => !SUPERSEDED.has(c.name));
    const okCurrent = ok.filter((c) => !SUPERSEDED.has(c.name));
    console.log(`  over all replayable captures: ${ok.length}/${pool.length}; over current ones (not superseded): ${okCurrent.length}/${current.length}`);
    expect(okCurrent.length / current.length, `${okCurrent.length}/${current.length} current replayable captures pass`).toBeGreaterThanOrEqual(REQUIRED_PASS_RATE);
  });
});
