// Keeps src/refusals.evidence.md complete and true (issue 8, item 1): one row per refusal rule, each
// with its evidence, a verdict from the fixed set and what the code does (`code`: refuses or
// accepts), the two consistent with each other and with "Rules to change"; every constructor of
// every error table in src/errors.ts and every throw site under src/ named in a row that refuses,
// so a new refusal cannot be added, nor a row removed, without the table saying so.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as errorsModule from '../src/errors.js';
import { emulatorDescribe } from './support/markers.js';

const VERDICTS = new Set([
  'refuse (evidenced)',
  'accept: newer evidence shows acceptance',
  'accept: no evidence either way',
  'refuse, unverified wording',
]);
const CODES = new Set(['refuses', 'accepts']);
/** The table's row count when last reconciled with the code (branch `table`, 2026-12-02). */
const ROWS_AT_LEAST = 175;
const COLUMNS = ['id', 'rule (what is refused)', 'where', 'models', 'error', 'newest evidence', 'verdict', 'code'];

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
  const [id, rule, where, models, error, evidence, verdict, code] = cells(line);
  return { line, id, rule, where, models, error, evidence, verdict, code };
});
const refusing = rows.filter((row) => row.code === 'refuses');

// Every error-constructor table src/errors.ts exports: an object whose members are all functions
// (Errors, ConverseErrors, ToolSchemaErrors, and any table added later).
const TABLES = Object.entries(errorsModule as Record<string, unknown>).filter(
  (entry): entry is [string, Record<string, unknown>] =>
    typeof entry[1] === 'object' && entry[1] !== null && Object.values(entry[1]).length > 0 && Object.values(entry[1]).every((v) => typeof v === 'function'),
);
const TABLE_NAMES = TABLES.map(([name]) => name);
// `Table.constructor` where Table is a whole word (`Errors.x` is not the tail of `ConverseErrors.x`).
const CITED = new RegExp(`(?<![A-Za-z])(${TABLE_NAMES.join('|')})\\.(\\w+)`, 'g');
const citedIn = (cell: string) => [...cell.matchAll(CITED)].map((m) => `${m[1]}.${m[2]}`);
const DEFINED = new Set(TABLES.flatMap(([name, table]) => Object.keys(table).map((c) => `${name}.${c}`)));

// Ids of the "Rules to change" items: each is a numbered item whose bold title starts with the ids it
// settles (`1. **T09 …**`, `18. **K14/K15 …**`); ids cited further on in an item's text are context.
const titles = [...section('## Rules to change').matchAll(/^\d+\. \*\*([^*]+)\*\*/gm)].map((m) => m[1]);
const listed = new Set(titles.flatMap((title) => /^[A-Z]\d{2}(?:\/[A-Z]\d{2})*/.exec(title)?.[0].split('/') ?? []));

/** Every non-test TypeScript file under src/, with its text. */
function sources(dir = fileURLToPath(new URL('../src/', import.meta.url))): Array<{ file: string; text: string }> {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [{ file: path, text: readFileSync(path, 'utf8') }] : [];
  });
}

// Throw sites: constructor calls, inline `new BedrockError`, and the JSON-schema checks of native
// bodies (`validate(…)` / `validate<T>(…)`, worded Errors.malformedInput). src/errors.ts itself is
// left out (asBedrockError's Errors.internal is T10), and so is src/operations/fault.ts: the errors
// a user injects through the fault settings are no Bedrock rule.
const SKIPPED = new Set(['errors.ts', 'fault.ts']);
const FILES = sources().filter(({ file }) => !SKIPPED.has(basename(file)));
const CALL = new RegExp(`(?<![A-Za-z])(${TABLE_NAMES.join('|')})\\.(\\w+)\\(`, 'g');
// src/schema/validate.ts words every schema failure (Errors.malformedInput): its sites are the
// schemas' files below, not validate.ts.
const constructorSites = FILES.filter(({ file }) => basename(file) !== 'validate.ts').flatMap(({ file, text }) =>
  [...text.matchAll(CALL)].map((m) => ({ file: basename(file), constructor: `${m[1]}.${m[2]}` })),
);
const inlineSites = FILES.filter(({ text }) => /new BedrockError\(/.test(text)).map(({ file }) => basename(file));
const schemaSites = FILES.filter(({ text, file }) => basename(file) !== 'validate.ts' && /\bvalidate(<[^>]*>)?\(/.test(text)).map(({ file }) => basename(file));
const unique = <T>(items: T[]) => [...new Map(items.map((item) => [JSON.stringify(item), item])).values()];

/** Whether a row's `where` cell names the file (by its base name, e.g. `mistral-chat.ts`). */
const locates = (where: string, file: string) => new RegExp(`(?<![\\w-])${file.replace(/[.]/g, '\\.')}\\b`).test(where);

emulatorDescribe('the refusals table (src/refusals.evidence.md)', () => {
  it('has the eight columns and a row per rule, each with eight cells and a unique id', () => {
    expect(cells(header)).toEqual(COLUMNS);
    expect(separator).toMatch(/^\|(---\|)+$/);
    expect(cells(separator)).toHaveLength(COLUMNS.length);
    // A floor, raised when rows are added: removing a row (even the last of its letter) fails here.
    expect(rows.length).toBeGreaterThanOrEqual(ROWS_AT_LEAST);
    for (const row of rows) expect(cells(row.line), row.line).toHaveLength(COLUMNS.length);
    const ids = rows.map((row) => row.id);
    expect(ids.every((id) => /^[A-Z]\d{2}$/.test(id)), ids.join(' ')).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('numbers the ids of each letter from 01 without gaps, so a removed row shows', () => {
    const byLetter = new Map<string, number[]>();
    for (const { id } of rows) byLetter.set(id[0], [...(byLetter.get(id[0]) ?? []), Number(id.slice(1))]);
    for (const [letter, numbers] of byLetter) {
      const sorted = [...numbers].sort((a, b) => a - b);
      const gaps = sorted.map((n, i) => (n === i + 1 ? undefined : `${letter}${String(i + 1).padStart(2, '0')}`)).filter(Boolean);
      expect(gaps, `${letter} ids missing: ${gaps[0]}`).toEqual([]);
    }
  });

  it('gives every row a verdict and a code from the allowed sets and non-empty rule, location, models, error and evidence', () => {
    for (const row of rows) {
      expect(VERDICTS.has(row.verdict), `${row.id}: verdict "${row.verdict}"`).toBe(true);
      expect(CODES.has(row.code), `${row.id}: code "${row.code}"`).toBe(true);
      for (const cell of ['rule', 'where', 'models', 'error', 'evidence'] as const) {
        expect(row[cell].replace(/[`\s-]/g, '').length, `${row.id}: empty ${cell}`).toBeGreaterThan(0);
      }
      expect(row.where, `${row.id}: where names no src/ file`).toMatch(/src\/[\w/-]+\.ts/);
    }
  });

  it('says how a refusing row refuses (a constructor or inline wording) and an accepting row that nothing refuses', () => {
    for (const row of rows) {
      if (row.code === 'refuses') {
        expect(citedIn(row.error).length > 0 || row.error.startsWith('inline'), `${row.id}: error "${row.error}"`).toBe(true);
      } else {
        expect(row.error, `${row.id}: an accepting row's error starts with "none"`).toMatch(/^none\b/);
      }
    }
  });

  it('keeps verdict and code consistent: refuse… refuses; accept… accepts unless listed under "Rules to change"', () => {
    const wrong = rows.flatMap((row) => {
      const expected = row.verdict.startsWith('refuse') || listed.has(row.id) ? 'refuses' : 'accepts';
      return row.code === expected ? [] : [`${row.id}: verdict "${row.verdict}"${listed.has(row.id) ? ', listed under "Rules to change"' : ''}, code ${row.code} (expected ${expected})`];
    });
    expect(wrong).toEqual([]);
  });

  it('lists under "Rules to change" only rows of the table whose verdict is accept', () => {
    const known = new Set(rows.map((row) => row.id));
    const stray = [...listed].filter((id) => !known.has(id) || !rows.find((row) => row.id === id)!.verdict.startsWith('accept'));
    expect(stray, 'ids in "Rules to change" that are not accept rows of the table').toEqual([]);
  });

  describe('against src/errors.ts and the throw sites under src/', () => {
    it('finds the error tables and the throw sites it checks', () => {
      expect(TABLE_NAMES).toEqual(expect.arrayContaining(['Errors', 'ConverseErrors', 'ToolSchemaErrors']));
      expect(constructorSites.length).toBeGreaterThan(80);
      expect(inlineSites).toEqual(expect.arrayContaining(['body.ts', 'coral.ts', 'resolve.ts']));
      expect(schemaSites).toEqual(expect.arrayContaining(['anthropic-request.ts', 'nova.ts', 'llama.ts']));
    });

    it.each(TABLES.map(([name, table]) => [name, Object.keys(table)] as const))(
      'names every %s constructor in the error cell of some refusing row',
      (table, constructors) => {
        const missing = constructors.filter((c) => !refusing.some((row) => citedIn(row.error).includes(`${table}.${c}`)));
        expect(missing, `constructors with no refusing row: ${missing.map((c) => `${table}.${c}`).join(', ')}`).toEqual([]);
      },
    );

    it('locates every row in files and functions that exist (`file.ts:name` names something in that file)', () => {
      const byName = new Map(sources().map(({ file, text }) => [basename(file), text]));
      const stale = rows.flatMap((row) =>
        [...row.where.matchAll(/([\w-]+\.ts)(?::([A-Za-z_]\w*))?/g)].flatMap(([, file, name]) => {
          const source = byName.get(file);
          if (source === undefined) return [`${row.id}: no file ${file} under src/`];
          return name && !new RegExp(`\\b${name}\\b`).test(source) ? [`${row.id}: ${file} has no ${name}`] : [];
        }),
      );
      expect(stale).toEqual([]);
    });

    it('names no constructor that src/errors.ts does not define', () => {
      const cited = rows.flatMap((row) => citedIn(row.error).map((name) => `${row.id}: ${name}`));
      expect(cited.filter((entry) => !DEFINED.has(entry.split(': ')[1]))).toEqual([]);
    });

    it('has, for every constructor called under src/, a refusing row naming that constructor and that file', () => {
      const missing = unique(constructorSites).filter(
        (site) => !refusing.some((row) => citedIn(row.error).includes(site.constructor) && locates(row.where, site.file)),
      );
      expect(missing.map((site) => `${site.constructor} in ${site.file}`)).toEqual([]);
    });

    it('has, for every inline `new BedrockError` and every native-body schema check, a refusing row naming the file', () => {
      const inline = unique(inlineSites).filter((file) => !refusing.some((row) => row.error.startsWith('inline') && locates(row.where, file)));
      expect(inline, 'files building a BedrockError inline with no `inline` row').toEqual([]);
      const schemas = unique(schemaSites).filter((file) => !refusing.some((row) => citedIn(row.error).includes('Errors.malformedInput') && locates(row.where, file)));
      expect(schemas, 'files validating a body with no Errors.malformedInput row').toEqual([]);
    });
  });
});
