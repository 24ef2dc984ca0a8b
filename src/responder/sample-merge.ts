// The sampler's view of a schema node: `$ref` followed (its siblings kept, as 2019-09+ apply both)
// and `allOf` folded into one node, so that one object is generated with every branch's keys and
// the tightest bounds. What cannot be folded (two `anyOf`s, two `if`s, two patterns) is kept in
// `_checks`; the sampler's final validation against the original schema enforces those.
import { deepEqual, isObject, num, resolveRef, type Node } from './schema-match.js';

const MINS = ['minimum', 'minLength', 'minItems', 'minProperties', 'minContains'];
const MAXES = ['maximum', 'maxLength', 'maxItems', 'maxProperties', 'maxContains'];
const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];
const SCHEMA_VALUED = ['items', 'additionalItems', 'additionalProperties', 'contains', 'propertyNames', 'unevaluatedProperties', 'unevaluatedItems'];

function mergeInto(a: Node, b: Node): Node {
  const out: Node = { ...a };
  const check = (part: Node) => (out._checks = [...(out._checks ?? []), part]);
  for (const [key, value] of Object.entries(b)) {
    if (!(key in out) || key === '$ref') {
      if (key !== '$ref') out[key] = value;
      continue;
    }
    const mine = out[key];
    if (mine === value) continue; // the same subschema reached twice (two refs to one definition)
    if (key === 'type') {
      const types = (v: unknown) => (Array.isArray(v) ? v : [v]);
      const both = types(mine).filter((t) => types(value).includes(t) || (t === 'integer' && types(value).includes('number')));
      const widened = types(value).filter((t) => t === 'integer' && types(mine).includes('number'));
      out.type = [...new Set([...both, ...widened])];
    } else if (key === 'required' && Array.isArray(mine) && Array.isArray(value)) out.required = [...new Set([...mine, ...value])];
    else if (MINS.includes(key) && num(mine) && num(value)) out[key] = Math.max(mine, value);
    else if (MAXES.includes(key) && num(mine) && num(value)) out[key] = Math.min(mine, value);
    else if ((key === 'exclusiveMinimum' || key === 'exclusiveMaximum') && num(mine) && num(value)) {
      out[key] = key === 'exclusiveMinimum' ? Math.max(mine, value) : Math.min(mine, value);
    } else if (key === 'enum' && Array.isArray(mine) && Array.isArray(value)) out.enum = mine.filter((x) => value.some((y) => deepEqual(x, y)));
    else if (SCHEMA_MAPS.includes(key) && isObject(mine) && isObject(value)) {
      const map: Node = { ...mine };
      for (const [k, v] of Object.entries(value)) map[k] = k in map && map[k] !== v ? { allOf: [map[k], v] } : v;
      out[key] = map;
    } else if (SCHEMA_VALUED.includes(key) && !Array.isArray(mine) && !Array.isArray(value)) out[key] = { allOf: [mine, value] };
    else if (key === 'not') out.not = { anyOf: [mine, value] };
    else if (key === 'uniqueItems') out.uniqueItems = mine === true || value === true;
    else if (key === 'dependentRequired' && isObject(mine) && isObject(value)) out[key] = { ...value, ...mine };
    else if (!deepEqual(mine, value)) check({ [key]: value, ...(key === 'if' ? { then: b.then, else: b.else } : {}) });
  }
  return out;
}

/**
 * One node standing for `schema`: references followed and allOf folded. `false` stays false;
 * anything that is not a schema object counts as `{}` (garbage never drives generation).
 */
export function normalize(schema: unknown, root: unknown, depth = 0): Node | false {
  if (schema === false) return false;
  if (!isObject(schema) || depth > 12) return {};
  const known = cacheOf(root).get(schema);
  if (known !== undefined) return known;
  const found = normalized(schema, root, depth);
  cacheOf(root).set(schema, found);
  return found;
}

// One sampling normalizes the same subschemas many times (each candidate, each `$ref`).
const caches = new WeakMap<object, WeakMap<object, Node | false>>();
function cacheOf(root: unknown): WeakMap<object, Node | false> {
  const key = isObject(root) ? root : caches;
  let cache = caches.get(key);
  if (!cache) caches.set(key, (cache = new WeakMap()));
  return cache;
}

function normalized(schema: Node, root: unknown, depth: number): Node | false {
  let node: Node = schema;
  if (typeof node.$ref === 'string' || typeof node.$dynamicRef === 'string') {
    const target = resolveRef(root, node.$ref ?? node.$dynamicRef);
    const { $ref: _ref, $dynamicRef: _dyn, ...siblings } = node;
    const resolved = normalize(target ?? {}, root, depth + 1);
    if (resolved === false) return false;
    node = mergeInto(resolved, siblings);
  }
  if (Array.isArray(node.allOf) && node.allOf.length > 0) {
    const { allOf, ...rest } = node;
    let merged: Node = rest;
    for (const part of allOf) {
      const one = normalize(part, root, depth + 1);
      if (one === false) return false;
      merged = mergeInto(merged, one);
    }
    node = merged;
  }
  return node;
}

/** `base` with `extra`'s keywords added (an anyOf branch, a `then`), normalized again. */
export function refine(base: Node, extra: unknown, root: unknown): Node | false {
  const one = normalize(extra, root);
  return one === false ? false : mergeInto(base, one);
}

export function without(node: Node, ...keys: string[]): Node {
  const out = { ...node };
  for (const key of keys) delete out[key];
  return out;
}
