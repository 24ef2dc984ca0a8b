// Keeps src/refusals.evidence.md complete: one row per refusal rule, each with its evidence and a
// verdict from the fixed set, and every error constructor of src/errors.ts named in some row, so a
// new refusal cannot be added without its row (issue 8, item 1).
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { ConverseErrors, Errors } from '../src/errors.js';
import { emulatorDescribe } from './support/markers.js';

const VERDICTS = new Set([
  'refuse (evidenced)',
  'accept: newer evidence shows acceptance',
  'accept: no evidence either way',
  'refuse, unverified wording',
]);
const COLUMNS = ['id', 'rule (what is refused)', 'where', 'models', 'error', 'newest evidence', 'verdict'];

const text = readFileSync(new URL('../src/refusals.evidence.md', import.meta.url), 'utf8');

/** The lines of the section that starts with `heading`, up to the next `## ` heading. */
function section(heading: string): string {
  const start = text.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`src/refusals.evidence.md has no "${heading}" section`);
  const end = text.indexOf('\n## ', start + heading.length + 2);
  return text.slice(start, end < 0 ? undefined : end);
}

/** A table line's cells, split on the pipes that are not escaped (`\|`). */
const cells = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());

const tableLines = section('## The table')
  .split('\n')
  .filter((line) => line.startsWith('|'));
const [header, separator, ...body] = tableLines;
const rows = body.map((line) => {
  const [id, rule, where, models, error, evidence, verdict] = cells(line);
  return { line, id, rule, where, models, error, evidence, verdict };
});

// A constructor named in an error cell as `Errors.x` (not the tail of `ConverseErrors.x`) or `ConverseErrors.x`.
const named = (table: string, constructor: string) => new RegExp(`(?<![A-Za-z])${table}\\.${constructor}\\b`);

emulatorDescribe('the refusals table (src/refusals.evidence.md)', () => {
  it('has the seven columns and a row per rule, each with seven cells and a unique id', () => {
    expect(cells(header)).toEqual(COLUMNS);
    expect(separator).toMatch(/^\|(---\|)+$/);
    expect(rows.length).toBeGreaterThan(50);
    for (const row of rows) expect(cells(row.line), row.line).toHaveLength(COLUMNS.length);
    const ids = rows.map((row) => row.id);
    expect(ids.every((id) => /^[A-Z]\d{2}$/.test(id)), ids.join(' ')).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives every row a verdict from the allowed set and non-empty rule, location, error and evidence', () => {
    for (const row of rows) {
      expect(VERDICTS.has(row.verdict), `${row.id}: verdict "${row.verdict}"`).toBe(true);
      for (const cell of ['rule', 'where', 'models', 'error', 'evidence'] as const) {
        expect(row[cell].replace(/[`\s-]/g, '').length, `${row.id}: empty ${cell}`).toBeGreaterThan(0);
      }
      expect(row.where, `${row.id}: where names no src/ file`).toMatch(/src\/[\w/-]+\.ts/);
    }
  });

  it.each([
    ['Errors', Object.keys(Errors)],
    ['ConverseErrors', Object.keys(ConverseErrors)],
  ])('names every %s constructor of src/errors.ts in the error cell of some row', (table, constructors) => {
    const missing = constructors.filter((constructor) => !rows.some((row) => named(table, constructor).test(row.error)));
    expect(missing, `constructors with no row: ${missing.map((c) => `${table}.${c}`).join(', ')}`).toEqual([]);
  });

  it('names no constructor that src/errors.ts does not define', () => {
    const defined = new Set([...Object.keys(Errors).map((c) => `Errors.${c}`), ...Object.keys(ConverseErrors).map((c) => `ConverseErrors.${c}`)]);
    const cited = rows.flatMap((row) => [...row.error.matchAll(/(?<![A-Za-z])(Errors|ConverseErrors)\.(\w+)/g)].map((m) => `${m[1]}.${m[2]}`));
    expect(cited.filter((name) => !defined.has(name))).toEqual([]);
  });

  it('lists every row whose verdict is accept under "Rules to change", and only those', () => {
    // Each rule is a numbered item whose bold title starts with the ids it settles: `1. **T09 …**`,
    // `18. **K14/K15 …**`; ids cited further on in an item's text are context, not entries.
    const titles = [...section('## Rules to change').matchAll(/^\d+\. \*\*([^*]+)\*\*/gm)].map((m) => m[1]);
    const listed = new Set(titles.flatMap((title) => /^[A-Z]\d{2}(?:\/[A-Z]\d{2})*/.exec(title)?.[0].split('/') ?? []));
    const accepting = rows.filter((row) => row.verdict.startsWith('accept')).map((row) => row.id);
    expect(accepting.filter((id) => !listed.has(id))).toEqual([]);
    const known = new Set(rows.map((row) => row.id));
    const stray = [...listed].filter((id) => !known.has(id) || !accepting.includes(id));
    expect(stray, 'ids in "Rules to change" that are not accept rows of the table').toEqual([]);
  });
});
