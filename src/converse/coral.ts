// Service-model constraint checks, worded as Coral (Bedrock's front end) words them before the
// model sees anything: `1 validation error detected: Value '0' at 'inferenceConfig.maxTokens'
// failed to satisfy constraint: Member must have value greater than or equal to 1`
// (REAL_ERROR_MESSAGES.md, the modelId pattern case). List members are named
// `<list>.<1-based index>.member`. The shapes checked live in converse-shapes.ts.
import { BedrockError, Errors } from '../errors.js';

export type Shape =
  | { kind: 'structure'; members: Record<string, Shape>; required?: string[] }
  | { kind: 'union'; members: Record<string, Shape> }
  | { kind: 'list'; member: Shape; min?: number; max?: number }
  | { kind: 'map'; key?: Shape; value: Shape; min?: number; max?: number }
  | { kind: 'string'; min?: number; max?: number; pattern?: string; enum?: readonly string[] }
  | { kind: 'number'; min?: number; max?: number; integer?: boolean }
  | { kind: 'boolean' }
  | { kind: 'blob'; min?: number }
  | { kind: 'document' };

/** How Coral prints a value: Java's toString of what it parsed (a float member 2 is `2.0`). */
function show(value: unknown, float = false): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'number' && float && Number.isInteger(value)) return `'${value}.0'`;
  if (Array.isArray(value)) return `'[${value.map((v) => (typeof v === 'object' ? '...' : String(v))).join(', ')}]'`;
  return `'${typeof value === 'object' ? '{...}' : String(value)}'`;
}

// Coral leaves the value out for members under `messages` and for sensitive shapes
// (requestMetadata), and prints it elsewhere (src/converse.evidence.md §1).
const hidden = (at: string) => at.startsWith('messages.') || at === 'requestMetadata';
const problem = (value: unknown, at: string, constraint: string, float = false) =>
  `Value ${hidden(at) ? '' : `${show(value, float)} `}at '${at}' failed to satisfy constraint: Member must ${constraint}`;

/** The constraints of a string shape that `value` breaks, as Coral lists them inside a map's
 *  `Map keys/value must satisfy constraint: [Member must …]`. */
function stringProblems(shape: Shape, value: string): string[] {
  if (shape.kind !== 'string') return [];
  const out: string[] = [];
  const length = [...value].length;
  if (shape.max !== undefined && length > shape.max) out.push(`Member must have length less than or equal to ${shape.max}`);
  if (shape.min !== undefined && length < shape.min) out.push(`Member must have length greater than or equal to ${shape.min}`);
  if (shape.pattern !== undefined && !new RegExp(`^(?:${shape.pattern})$`, 'u').test(value)) out.push(`Member must satisfy regular expression pattern: ${shape.pattern}`);
  return out;
}

/** The JSON type a shape needs, or undefined when any value fits (documents). */
function wrongType(shape: Shape, value: unknown): string | undefined {
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  switch (shape.kind) {
    case 'structure':
    case 'union':
    case 'map':
      return isObject ? undefined : 'structure or map';
    case 'list':
      return Array.isArray(value) ? undefined : 'list';
    case 'string':
    case 'blob':
      return typeof value === 'string' ? undefined : 'string';
    case 'number':
      return typeof value === 'number' ? undefined : 'number';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'boolean';
    default:
      return undefined;
  }
}

function check(shape: Shape, value: unknown, at: string, out: string[]): void {
  if (value === undefined || value === null) return;
  const expected = wrongType(shape, value);
  if (expected) throw Errors.serialization(expected);
  switch (shape.kind) {
    case 'structure': {
      if (typeof value !== 'object' || Array.isArray(value)) return;
      const record = value as Record<string, unknown>;
      for (const key of shape.required ?? []) {
        if (record[key] === undefined || record[key] === null) out.push(`Value null at '${at ? `${at}.` : ''}${key}' failed to satisfy constraint: Member must not be null`);
      }
      for (const [key, member] of Object.entries(shape.members)) check(member, record[key], at ? `${at}.${key}` : key, out);
      return;
    }
    case 'union': {
      if (typeof value !== 'object' || Array.isArray(value)) return;
      for (const [key, member] of Object.entries(shape.members)) check(member, (value as Record<string, unknown>)[key], `${at}.${key}`, out);
      return;
    }
    case 'list': {
      if (!Array.isArray(value)) return;
      if (shape.min !== undefined && value.length < shape.min) out.push(problem(value, at, `have length greater than or equal to ${shape.min}`));
      if (shape.max !== undefined && value.length > shape.max) out.push(problem(value, at, `have length less than or equal to ${shape.max}`));
      value.forEach((item, i) => check(shape.member, item, `${at}.${i + 1}.member`, out));
      return;
    }
    case 'map': {
      if (typeof value !== 'object' || Array.isArray(value)) return;
      const size = Object.keys(value).length;
      if (shape.min !== undefined && size < shape.min) out.push(problem(value, at, `have length greater than or equal to ${shape.min}`));
      if (shape.max !== undefined && size > shape.max) out.push(problem(value, at, `have length less than or equal to ${shape.max}`));
      // Keys and values against their shapes, each side reported once with the constraints broken:
      // `Value at 'requestMetadata' failed to satisfy constraint: Map value must satisfy … regex
      // pattern: [a-zA-Z0-9\s:_@$#=/+,-.]{0,256}` (agentgateway/agentgateway#1737/#1739, 2026-05-05,
      // Converse; the elided middle is Coral's usual `constraint: [Member must satisfy regular expression`).
      const entries = Object.entries(value as Record<string, unknown>);
      const sides: Array<['keys' | 'value', Shape | undefined, string[]]> = [
        ['keys', shape.key, entries.map(([k]) => k)],
        ['value', shape.value, entries.flatMap(([, v]) => (typeof v === 'string' ? [v] : []))],
      ];
      for (const [side, member, items] of sides) {
        const broken = [...new Set(member ? items.flatMap((item) => stringProblems(member, item)) : [])];
        if (broken.length) out.push(`Value ${hidden(at) ? '' : `${show(value)} `}at '${at}' failed to satisfy constraint: Map ${side} must satisfy constraint: [${broken.join(', ')}]`);
      }
      return;
    }
    case 'string': {
      if (typeof value !== 'string') return;
      const length = [...value].length;
      if (shape.min !== undefined && length < shape.min) out.push(problem(value, at, `have length greater than or equal to ${shape.min}`));
      if (shape.max !== undefined && length > shape.max) out.push(problem(value, at, `have length less than or equal to ${shape.max}`));
      if (shape.pattern !== undefined && !new RegExp(`^(?:${shape.pattern})$`, 'u').test(value))
        out.push(problem(value, at, `satisfy regular expression pattern: ${shape.pattern}`));
      if (shape.enum && !shape.enum.includes(value)) out.push(problem(value, at, `satisfy enum value set: [${shape.enum.join(', ')}]`));
      return;
    }
    case 'number': {
      if (typeof value !== 'number') return;
      const float = !shape.integer;
      if (shape.min !== undefined && value < shape.min) out.push(problem(value, at, `have value greater than or equal to ${shape.min}`, float));
      if (shape.max !== undefined && value > shape.max) out.push(problem(value, at, `have value less than or equal to ${shape.max}`, float));
      return;
    }
    case 'blob': {
      if (typeof value === 'string' && shape.min !== undefined && value.length < shape.min)
        out.push(problem('[B', at, `have length greater than or equal to ${shape.min}`));
      return;
    }
    default:
      return;
  }
}

/** Throws Coral's ValidationException listing every constraint `value` breaks. */
export function checkConstraints(shape: Shape, value: unknown): void {
  const found: string[] = [];
  check(shape, value, '', found);
  if (found.length === 0) return;
  const count = found.length === 1 ? '1 validation error detected' : `${found.length} validation errors detected`;
  throw new BedrockError('ValidationException', `${count}: ${found.join('; ')}`);
}
