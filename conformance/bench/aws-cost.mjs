// What the [aws] tests ask of real Bedrock's models (conformance/README.md, "What a run costs"),
// measured on the emulator from the JSON lines conformance/support/cost-report.ts writes.
//   node conformance/bench/aws-cost.mjs               runs the conformance suite on the emulator with
//                                                     CONFORMANCE_COST_REPORT set, then sums it up
//                                                     (npm run conformance:cost)
//   node conformance/bench/aws-cost.mjs report.jsonl  sums up a report written earlier
// Only calls made by [aws] tests count: [emulator] tests never reach AWS. The output ceiling is the
// sum of the output limits in force, what a run could be billed for at most, not what it uses.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

let file = process.argv[2];
if (!file) {
  file = join(mkdtempSync(join(tmpdir(), 'aws-cost-')), 'report.jsonl');
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const vitest = join(root, 'node_modules/vitest/vitest.mjs');
  const run = spawnSync(process.execPath, [vitest, 'run', 'conformance'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, BEDROCK_TARGET: 'emulator', CONFORMANCE_COST_REPORT: file },
  });
  // A failing run stops some tests before their calls: its figures would be short.
  if (run.status !== 0) process.exit(run.status ?? 1);
  console.log(`\nreport: ${file}\n`);
}
const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

const SMALL = 256;
const AWS_TAG = '[aws] ';
const calls = lines.filter((l) => l.test?.includes(AWS_TAG));
// A call from a hook has no current test; none should exist, so say so if one does.
const unattributed = lines.filter((l) => !l.test).length;

/** Map.groupBy, which Node 20 lacks. */
function groupBy(list, key) {
  const groups = new Map();
  for (const item of list) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
const fmt = (n) => n.toLocaleString('en-US');
const tally = (list) => ({
  calls: list.length,
  ceiling: list.reduce((sum, c) => sum + c.maxTokens, 0),
  above4096: list.filter((c) => c.maxTokens > 4096).length,
  at4096: list.filter((c) => c.maxTokens === 4096).length,
  above256: list.filter((c) => c.maxTokens > SMALL).length,
});

const all = tally(calls);
console.log(`[aws] model calls: ${fmt(all.calls)} (from ${new Set(calls.map((c) => c.test)).size} tests; ${fmt(lines.length - calls.length)} calls by [emulator] tests not counted)`);
console.log(`input:            ${fmt(calls.reduce((sum, c) => sum + c.inputTokens, 0))} tokens (the emulator's estimate)`);
console.log(`output ceiling:   ${fmt(all.ceiling)} tokens`);
console.log(`limit > 4096:     ${all.above4096} calls (${fmt(tally(calls.filter((c) => c.maxTokens > 4096)).ceiling)} tokens)`);
console.log(`limit = 4096:     ${all.at4096} calls`);
console.log(`limit > ${SMALL}:      ${all.above256} calls (${fmt(tally(calls.filter((c) => c.maxTokens > SMALL)).ceiling)} tokens)`);
if (unattributed) console.log(`WARNING: ${unattributed} calls made outside any test (hooks?) not counted`);

console.log('\nby model                                         calls    ceiling  >4096  =4096  >256  limits');
const byModel = groupBy(calls, (c) => c.model);
for (const [model, list] of [...byModel].sort((a, b) => tally(b[1]).ceiling - tally(a[1]).ceiling)) {
  const t = tally(list);
  const limits = [...new Set(list.map((c) => c.maxTokens))].sort((a, b) => b - a).join(',');
  console.log(`${model.padEnd(48)} ${String(t.calls).padStart(5)} ${fmt(t.ceiling).padStart(10)} ${String(t.above4096).padStart(6)} ${String(t.at4096).padStart(6)} ${String(t.above256).padStart(5)}  ${limits}`);
}

// Every call above SMALL, by test, so each can be checked against the reason its test gives.
const large = groupBy(calls.filter((c) => c.maxTokens > SMALL), (c) => `${c.maxTokens}  ${c.model}  ${c.file ?? '?'} > ${c.test}`);
if (large.size) {
  console.log(`\ncalls with a limit above ${SMALL} (limit, model, test; ×count):`);
  for (const [key, list] of [...large].sort((a, b) => b[1][0].maxTokens - a[1][0].maxTokens)) console.log(`  ${key}${list.length > 1 ? `  ×${list.length}` : ''}`);
}
