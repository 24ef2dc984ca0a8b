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
  | { kind: 'map'; value: Shape; min?: number; max?: number }
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

// Coral leaves the value out for members under `messages` (sensitive content), and prints it
// elsewhere (src/converse.evidence.md §1).
const problem = (value: unknown, at: string, constraint: string, float = false) =>
  `Value ${at.startsWith('messages.') ? '' : `${show(value, float)} `}at '${at}' failed to satisfy constraint: Member must ${constraint}`;

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
