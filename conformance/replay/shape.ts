// The SHAPE of a JSON value: which key paths exist, the JSON type at each, and the key order of
// every object. Values (text, ids, counts, latencies) are what a model said that day and are not
// compared; shapes are what SDKs and user code depend on.
//
// Arrays collapse their indexes to `[]`, so `content[0].text` and `content[3].text` are one path
// and lengths never matter; the types seen under a path are accumulated as a set.
import type { JNode } from './json-literal.js';

/** JSON types, with numbers split into integer and float literals (json-literal.ts). */
export type JType = 'object' | 'array' | 'string' | 'boolean' | 'null' | 'integer' | 'float';

export interface Shape {
  /** path → the types seen there. */
  types: Map<string, Set<JType>>;
  /** object path → the distinct ordered key lists seen there (joined by ", "). */
  orders: Map<string, Set<string>>;
}

export const emptyShape = (): Shape => ({ types: new Map(), orders: new Map() });

const IDENT = /^[A-Za-z_$][\w$-]*$/;
const child = (path: string, key: string) => (IDENT.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`);

const add = <T>(map: Map<string, Set<T>>, key: string, value: T) => {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
};

/** Adds the shape of `node` (rooted at `path`) into `into`; returns `into`. */
export function shapeOf(node: JNode, into: Shape = emptyShape(), path = '$'): Shape {
  add(into.types, path, node.t);
  if (node.t === 'object') {
    add(into.orders, path, node.entries.map(([k]) => k).join(', '));
    for (const [k, v] of node.entries) shapeOf(v, into, child(path, k));
  } else if (node.t === 'array') {
    for (const item of node.items) shapeOf(item, into, `${path}[]`);
  }
  return into;
}

const show = (types: Iterable<string>) => `{${[...types].sort().join('|')}}`;

/**
 * Where the capture shows a float, the emulator must write a float too (e.g. `28.0` in guardrail
 * bodies, embedding values). Where the capture shows only integers, the integer/float distinction
 * is not asserted: both sides are compared as `number`.
 */
function comparableTypes(real: Set<JType>, emulated: Set<JType>): [Set<string>, Set<string>] {
  if (real.has('float')) return [real, emulated];
  const merge = (s: Set<JType>) => new Set([...s].map((t) => (t === 'integer' || t === 'float' ? 'number' : t)));
  return [merge(real), merge(emulated)];
}

/**
 * Lists the shape differences, each a readable line prefixed with `label`: missing and unexpected
 * paths, type differences and key-order differences. Below a path that is missing or unexpected,
 * its descendants are not repeated.
 */
export function diffShapes(label: string, real: Shape, emulated: Shape): string[] {
  const out: string[] = [];
  const missing: string[] = [];
  const extra: string[] = [];
  const under = (roots: string[], path: string) => roots.some((r) => path.startsWith(r) && /^[.[]/.test(path.slice(r.length)));
  for (const [path, types] of real.types) {
    if (under(missing, path)) continue;
    const got = emulated.types.get(path);
    if (!got) {
      missing.push(path);
      out.push(`${label} ${path}: missing from the emulator's answer (real: ${show(types)})`);
      continue;
    }
    const [r, e] = comparableTypes(types, got);
    if (show(r) !== show(e)) out.push(`${label} ${path}: type real ${show(r)}, emulator ${show(e)}`);
  }
  for (const [path, types] of emulated.types) {
    if (real.types.has(path) || under(extra, path)) continue;
    extra.push(path);
    out.push(`${label} ${path}: not in the real answer (emulator: ${show(types)})`);
  }
  // Key order: every pair of keys the real answer orders (in any of its objects at this path) must
  // come in the same order in the emulator's objects. Missing or extra keys are reported above and
  // do not count here; neither does which subset of keys an object happens to have.
  for (const [path, orders] of real.orders) {
    const got = emulated.orders.get(path);
    if (!got || under(missing, path)) continue;
    const before = new Set<string>();
    for (const keys of [...orders].map((o) => o.split(', '))) keys.forEach((a, i) => keys.slice(i + 1).forEach((b) => before.add(`${a}\u0000${b}`)));
    const swapped = [...got].some((o) => {
      const keys = o.split(', ');
      return keys.some((a, i) => keys.slice(i + 1).some((b) => before.has(`${b}\u0000${a}`) && !before.has(`${a}\u0000${b}`)));
    });
    if (swapped) out.push(`${label} ${path}: key order real [${[...orders].join('] or [')}], emulator [${[...got].join('] or [')}]`);
  }
  return out;
}
