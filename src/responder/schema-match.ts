// Whether a value satisfies a JSON Schema (drafts 2020-12, 2019-09, 07, and draft-04's boolean
// exclusive bounds): the judge the sampler asks when a schema says what a value must NOT be
// (`not`, `oneOf`'s other branches, `if`, `uniqueItems`). A yes/no answer only: the wording of
// refusals lives in src/schema. The common formats are checked roughly (as ajv-formats would
// accept the sampler's own values); other formats pass.
export type Node = Record<string, any>;

export const isObject = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isSchema = (v: unknown): boolean => typeof v === 'boolean' || isObject(v);

/** The schema a local `$ref` (`#/…` pointer or `#anchor`) points at, or undefined. */
export function resolveRef(root: unknown, ref: string): unknown {
  if (ref === '#') return root;
  if (!ref.startsWith('#/')) return ref.startsWith('#') ? findAnchor(root, ref.slice(1), 0) : undefined;
  let node: any = root;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = isObject(node) || Array.isArray(node) ? (node as any)[key] : undefined;
  }
  return isSchema(node) ? node : undefined;
}

function findAnchor(node: unknown, name: string, depth: number): unknown {
  if (!isObject(node) || depth > 8) return undefined;
  if (node.$anchor === name || node.$dynamicAnchor === name) return node;
  for (const defs of [node.$defs, node.definitions]) {
    if (!isObject(defs)) continue;
    for (const sub of Object.values(defs)) {
      const hit = findAnchor(sub, name, depth + 1);
      if (hit) return hit;
    }
  }
  return undefined;
}

export function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

const hasType = (v: unknown, t: unknown) => t === typeOf(v) || (t === 'number' && typeof v === 'number');

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && deepEqual((a as any)[k], (b as any)[k]));
}

// Patterns come from requests, so the cache is bounded: a long-running emulator sees endless schemas.
const regexCache = new Map<string, RegExp | null>();
const REGEX_CACHE_SIZE = 512;
/** ECMA-262 with the `u` flag as Ajv compiles it; without it when the pattern needs that. */
export function regex(pattern: string): RegExp | null {
  let found = regexCache.get(pattern);
  if (found === undefined) {
    for (const flags of ['u', '']) {
      try {
        found = new RegExp(pattern, flags);
        break;
      } catch {
        found = null;
      }
    }
    if (regexCache.size >= REGEX_CACHE_SIZE) regexCache.clear();
    regexCache.set(pattern, found ?? null);
  }
  return found ?? null;
}

export const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Whether `n` is a multiple of `m` the way Ajv decides it (n / m is an integer). */
export const isMultiple = (n: number, m: number) => Number.isInteger(n / m);

/** Lower and upper bounds of a numeric schema, draft-04 boolean exclusives included. */
export function bounds(s: Node): { lo?: number; loEx: boolean; hi?: number; hiEx: boolean } {
  let lo = num(s.minimum) ? s.minimum : undefined;
  let loEx = s.exclusiveMinimum === true && lo !== undefined;
  if (num(s.exclusiveMinimum) && (lo === undefined || s.exclusiveMinimum >= lo)) [lo, loEx] = [s.exclusiveMinimum, true];
  let hi = num(s.maximum) ? s.maximum : undefined;
  let hiEx = s.exclusiveMaximum === true && hi !== undefined;
  if (num(s.exclusiveMaximum) && (hi === undefined || s.exclusiveMaximum <= hi)) [hi, hiEx] = [s.exclusiveMaximum, true];
  return { lo, loEx, hi, hiEx };
}

/** Validation steps left: a schema that refers to itself through several branches
 *  (`anyOf: [{$ref: '#'}, {$ref: '#'}]`) would otherwise take exponential time. Past it: "valid". */
export interface Budget {
  left: number;
}

/** Whether `value` validates against `schema` (`root` for `$ref`). */
export function matches(schema: unknown, value: unknown, root: unknown, budget: Budget = { left: 100_000 }): boolean {
  return check(schema, value, root, 0, budget);
}

function check(schema: unknown, value: unknown, root: unknown, depth: number, b: Budget): boolean {
  if (schema === true || schema === undefined) return true;
  if (schema === false) return false;
  if (!isObject(schema) || depth > 64 || --b.left < 0) return true;
  const s = schema;
  if (typeof s.$ref === 'string') {
    const target = resolveRef(root, s.$ref);
    if (target !== undefined && !check(target, value, root, depth + 1, b)) return false;
  }
  if (typeof s.$dynamicRef === 'string' && !check(resolveRef(root, s.$dynamicRef) ?? true, value, root, depth + 1, b)) return false;
  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? s.type : [s.type];
    if (!types.some((t: unknown) => hasType(value, t))) return false;
  }
  if ('const' in s && !deepEqual(s.const, value)) return false;
  if (Array.isArray(s.enum) && !s.enum.some((e: unknown) => deepEqual(e, value))) return false;
  if (typeof value === 'number' && !numberOk(s, value)) return false;
  if (typeof value === 'string' && !stringOk(s, value)) return false;
  if (Array.isArray(value) && !arrayOk(s, value, root, depth, b)) return false;
  if (isObject(value) && !objectOk(s, value, root, depth, b)) return false;
  const sub = (x: unknown) => check(x, value, root, depth + 1, b);
  if (Array.isArray(s.allOf) && !s.allOf.every(sub)) return false;
  if (Array.isArray(s.anyOf) && !s.anyOf.some(sub)) return false;
  if (Array.isArray(s.oneOf) && s.oneOf.filter(sub).length !== 1) return false;
  if (isSchema(s.not) && sub(s.not)) return false;
  if (isSchema(s.if)) {
    const branch = sub(s.if) ? s.then : s.else;
    if (branch !== undefined && !sub(branch)) return false;
  }
  return true;
}

function numberOk(s: Node, n: number): boolean {
  const { lo, loEx, hi, hiEx } = bounds(s);
  if (lo !== undefined && (loEx ? n <= lo : n < lo)) return false;
  if (hi !== undefined && (hiEx ? n >= hi : n > hi)) return false;
  return !(num(s.multipleOf) && s.multipleOf > 0 && !isMultiple(n, s.multipleOf));
}

const TIME = '\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(z|[+-]\\d{2}:?\\d{2})';
const FORMATS: Record<string, RegExp> = {
  date: /^\d{4}-\d{2}-\d{2}$/,
  time: new RegExp(`^${TIME}$`, 'i'),
  'date-time': new RegExp(`^\\d{4}-\\d{2}-\\d{2}t${TIME}$`, 'i'),
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  uri: /^[a-z][a-z0-9+.-]*:[^\s]*$/i,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  ipv4: /^(\d{1,3}\.){3}\d{1,3}$/,
  ipv6: /^[0-9a-f:.]*:[0-9a-f:.]*$/i,
  hostname: /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i,
};

function stringOk(s: Node, text: string): boolean {
  if (typeof s.format === 'string' && Object.hasOwn(FORMATS, s.format) && !FORMATS[s.format].test(text)) return false;
  const length = [...text].length;
  if (num(s.minLength) && length < s.minLength) return false;
  if (num(s.maxLength) && length > s.maxLength) return false;
  const re = typeof s.pattern === 'string' ? regex(s.pattern) : null;
  return !(re && !re.test(text));
}

function arrayOk(s: Node, items: unknown[], root: unknown, depth: number, b: Budget): boolean {
  if (num(s.minItems) && items.length < s.minItems) return false;
  if (num(s.maxItems) && items.length > s.maxItems) return false;
  if (s.uniqueItems === true && items.some((x, i) => items.findIndex((y) => deepEqual(x, y)) !== i)) return false;
  const tuple = Array.isArray(s.prefixItems) ? s.prefixItems : Array.isArray(s.items) ? s.items : [];
  const rest = Array.isArray(s.prefixItems) || !Array.isArray(s.items) ? s.items : s.additionalItems;
  for (let i = 0; i < items.length; i++) {
    const schema = i < tuple.length ? tuple[i] : Array.isArray(rest) ? true : rest;
    if (!check(schema, items[i], root, depth + 1, b)) return false;
  }
  if (isSchema(s.contains)) {
    const count = items.filter((x) => check(s.contains, x, root, depth + 1, b)).length;
    const min = num(s.minContains) ? s.minContains : 1;
    if (count < min || (num(s.maxContains) && count > s.maxContains)) return false;
  }
  return true;
}

function objectOk(s: Node, value: Node, root: unknown, depth: number, b: Budget): boolean {
  const keys = Object.keys(value);
  if (num(s.minProperties) && keys.length < s.minProperties) return false;
  if (num(s.maxProperties) && keys.length > s.maxProperties) return false;
  if (Array.isArray(s.required) && !s.required.every((k: unknown) => typeof k !== 'string' || k in value)) return false;
  const props = isObject(s.properties) ? s.properties : {};
  const patterns = isObject(s.patternProperties) ? Object.entries(s.patternProperties) : [];
  for (const key of keys) {
    if (s.propertyNames !== undefined && !check(s.propertyNames, key, root, depth + 1, b)) return false;
    let known = Object.hasOwn(props, key);
    if (known && !check(props[key], value[key], root, depth + 1, b)) return false;
    for (const [pattern, schema] of patterns) {
      if (!regex(pattern)?.test(key)) continue;
      known = true;
      if (!check(schema, value[key], root, depth + 1, b)) return false;
    }
    if (!known && s.additionalProperties !== undefined && !check(s.additionalProperties, value[key], root, depth + 1, b)) return false;
  }
  for (const deps of [s.dependentRequired, s.dependencies, s.dependentSchemas]) {
    if (!isObject(deps)) continue;
    for (const [key, dep] of Object.entries(deps)) {
      if (!(key in value)) continue;
      if (Array.isArray(dep) ? !dep.every((k) => k in value) : !check(dep, value, root, depth + 1, b)) return false;
    }
  }
  return true;
}
