// Invents a value that validates against a JSON Schema: the arguments of the tool calls the
// responder makes, and structured-output answers. Drafts 2020-12, 2019-09 and 07 (draft-04's
// boolean exclusive bounds too): every keyword tool schemas use, with `$ref`/`$defs` recursion
// stopped by leaving optional keys out and arrays at their minimum. Deterministic. Each node's
// candidates come best first (what a reader expects) and the first that validates wins
// (schema-match.ts), which settles `not`, `oneOf`'s exclusivity, `if` and `uniqueItems`.
// Output is bounded whatever the schema says (issue 11's F1): depth, keys, items, string length
// and a node budget are capped, and malformed keywords (`properties: "abc"`) are ignored.
import { normalize, refine, without } from './sample-merge.js';
import { numberCandidates, stringCandidates } from './sample-scalars.js';
import { deepEqual, isObject, isSchema, matches, num, regex, type Budget, type Node } from './schema-match.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Past this depth, or once a `$ref` recurses, optional keys are left out and arrays kept minimal. */
const SOFT_DEPTH = 6;
const HARD_DEPTH = 40;
const MAX_ITEMS = 64;
const MAX_OPTIONAL_KEYS = 24;
const NODE_BUDGET = 3000;
const TRIES = 64;
const VALIDATION_STEPS = 2_000_000;

interface Ctx {
  root: unknown;
  nodes: number;
  /** Validation steps for the whole value; once spent, candidates are no longer checked. */
  checks: Budget;
}

interface At {
  depth: number;
  /** The property this value is for, to pick a fitting word. */
  key?: string;
  /** Which of several distinct values to make (uniqueItems), 0 for the best one. */
  variant: number;
  /** Keep it small: recursion or the budget is reached. */
  minimal: boolean;
  /** The `$ref`s followed on the way here: one seen again means recursion. */
  refs?: readonly string[];
}

const TYPES = ['string', 'integer', 'number', 'boolean', 'object', 'array', 'null'];

function typesOf(s: Node): string[] {
  const declared = (Array.isArray(s.type) ? s.type : s.type !== undefined ? [s.type] : []).filter((t: unknown) => TYPES.includes(t as string));
  if (s.nullable === true && declared.length) declared.push('null');
  if (declared.length) return [...declared.filter((t: string) => t !== 'null'), ...declared.filter((t: string) => t === 'null')];
  if (Array.isArray(s.type) || typeof s.type === 'string') return ['string'];
  const has = (...keys: string[]) => keys.some((k) => k in s);
  if (has('properties', 'required', 'patternProperties', 'additionalProperties', 'minProperties', 'maxProperties', 'propertyNames', 'dependentRequired')) return ['object'];
  if (has('items', 'prefixItems', 'minItems', 'maxItems', 'contains', 'uniqueItems', 'additionalItems')) return ['array'];
  if (has('pattern', 'format', 'minLength', 'maxLength')) return ['string'];
  if (has('minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf')) return ['number'];
  return ['string', 'integer', 'boolean', 'object', 'array', 'null'];
}

/** The best value for `schema`: its first candidate that validates, else its first candidate. */
function generate(schema: unknown, ctx: Ctx, at: At): Json | undefined {
  if (schema === false) return undefined;
  ctx.nodes++;
  const s = normalize(schema, ctx.root);
  if (s === false) return undefined;
  const ref = isObject(schema) && typeof schema.$ref === 'string' ? schema.$ref : undefined;
  const seen = ref === undefined ? 0 : (at.refs ?? []).filter((r) => r === ref).length;
  // Past the limits, a stub of the right type: a required recursion has no finite valid value.
  if (at.depth > HARD_DEPTH || seen > 2 || ctx.nodes > NODE_BUDGET * 2) return stub(s);
  const recursing = seen > 0;
  const where = { ...at, minimal: at.minimal || recursing || at.depth >= SOFT_DEPTH || ctx.nodes > NODE_BUDGET, refs: ref ? [...(at.refs ?? []), ref] : at.refs };
  let first: Json | undefined;
  let tries = 0;
  for (const value of candidates(s, ctx, where)) {
    if (value === undefined) continue;
    if (first === undefined) first = value;
    if (matches(schema, value, ctx.root, ctx.checks)) return value;
    if (++tries >= TRIES) break;
  }
  return first;
}

function stub(s: Node): Json {
  if ('const' in s) return s.const as Json;
  if (Array.isArray(s.enum) && s.enum.length) return s.enum[0] as Json;
  const type = typesOf(s)[0];
  if (type === 'integer' || type === 'number') return numberCandidates(s, type === 'integer', 0)[0] ?? 0;
  return type === 'object' ? {} : type === 'array' ? [] : type === 'boolean' ? true : type === 'null' ? null : '';
}

function* candidates(s: Node, ctx: Ctx, at: At, nest = 0): Generator<Json | undefined> {
  if ('const' in s) yield s.const as Json;
  if (Array.isArray(s.enum)) {
    for (let i = 0; i < s.enum.length; i++) yield s.enum[(i + at.variant) % s.enum.length] as Json;
    return;
  }
  // A default or an example reads well, except a null default (Pydantic's Optional = None).
  for (const example of [s.default, ...(Array.isArray(s.examples) ? s.examples : [])]) if (example !== undefined && example !== null && at.variant === 0) yield example as Json;
  const branches = Array.isArray(s.oneOf) ? s.oneOf : Array.isArray(s.anyOf) ? s.anyOf : undefined;
  // A branch may bring back the schema it sits in (`anyOf: [{$ref: '#'}]`): a few rounds only.
  if (branches?.length && nest < 4) {
    const base = without(s, Array.isArray(s.oneOf) ? 'oneOf' : 'anyOf');
    // A value rather than null first: what a reader of the call expects.
    const order = [...branches.keys()].sort((a, b) => Number(isNull(branches[a])) - Number(isNull(branches[b])));
    for (const i of order) {
      const merged = refine(base, branches[i], ctx.root);
      if (merged !== false) yield* candidates(merged, ctx, at, nest + 1);
    }
    return;
  }
  if (isSchema(s.if) && (s.then !== undefined || s.else !== undefined) && nest < 4) {
    const base = without(s, 'if', 'then', 'else');
    for (const branch of [{ allOf: [s.if, s.then ?? {}] }, s.else ?? {}]) {
      const merged = refine(base, branch, ctx.root);
      if (merged !== false) yield* candidates(merged, ctx, at, nest + 1);
    }
    return;
  }
  for (const type of typesOf(s)) yield* typed(type, s, ctx, at);
}

const isNull = (b: unknown) => isObject(b) && (b.type === 'null' || (Array.isArray(b.enum) && b.enum.length === 1 && b.enum[0] === null));

function* typed(type: string, s: Node, ctx: Ctx, at: At): Generator<Json | undefined> {
  switch (type) {
    case 'string':
      yield* stringCandidates(s, at.key, at.variant);
      return;
    case 'integer':
    case 'number':
      yield* numberCandidates(s, type === 'integer', at.variant);
      return;
    case 'boolean':
      yield at.variant % 2 === 0;
      yield at.variant % 2 !== 0;
      return;
    case 'null':
      yield null;
      return;
    case 'object':
      yield object(s, ctx, at, false);
      if (!at.minimal) yield object(s, ctx, at, true);
      yield object(s, ctx, { ...at, variant: at.variant + 1 }, false);
      return;
    case 'array':
      yield array(s, ctx, at, false);
      if (!at.minimal) yield array(s, ctx, at, true);
      yield array(s, ctx, { ...at, variant: at.variant + 1 }, false);
  }
}

/** The schema a key of `s` must satisfy: its property, matching patterns, else additionalProperties. */
function schemaForKey(s: Node, key: string): unknown {
  const props = isObject(s.properties) ? s.properties : {};
  const parts: unknown[] = Object.hasOwn(props, key) ? [props[key]] : [];
  for (const [pattern, sub] of Object.entries(isObject(s.patternProperties) ? s.patternProperties : {})) if (regex(pattern)?.test(key)) parts.push(sub);
  if (parts.length === 0 && s.additionalProperties !== undefined) parts.push(s.additionalProperties);
  return parts.length === 0 ? {} : parts.length === 1 ? parts[0] : { allOf: parts };
}

function object(s: Node, ctx: Ctx, at: At, requiredOnly: boolean): Json {
  const out: { [key: string]: Json } = {};
  const props = isObject(s.properties) ? s.properties : {};
  const required = (Array.isArray(s.required) ? s.required : []).filter((k: unknown): k is string => typeof k === 'string');
  const maxKeys = num(s.maxProperties) ? s.maxProperties : Infinity;
  const put = (key: string, optional: boolean) => {
    if (key in out || Object.keys(out).length >= maxKeys + (optional ? 0 : required.length)) return;
    const value = generate(schemaForKey(s, key), ctx, { depth: at.depth + 1, key, variant: at.variant, minimal: at.minimal, refs: at.refs });
    if (value !== undefined) out[key] = value;
  };
  for (const key of required) put(key, false);
  if (!requiredOnly && !at.minimal) {
    for (const key of Object.keys(props).filter((k) => !required.includes(k)).slice(0, MAX_OPTIONAL_KEYS)) put(key, true);
  }
  // Keys that others depend on (dependentRequired, draft-07 dependencies).
  for (const deps of [s.dependentRequired, s.dependencies]) {
    if (!isObject(deps)) continue;
    for (const [key, needs] of Object.entries(deps)) if (key in out && Array.isArray(needs)) for (const k of needs) if (typeof k === 'string') put(k, false);
  }
  const min = num(s.minProperties) ? Math.min(s.minProperties, MAX_ITEMS) : 0;
  for (const key of Object.keys(props)) if (Object.keys(out).length < min) put(key, true);
  for (let i = 0; Object.keys(out).length < min && i < min * 2 + 4; i++) {
    const key = extraKey(s, ctx, i);
    if (key === undefined) break;
    put(key, true);
  }
  return out;
}

/** A new key name allowed by patternProperties/additionalProperties and propertyNames. */
function extraKey(s: Node, ctx: Ctx, i: number): string | undefined {
  const names: string[] = [];
  for (const pattern of Object.keys(isObject(s.patternProperties) ? s.patternProperties : {})) {
    names.push(...stringCandidates({ pattern }, undefined, i).filter((name) => regex(pattern)?.test(name)));
  }
  if (s.additionalProperties !== false) {
    const fromNames = isSchema(s.propertyNames) ? generate(s.propertyNames, ctx, { depth: 0, variant: i, minimal: true }) : undefined;
    names.push(typeof fromNames === 'string' ? fromNames : `key${i + 1}`);
  }
  return names.find((name) => name && !(name in ((s.properties as Node) ?? {})) && matches(s.propertyNames ?? true, name, ctx.root, ctx.checks));
}

function array(s: Node, ctx: Ctx, at: At, minimalItems: boolean): Json {
  const tuple: unknown[] = Array.isArray(s.prefixItems) ? s.prefixItems : Array.isArray(s.items) ? s.items : [];
  const rest = Array.isArray(s.prefixItems) || !Array.isArray(s.items) ? s.items : s.additionalItems;
  const min = num(s.minItems) ? Math.max(s.minItems, 0) : 0;
  let max = num(s.maxItems) ? s.maxItems : Infinity;
  if (rest === false) max = Math.min(max, tuple.length);
  const needContains = isSchema(s.contains) ? (num(s.minContains) ? s.minContains : 1) : 0;
  const wanted = at.minimal || minimalItems ? Math.max(min, needContains) : Math.max(min, needContains, tuple.length || 1);
  const n = Math.min(wanted, max, MAX_ITEMS);
  const out: Json[] = [];
  for (let i = 0; i < n; i++) {
    let schema: unknown = i < tuple.length ? tuple[i] : (rest ?? {});
    if (i < needContains) schema = { allOf: [schema, s.contains] };
    let value: Json | undefined;
    // Distinct items for uniqueItems: later variants until the value is new.
    for (let v = i; v < i + 8; v++) {
      value = generate(schema, ctx, { depth: at.depth + 1, key: at.key, variant: at.variant + v, minimal: at.minimal, refs: at.refs });
      if (s.uniqueItems !== true || !out.some((x) => deepEqual(x, value))) break;
    }
    if (value === undefined) break;
    out.push(value);
  }
  return out;
}

function start(schema: unknown, asToolInput: boolean): Json | undefined {
  const root = schema ?? {};
  const ctx: Ctx = { root, nodes: 0, checks: { left: VALIDATION_STEPS } };
  // An unconstrained tool schema still takes an object; garbage (a string) means no constraint.
  const effective = !isSchema(root) ? {} : root;
  const s = asToolInput && isObject(effective) && effective.type === undefined && typesOf(normalize(effective, root) || {}).length > 1 ? { ...effective, type: 'object' } : effective;
  return generate(s, ctx, { depth: 0, variant: 0, minimal: false });
}

/** Any JSON value that validates against `schema` (structured output). */
export function sampleValue(schema: unknown): unknown {
  return start(schema, false) ?? null;
}

/** Arguments for a tool whose input schema is `schema`; always a JSON object. */
export function sampleToolInput(schema: unknown): Record<string, unknown> {
  const value = start(schema, true);
  return isObject(value) ? (value as Record<string, unknown>) : {};
}

