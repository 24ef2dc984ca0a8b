// A JSON reader that keeps what JSON.parse throws away and the shape comparison needs:
//  - whether a number was written as an integer (`28`) or a float (`28.0`, `1e-3`): real Bedrock
//    answers with floats in some places (guardrail bodies, embeddings, rerank scores) and SDK users
//    notice when `28` becomes `28.0`;
//  - the exact order of an object's keys, even for integer-like keys, which JS objects reorder;
//  - number literals as written, so a captured request body is re-sent byte-for-byte equivalent
//    (`"top_p": 1.0` stays `1.0`, not `1`).
// Node 20 has no JSON.parse source-text access, hence this small recursive-descent reader.

export type JNode =
  | { t: 'object'; entries: Array<[string, JNode]> }
  | { t: 'array'; items: JNode[] }
  | { t: 'string'; v: string }
  | { t: 'integer' | 'float'; src: string }
  | { t: 'boolean'; v: boolean }
  | { t: 'null' };

export class JsonLiteralError extends Error {}

/** Parses JSON text into a JNode tree; throws JsonLiteralError on malformed input. */
export function parseLiteral(text: string): JNode {
  let i = 0;
  const fail = (what: string): never => {
    throw new JsonLiteralError(`${what} at offset ${i}: ${JSON.stringify(text.slice(i, i + 20))}`);
  };
  const ws = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
  };
  const str = (): string => {
    const start = i;
    i++; // opening quote
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) fail('unterminated string');
    i++;
    // Escapes are decoded by the platform's own parser: one less thing to get wrong here.
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (): JNode => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const entries: Array<[string, JNode]> = [];
      ws();
      if (text[i] === '}') return i++, { t: 'object', entries };
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected a key');
        const key = str();
        ws();
        if (text[i++] !== ':') fail('expected ":"');
        entries.push([key, value()]);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return i++, { t: 'object', entries };
        else fail('expected "," or "}"');
      }
    }
    if (c === '[') {
      i++;
      const items: JNode[] = [];
      ws();
      if (text[i] === ']') return i++, { t: 'array', items };
      for (;;) {
        items.push(value());
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return i++, { t: 'array', items };
        else fail('expected "," or "]"');
      }
    }
    if (c === '"') return { t: 'string', v: str() };
    for (const [word, node] of [
      ['true', { t: 'boolean', v: true }],
      ['false', { t: 'boolean', v: false }],
      ['null', { t: 'null' }],
    ] as const) {
      if (text.startsWith(word, i)) return (i += word.length), node;
    }
    const m = /^-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) return fail('unexpected character');
    i += m[0].length;
    return { t: m[1] || m[2] ? 'float' : 'integer', src: m[0] };
  };
  const root = value();
  ws();
  if (i !== text.length) fail('trailing characters');
  return root;
}

/** Compact JSON text of a tree, number literals exactly as they were read. */
export function stringifyLiteral(node: JNode): string {
  switch (node.t) {
    case 'object':
      return `{${node.entries.map(([k, v]) => `${JSON.stringify(k)}:${stringifyLiteral(v)}`).join(',')}}`;
    case 'array':
      return `[${node.items.map(stringifyLiteral).join(',')}]`;
    case 'string':
      return JSON.stringify(node.v);
    case 'integer':
    case 'float':
      return node.src;
    case 'boolean':
      return String(node.v);
    case 'null':
      return 'null';
  }
}

/** The member `key` of an object node (first occurrence), or undefined. */
export function member(node: JNode | undefined, key: string): JNode | undefined {
  return node?.t === 'object' ? node.entries.find(([k]) => k === key)?.[1] : undefined;
}

/** Walks object keys and array indexes: at(tree, 'interactions', 0, 'request', 'body'). */
export function at(node: JNode | undefined, ...path: Array<string | number>): JNode | undefined {
  let cur = node;
  for (const step of path) cur = typeof step === 'number' ? (cur?.t === 'array' ? cur.items[step] : undefined) : member(cur, step);
  return cur;
}
