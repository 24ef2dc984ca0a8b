// Canned replies: what each model says, as plain JSON under fixtures/ (or a user's --fixtures
// directory). A model's reply comes from the first file found of `<modelId with ':' as '_'>.json`,
// `<provider prefix>.json`, `default.json`, in the user's folder first and then in the built-in
// one: a user's default.json wins over a built-in anthropic.json (issue 9, item 7).
// A user's folder is read and checked when the emulator starts, so a broken file stops start-up
// with its name and the JSON path of the mistake instead of failing a request later.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { errorNames, isErrorName } from '../errors.js';
import type { Drop, Fault, Pacing } from './types.js';

export interface CannedReply {
  text: string;
  /** What reasoning models "think" before answering. */
  reasoning?: string;
  /** Text the model writes before a tool call (Claude and Nova do, per the tool-use captures). */
  toolPreamble?: string;
  /** Makes every call to the model fail as scripted (see README, "Scripting failures"). */
  fault?: Fault;
  /** Paces every answer of the model (README, "Pacing and dropped connections"). */
  pacing?: Pacing;
  /** Cuts every answer's connection as scripted. */
  drop?: Drop;
}

/** The fixtures/ folder of this package, from src/ (tests), dist/src/ or the dist/bin bundle. */
export function builtinFixturesDir(): string {
  // The bin is a CommonJS bundle (start-up time), where import.meta is empty but __filename is set.
  const here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
  for (const up of ['../../fixtures', '../../../fixtures']) {
    const dir = join(dirname(here), up);
    if (existsSync(join(dir, 'default.json'))) return dir;
  }
  throw new Error('bedrock-emulator: the built-in fixtures/ folder is missing');
}

/** A fixture file that cannot be used; the message names the file and the JSON path. */
export class FixtureError extends Error {}

const KEYS = ['text', 'reasoning', 'toolPreamble', 'fault', 'pacing', 'drop'];
const FAULT_KEYS = ['name', 'message', 'fields', 'afterEvents'];
const PACING_KEYS = ['ttftMs', 'tokensPerSecond', 'jitter', 'latencyMs'];
const DROP_KEYS = ['afterEvents', 'afterBytes'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An object of non-negative numbers with known keys (pacing, drop), or undefined when absent. */
function numbers(value: unknown, path: string, keys: string[], fail: (path: string, problem: string) => Error): Record<string, number> | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) throw fail(path, `must be an object with some of: ${keys.join(', ')}`);
  for (const [key, n] of Object.entries(value)) {
    if (!keys.includes(key)) throw fail(`${path}.${key}`, `unknown key; known keys: ${keys.join(', ')}`);
    if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) throw fail(`${path}.${key}`, 'must be a number >= 0');
  }
  return value as Record<string, number>;
}

/** Parses and checks one fixture file. */
export function readFixture(file: string): CannedReply {
  const fail = (path: string, problem: string) => new FixtureError(`fixture ${file}: ${path}: ${problem}`);
  let data: unknown;
  const text = readFileSync(file, 'utf8');
  try {
    data = JSON.parse(text);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // Node gives a character position; a line and column are what an editor shows.
    const at = Number(/at position (\d+)/.exec(message)?.[1]);
    const lines = Number.isFinite(at) ? text.slice(0, at).split('\n') : undefined;
    const where = lines ? ` (line ${lines.length}, column ${lines[lines.length - 1].length + 1})` : '';
    throw new FixtureError(`fixture ${file}: not valid JSON${where}: ${message}`);
  }
  if (!isObject(data)) throw fail('$', 'must be an object such as {"text": "Hello"}');
  for (const key of Object.keys(data)) if (!KEYS.includes(key)) throw fail(`$.${key}`, `unknown key; known keys: ${KEYS.join(', ')}`);
  if (typeof data.text !== 'string') throw fail('$.text', 'must be a string');
  for (const key of ['reasoning', 'toolPreamble'] as const) if (data[key] !== undefined && typeof data[key] !== 'string') throw fail(`$.${key}`, 'must be a string');
  let fault: Fault | undefined;
  if (data.fault !== undefined) {
    const f = data.fault;
    if (!isObject(f)) throw fail('$.fault', 'must be an object such as {"name": "ThrottlingException", "message": "..."}');
    for (const key of Object.keys(f)) if (!FAULT_KEYS.includes(key)) throw fail(`$.fault.${key}`, `unknown key; known keys: ${FAULT_KEYS.join(', ')}`);
    if (typeof f.name !== 'string' || !isErrorName(f.name)) throw fail('$.fault.name', `${JSON.stringify(f.name)} is not a Bedrock error name; valid names: ${errorNames().join(', ')}`);
    if (typeof f.message !== 'string') throw fail('$.fault.message', 'must be a string');
    if (f.fields !== undefined && !isObject(f.fields)) throw fail('$.fault.fields', 'must be an object');
    if (f.afterEvents !== undefined && !(Number.isInteger(f.afterEvents) && (f.afterEvents as number) >= 0)) throw fail('$.fault.afterEvents', 'must be an integer >= 0');
    fault = { name: f.name, message: f.message, ...(f.fields ? { fields: f.fields as Record<string, unknown> } : {}), ...(f.afterEvents !== undefined ? { afterEvents: f.afterEvents as number } : {}) };
  }
  const pacing = numbers(data.pacing, '$.pacing', PACING_KEYS, fail) as Pacing | undefined;
  const drop = numbers(data.drop, '$.drop', DROP_KEYS, fail) as Drop | undefined;
  return {
    text: data.text,
    reasoning: data.reasoning as string | undefined,
    toolPreamble: data.toolPreamble as string | undefined,
    ...(fault ? { fault } : {}),
    ...(pacing ? { pacing } : {}),
    ...(drop ? { drop } : {}),
  };
}

/** Every `*.json` file directly in a user's fixtures folder, checked; refuses a missing folder. */
export function readFixtureFolder(dir: string): Map<string, CannedReply> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new FixtureError(`--fixtures: no such folder: ${dir}`);
  const files = new Map<string, CannedReply>();
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.json') || !statSync(join(dir, name)).isFile()) continue;
    files.set(name, readFixture(join(dir, name)));
  }
  return files;
}

export class FixtureStore {
  private readonly cache = new Map<string, CannedReply>();
  private readonly user: Array<Map<string, CannedReply>>;
  private readonly builtinDir: string;

  /** `dirs`: the user's folders, then the built-in one last. A user's folder is read and checked
   *  now (a missing one refused); the built-in folder is read as needed. */
  constructor(dirs: string[]) {
    this.builtinDir = dirs[dirs.length - 1];
    this.user = dirs.slice(0, -1).map(readFixtureFolder);
  }

  replyFor(modelId: string): CannedReply {
    let reply = this.cache.get(modelId);
    if (!reply) {
      reply = this.load(modelId);
      this.cache.set(modelId, reply);
    }
    return reply;
  }

  private load(modelId: string): CannedReply {
    const names = [`${modelId.replaceAll(':', '_')}.json`, `${modelId.split('.')[0]}.json`, 'default.json'];
    for (const folder of this.user) {
      for (const name of names) {
        const own = folder.get(name);
        if (own) return own;
      }
    }
    for (const name of names) {
      const file = join(this.builtinDir, name);
      if (existsSync(file)) return readFixture(file);
    }
    throw new Error(`no fixture for ${modelId} and no default.json in ${this.builtinDir}`);
  }
}
