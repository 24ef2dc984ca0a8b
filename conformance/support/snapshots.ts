// Contract snapshots: the normalized shape of every answer an [aws] test receives (status, error
// type, significant headers, JSON key paths / types / key order, event-stream frames and event
// kinds), stored per test in fixtures/snapshots/<test file stem>.json. The normal form and the
// comparison are the capture replay's own (replay/compare.ts: contractOf, diffContracts), so a
// snapshot and a capture are read the same way.
//
//   CONTRACT_SNAPSHOTS=record with BEDROCK_TARGET=aws (npm run conformance:record): each [aws] test
//       that passes and made at least one SDK call stores its answers, in call order.
//   BEDROCK_TARGET=emulator (default): after each [aws] test that has a snapshot, the emulator's
//       answers are compared with it; a difference fails the test, listing the paths. Differences
//       listed in conformance/snapshot-differences.ts are expected, and must occur.
//   CONTRACT_SNAPSHOTS=off: neither.
//   CONTRACT_SNAPSHOTS_DIR: another folder than fixtures/snapshots (the mechanism's own test).
//
// Answers are captured by a middleware on the SDK clients target.ts builds (snapshot-capture.ts).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach } from 'vitest';
import { contractOf, diffContracts, type Contract, type StreamSummary } from '../replay/compare.js';
import type { Observed } from '../replay/exchange.js';
import type { JType, Shape } from '../replay/shape.js';
import { SNAPSHOT_DIFFERENCES } from '../snapshot-differences.js';
import { AWS_TAG } from './markers-tags.js';
import { currentTest, takeAnswers } from './snapshot-capture.js';

export { attachSnapshots, takeAnswers } from './snapshot-capture.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const snapshotDir = () => resolve(ROOT, process.env.CONTRACT_SNAPSHOTS_DIR || 'fixtures/snapshots');

/** Which snapshot file a test file's snapshots live in: its name without `.test.ts`. */
export const snapshotStem = (testPath: string) => basename(testPath).replace(/\.test\.[cm]?[jt]s$/, '');

// ---- The JSON form of a contract ------------------------------------------------------------

interface JsonShape {
  /** path → its JSON types, joined by `|`. */
  types: Record<string, string>;
  orders: Record<string, string[]>;
}
export interface JsonContract {
  status: number;
  headers: Record<string, string>;
  json?: JsonShape;
  text?: true;
  stream?: { frameHeaders: string[]; payloadKeys: string[]; kinds: string[]; chunks: Record<string, JsonShape>; metrics?: string; partial?: true; incomplete?: true };
}
export interface SnapshotEntry {
  /** Where the answers come from: `aws <date>` (recorded) or `capture <file> #<n>` (derived). */
  source: string;
  answers: JsonContract[];
}
export type SnapshotFile = Record<string, SnapshotEntry>;

const sortedRecord = <V>(m: Map<string, V>, f: (v: V) => any) => Object.fromEntries([...m.keys()].sort().map((k) => [k, f(m.get(k)!)]));
const shapeToJson = (s: Shape): JsonShape => ({ types: sortedRecord(s.types, (t) => [...t].sort().join('|')), orders: sortedRecord(s.orders, (o) => [...o].sort()) });
const shapeFromJson = (s: JsonShape): Shape => ({
  types: new Map(Object.entries(s.types).map(([k, v]) => [k, new Set(v.split('|') as JType[])])),
  orders: new Map(Object.entries(s.orders).map(([k, v]) => [k, new Set(v)])),
});

export function contractToJson(c: Contract): JsonContract {
  const out: JsonContract = { status: c.status, headers: sortedRecord(c.headers, (v) => v) };
  if (c.json) out.json = shapeToJson(c.json);
  if (c.text) out.text = true;
  if (c.stream) {
    const { frameHeaders, payloadKeys, kinds, chunks, metrics, partial, incomplete } = c.stream;
    out.stream = { frameHeaders, payloadKeys, kinds, chunks: sortedRecord(chunks, shapeToJson) };
    if (metrics !== undefined) out.stream.metrics = metrics;
    if (partial) out.stream.partial = true;
    if (incomplete) out.stream.incomplete = true;
  }
  return out;
}

export function contractFromJson(j: JsonContract): Contract {
  const c: Contract = { status: j.status, headers: new Map(Object.entries(j.headers)) };
  if (j.json) c.json = shapeFromJson(j.json);
  if (j.text) c.text = true;
  if (j.stream) {
    const s: StreamSummary = {
      // How many frames a stream has is a value, not stored; any non-zero count will do.
      count: Math.max(1, j.stream.kinds.length),
      frameHeaders: j.stream.frameHeaders,
      payloadKeys: j.stream.payloadKeys,
      kinds: j.stream.kinds,
      chunks: new Map(Object.entries(j.stream.chunks).map(([k, v]) => [k, shapeFromJson(v)])),
    };
    if (j.stream.metrics !== undefined) s.metrics = j.stream.metrics;
    if (j.stream.partial) s.partial = true;
    if (j.stream.incomplete) s.incomplete = true;
    c.stream = s;
  }
  return c;
}

/** JSON with object keys sorted at every level (arrays keep their order): stable diffs. */
export function stableStringify(value: unknown): string {
  const sort = (v: any): any =>
    Array.isArray(v) ? v.map(sort) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort(v[k])])) : v;
  return JSON.stringify(sort(value), null, 2) + '\n';
}

export function readSnapshotFile(stem: string): SnapshotFile {
  const file = resolve(snapshotDir(), `${stem}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as SnapshotFile) : {};
}

/** Sets (or replaces) entries of a snapshot file, keeping the others. */
export function writeSnapshotEntries(stem: string, entries: SnapshotFile): void {
  const dir = snapshotDir();
  mkdirSync(dir, { recursive: true });
  writeFileSync(resolve(dir, `${stem}.json`), stableStringify({ ...readSnapshotFile(stem), ...entries }));
}

// ---- Comparison -----------------------------------------------------------------------------

/**
 * The differences between a test's snapshot and the answers it got, minus the ones listed in
 * snapshot-differences.ts for this test; a listed difference that no longer occurs is reported too.
 */
export function diffWithSnapshot(testName: string, entry: SnapshotEntry, answers: Observed[]): string[] {
  const raw: string[] = [];
  if (entry.answers.length !== answers.length) {
    raw.push(`answers: the snapshot has ${entry.answers.length}, the test received ${answers.length}`);
  }
  entry.answers.forEach((expected, n) => {
    const got = answers[n];
    if (!got) return;
    const real = contractFromJson(expected);
    raw.push(...diffContracts(`#${n + 1}`, real, contractOf(got, real.stream?.partial)).map((d) => d.trim()));
  });
  const listed = SNAPSHOT_DIFFERENCES.filter((d) => d.test === testName);
  const out = raw.filter((line) => !listed.some((d) => line.includes(d.path)));
  for (const d of listed) {
    if (!raw.some((line) => line.includes(d.path))) out.push(`snapshot-differences.ts lists "${d.path}" for this test, but it no longer differs: remove the entry`);
  }
  return out;
}

// ---- The hooks ------------------------------------------------------------------------------

export type SnapshotMode = 'compare' | 'record' | 'off';
export function snapshotMode(target: 'emulator' | 'aws'): SnapshotMode {
  const v = process.env.CONTRACT_SNAPSHOTS;
  if (v === 'off') return 'off';
  if (v === 'record') {
    if (target !== 'aws') throw new Error('CONTRACT_SNAPSHOTS=record records real answers: it needs BEDROCK_TARGET=aws (npm run conformance:record)');
    return 'record';
  }
  if (v !== undefined && v !== '' && v !== 'compare' && v !== 'from-captures') throw new Error(`CONTRACT_SNAPSHOTS must be record, compare or off, not ${JSON.stringify(v)}`);
  // Under aws without record there is nothing to compare with but the snapshots themselves.
  return target === 'aws' ? 'off' : 'compare';
}

const handled = new Set<string>();
const pending = new Map<string, SnapshotFile>();

/** Registers the afterEach / afterAll hooks of the mode (target.ts calls it in useTarget). */
export function useSnapshots(mode: SnapshotMode): void {
  if (mode === 'off') return;
  afterEach(async (ctx) => {
    const test = currentTest();
    if (!test || handled.has(test.key)) return;
    handled.add(test.key);
    const answers = await takeAnswers();
    if (!test.name.includes(AWS_TAG)) return;
    const state = ctx.task.result?.state;
    if (state === 'skip' || ctx.task.mode === 'skip' || ctx.task.result?.errors?.length) return;
    const stem = snapshotStem(test.testPath);
    if (mode === 'record') {
      if (answers.length === 0) return;
      const file = pending.get(stem) ?? {};
      file[test.name] = { source: `aws ${new Date().toISOString().slice(0, 10)}`, answers: answers.map((a) => contractToJson(contractOf(a))) };
      pending.set(stem, file);
      return;
    }
    const entry = readSnapshotFile(stem)[test.name];
    if (!entry) return;
    const differences = diffWithSnapshot(test.name, entry, answers);
    if (differences.length) {
      throw new Error(
        `contract snapshot differs (${resolve(snapshotDir(), `${stem}.json`)}, from ${entry.source}):\n  - ${differences.join('\n  - ')}\n` +
          `(a real difference: fix the emulator; a known one: list its path with the reason in conformance/snapshot-differences.ts)`,
      );
    }
  });
  if (mode === 'record') {
    afterAll(() => {
      for (const [stem, entries] of pending) writeSnapshotEntries(stem, entries);
      pending.clear();
    });
  }
}
