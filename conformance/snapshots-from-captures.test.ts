// Contract snapshots derived from real Bedrock captures, until someone records against AWS
// (npm run conformance:record). A small, explicit table: each [aws] test whose requests a capture
// matches closely (same operation, same model family and kind of request), and the capture
// interaction(s) standing for each of its calls, in order.
//
//   CONTRACT_SNAPSHOTS=from-captures npx vitest run conformance/snapshots-from-captures.test.ts
//       (npm run conformance:snapshots-from-captures) writes these entries into fixtures/snapshots/.
//   Otherwise this file checks that the shipped capture-derived entries are what the captures give.
//
// What is written are derived facts (status, error type, significant headers, key paths, types and
// order, event kinds: the normal form of replay/compare.ts), not the recordings themselves. Entries
// recorded from AWS (`source: aws …`) win: this file never overwrites them.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { contractOf } from './replay/compare.js';
import { listCaptures } from './replay/load.js';
import { emulatorDescribe } from './support/markers.js';
import { contractToJson, readSnapshotFile, stableStringify, writeSnapshotEntries, type SnapshotEntry, type SnapshotFile } from './support/snapshots.js';

const CAPTURES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../shared/reference/captures');
const present = existsSync(CAPTURES_DIR);
const PROTOCOLS = ['HTTP/2', 'HTTP/1.1'];

interface Derivation {
  /** Snapshot file stem (the test file's name without .test.ts). */
  file: string;
  /** The test's full name; `%s` stands for each protocol of a describe.each over HTTP/2 and HTTP/1.1. */
  test: string;
  /** One [capture name, interaction index] per SDK call the test makes. */
  answers: Array<[string, number]>;
}

export const DERIVATIONS: Derivation[] = [
  {
    file: 'titan-text',
    test: 'Titan Text over %s > [aws] answers with the native body, its keys in wire order, and the token headers',
    answers: [['invoke__amazon.titan-text-lite-v1', 0]],
  },
  {
    file: 'titan-text',
    test: 'Titan Text over %s > [aws] streams one chunk carrying the invocation metrics',
    answers: [['invoke-with-response-stream__amazon.titan-text-lite-v1', 0]],
  },
  {
    file: 'llama',
    test: 'Llama over %s > [aws] answers with the native body, keys in wire order, and the token headers',
    answers: [['invoke__meta.llama3-70b-instruct-v1_0', 0]],
  },
  {
    file: 'anthropic-messages',
    test: 'Claude Messages over %s > [aws] answers with the native body, keys in wire order (capture messages-api)',
    answers: [['invoke__anthropic.claude-3-haiku-20240307-v1_0__messages-api', 0]],
  },
  {
    file: 'nova',
    test: 'Nova over %s > [aws] calls a tool: toolUse with a UUID id, stopReason tool_use',
    answers: [['invoke__amazon.nova-micro-v1_0__tool_use', 0]],
  },
  {
    file: 'nova',
    test: 'Nova over %s > [aws] streams one content block per delta, then messageStop and metadata with the metrics',
    answers: [['invoke-with-response-stream__amazon.nova-micro-v1_0__2026', 0]],
  },
  {
    file: 'converse',
    test: 'Converse over %s > [aws] refuses an unknown model id (errors.evidence; error__converse__400-ValidationException__invalid-model-id)',
    answers: [['error__converse__400-ValidationException__invalid-model-id', 0]],
  },
  {
    file: 'protocol',
    test: 'model identifiers > [aws] refuses an unknown id with the provided-model-identifier message',
    answers: [
      ['error__invoke__400-ValidationException__invalid-model-id', 0],
      ['error__invoke__400-ValidationException__invalid-model-id', 0],
    ],
  },
];

/** The snapshot entries the table derives, by snapshot file. */
async function derive(): Promise<Map<string, SnapshotFile>> {
  const captures = new Map(listCaptures(CAPTURES_DIR).map((c) => [c.name, c]));
  const out = new Map<string, SnapshotFile>();
  for (const d of DERIVATIONS) {
    const answers = [];
    for (const [name, n] of d.answers) {
      const capture = captures.get(name);
      if (!capture) throw new Error(`no capture ${name} in ${CAPTURES_DIR}`);
      const interaction = (await capture.interactions())[n];
      if (!interaction) throw new Error(`capture ${name} has no interaction #${n + 1}`);
      answers.push(contractToJson(contractOf(interaction.real)));
    }
    const source = `capture ${[...new Set(d.answers.map(([name, n]) => `${name}.json #${n + 1}`))].join(', ')}`;
    const entry: SnapshotEntry = { source, answers };
    const file = out.get(d.file) ?? {};
    for (const name of d.test.includes('%s') ? PROTOCOLS.map((p) => d.test.replace('%s', p)) : [d.test]) file[name] = entry;
    out.set(d.file, file);
  }
  return out;
}

emulatorDescribe.skipIf(!present)('contract snapshots derived from captures', () => {
  if (process.env.CONTRACT_SNAPSHOTS === 'from-captures') {
    it('writes the derived entries into the snapshot files (entries recorded from AWS are kept)', async () => {
      for (const [stem, entries] of await derive()) {
        const existing = readSnapshotFile(stem);
        const fresh = Object.fromEntries(Object.entries(entries).filter(([name]) => !existing[name]?.source.startsWith('aws')));
        writeSnapshotEntries(stem, fresh);
      }
    });
  } else {
    it('ships, for every derivation, the entry its capture gives (unless recorded from AWS since)', async () => {
      const stale: string[] = [];
      for (const [stem, entries] of await derive()) {
        const shipped = readSnapshotFile(stem);
        for (const [name, entry] of Object.entries(entries)) {
          if (shipped[name]?.source.startsWith('aws')) continue;
          if (stableStringify(shipped[name]) !== stableStringify(entry)) stale.push(`${stem}.json: ${name}`);
        }
      }
      expect(stale, 'run npm run conformance:snapshots-from-captures').toEqual([]);
    });
  }
});
