// Produces a value that validates against a JSON Schema: the arguments of the tool call the
// responder makes. Deterministic; handles the schema features tool definitions use in practice
// (objects, arrays, enums, const, numeric and length bounds, formats, local $ref, combinators).

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Node = Record<string, any>;

const FORMATS: Record<string, string> = {
  'date-time': '2025-01-01T00:00:00Z',
  date: '2025-01-01',
  time: '00:00:00Z',
  email: 'user@example.com',
  uri: 'https://example.com',
  url: 'https://example.com',
  uuid: '00000000-0000-4000-8000-000000000000',
  hostname: 'example.com',
  ipv4: '192.0.2.1',
};

function resolveRef(root: Node, ref: string): Node {
  if (!ref.startsWith('#/')) return {};
  let node: any = root;
  for (const key of ref.slice(2).split('/')) node = node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')];
  return typeof node === 'object' && node ? node : {};
}

function sampleString(schema: Node): string {
  if (typeof schema.format === 'string' && FORMATS[schema.format]) return FORMATS[schema.format];
  let text = 'example';
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  while (text.length < min) text += 'x';
  if (typeof schema.maxLength === 'number') text = text.slice(0, Math.max(schema.maxLength, 0));
  return text;
}

function sampleNumber(schema: Node, integer: boolean): number {
  let value = typeof schema.minimum === 'number' ? schema.minimum : typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + (integer ? 1 : 0.5) : 1;
  if (typeof schema.maximum === 'number' && value > schema.maximum) value = schema.maximum;
  if (integer) value = Math.ceil(value);
  return value;
}

function sample(schema: unknown, root: Node, depth: number): Json {
  if (typeof schema !== 'object' || schema === null || depth > 12) return null;
  const node = schema as Node;
  if (typeof node.$ref === 'string') return sample(resolveRef(root, node.$ref), root, depth + 1);
  if ('const' in node) return node.const as Json;
  if (Array.isArray(node.enum) && node.enum.length > 0) return node.enum[0] as Json;
  if ('default' in node) return node.default as Json;
  for (const key of ['anyOf', 'oneOf'] as const) {
    if (Array.isArray(node[key]) && node[key].length > 0) {
      const branch = node[key].find((b: Node) => b?.type !== 'null') ?? node[key][0];
      return sample(branch, root, depth + 1);
    }
  }
  if (Array.isArray(node.allOf)) return Object.assign({}, ...node.allOf.map((s: unknown) => sample(s, root, depth + 1)));
  const type = Array.isArray(node.type) ? node.type.find((t: string) => t !== 'null') ?? 'null' : node.type;
  switch (type ?? (node.properties ? 'object' : node.items ? 'array' : 'string')) {
    case 'object': {
      const out: { [key: string]: Json } = {};
      for (const [key, sub] of Object.entries<unknown>(node.properties ?? {})) out[key] = sample(sub, root, depth + 1);
      return out;
    }
    case 'array': {
      const count = typeof node.minItems === 'number' ? Math.max(node.minItems, 1) : 1;
      return Array.from({ length: count }, () => sample(node.items ?? {}, root, depth + 1));
    }
    case 'integer':
      return sampleNumber(node, true);
    case 'number':
      return sampleNumber(node, false);
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return sampleString(node);
  }
}

/** Any JSON value that validates against `schema` (structured output). */
export function sampleValue(schema: unknown): unknown {
  return sample(schema ?? {}, (schema ?? {}) as Node, 0);
}

/** Arguments for a tool whose input schema is `schema`; always a JSON object. */
export function sampleToolInput(schema: unknown): Record<string, unknown> {
  const value = sample(schema ?? {}, (schema ?? {}) as Node, 0);
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
}
