// The text of a simple PDF, page by page, so that citations into a PDF document can quote it and
// name its page (Converse `documentPage`). Not a PDF reader: it handles what simple generators
// write (uncompressed or FlateDecode content streams, text shown with Tj/TJ/'/" in literal or hex
// strings, one byte a character or mapped by the font's ToUnicode CMap, as subset TrueType fonts
// have it: the common "Dummy PDF file" test document, which real Bedrock cites, langchain-aws
// cassette test_pdf_citations, 2026-07) and gives up on the rest (other filters, object streams),
// returning undefined; the document then has no readable text and is not quoted.
// Deterministic: the same bytes always give the same pages. Lines end in "\r\n", as the quoted
// page text of a real PDF citation does (vercel/ai amazon-bedrock-document-citations.chunks.txt).

interface PdfObject {
  dict: string;
  stream?: Uint8Array;
}

const REF = /(\d+)\s+\d+\s+R/g;

/** All inflated streams of one file together stay under this: a deflate bomb (a few KB that
 *  inflate to gigabytes) must not exhaust memory; past it, streams count as unreadable. */
const INFLATE_BUDGET = 16 * 1024 * 1024;

/** Every `n g obj … endobj` of the file, by object number; stream bytes decoded when they can be. */
function objects(bytes: Uint8Array): Map<number, PdfObject> {
  const text = Buffer.from(bytes).toString('latin1');
  const out = new Map<number, PdfObject>();
  const budget = { left: INFLATE_BUDGET };
  const head = /(\d+)\s+\d+\s+obj\b/g;
  for (let m = head.exec(text); m; m = head.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    if (end < 0) break;
    const body = text.slice(start, end);
    const at = body.search(/\bstream\r?\n/);
    if (at < 0) {
      out.set(Number(m[1]), { dict: body });
      continue;
    }
    const dict = body.slice(0, at);
    const dataStart = start + at + (body.slice(at).startsWith('stream\r\n') ? 8 : 7);
    const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
    const dataEnd = length ? dataStart + Number(length[1]) : text.lastIndexOf('endstream', end);
    out.set(Number(m[1]), { dict, stream: decode(dict, bytes.subarray(dataStart, dataEnd), budget) });
    head.lastIndex = end;
  }
  return out;
}

/** A stream's bytes, inflated when FlateDecode is its only filter; undefined for other filters. */
function decode(dict: string, raw: Uint8Array, budget: { left: number }): Uint8Array | undefined {
  const filters = /\/Filter\s*(\[[^\]]*\]|\/\w+)/.exec(dict)?.[1].match(/\/\w+/g) ?? [];
  if (filters.length === 0) return raw;
  if (filters.length !== 1 || filters[0] !== '/FlateDecode') return undefined;
  try {
    // node:zlib is fetched on first use, so start-up does not pay for it (issue #2).
    if (budget.left <= 0) return undefined;
    const inflated = process.getBuiltinModule('node:zlib').inflateSync(raw, { maxOutputLength: budget.left });
    budget.left -= inflated.length;
    return inflated;
  } catch {
    // Not deflate data, or over the budget (RangeError from maxOutputLength).
    return undefined;
  }
}

const refs = (s: string | undefined) => [...(s ?? '').matchAll(REF)].map((m) => Number(m[1]));

/** The page objects in reading order: the page tree from the catalog, else file order. */
function pageOrder(all: Map<number, PdfObject>): number[] {
  const isPage = (o: PdfObject | undefined) => !!o && /\/Type\s*\/Page\b(?!s)/.test(o.dict);
  const catalog = [...all.values()].find((o) => /\/Type\s*\/Catalog\b/.test(o.dict));
  const root = refs(/\/Pages\s+(\d+\s+\d+\s+R)/.exec(catalog?.dict ?? '')?.[1])[0];
  const pages: number[] = [];
  const seen = new Set<number>();
  const walk = (n: number) => {
    if (seen.has(n)) return;
    seen.add(n);
    const node = all.get(n);
    if (isPage(node)) pages.push(n);
    else for (const kid of refs(/\/Kids\s*\[([^\]]*)\]/.exec(node?.dict ?? '')?.[1])) walk(kid);
  };
  if (root !== undefined) walk(root);
  return pages.length > 0 ? pages : [...all.entries()].filter(([, o]) => isPage(o)).map(([n]) => n);
}

/** A literal string's bytes: escapes resolved, balanced parentheses kept. */
function literal(s: string, from: number): [string, number] {
  let out = '';
  let depth = 1;
  let i = from;
  const ESC: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
  for (; i < s.length && depth > 0; i++) {
    const c = s[i];
    if (c === '\\') {
      const next = s[++i];
      const octal = /^[0-7]{1,3}/.exec(s.slice(i, i + 3));
      if (octal) {
        out += String.fromCharCode(parseInt(octal[0], 8));
        i += octal[0].length - 1;
      } else if (next === '\r' || next === '\n') {
        if (next === '\r' && s[i + 1] === '\n') i++;
      } else out += ESC[next] ?? next;
    } else if (c === '(') {
      depth++;
      out += c;
    } else if (c === ')') {
      if (--depth > 0) out += c;
    } else out += c;
  }
  return [out, i];
}

const MARK = Symbol('operand that shows nothing');

/** A font's ToUnicode CMap: character code (of `width` bytes) → text. */
interface CMap {
  width: number;
  map: Map<number, string>;
}

const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/[0-9A-Fa-f]{4}/g) ?? []).map((h) => parseInt(h, 16)));

/** The bfchar and bfrange entries of a ToUnicode CMap. */
function cmapOf(text: string): CMap {
  const map = new Map<number, string>();
  const range = /begincodespacerange\s*<([0-9A-Fa-f]+)>/.exec(text);
  for (const [, body] of text.matchAll(/beginbfchar([^]*?)endbfchar/g))
    for (const [, src, dst] of body.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(parseInt(src, 16), utf16(dst));
  for (const [, body] of text.matchAll(/beginbfrange([^]*?)endbfrange/g)) {
    for (const [, lo, hi, dst, list] of body.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(?:<([0-9A-Fa-f]+)>|\[([^\]]*)\])/g)) {
      const items = list?.match(/[0-9A-Fa-f]+/g);
      for (let code = parseInt(lo, 16), n = 0; code <= parseInt(hi, 16) && n < 65536; code++, n++) {
        if (items) map.set(code, utf16(items[n] ?? ''));
        else map.set(code, utf16(dst!.slice(0, -4)) + String.fromCharCode(parseInt(dst!.slice(-4), 16) + n));
      }
    }
  }
  return { width: range ? range[1].length / 2 : 1, map };
}

/** Font resource names (`/F1`) → the ToUnicode CMap of the font they name, across the file. */
function fontMaps(all: Map<number, PdfObject>): Map<string, CMap> {
  const byFont = new Map<number, CMap>();
  for (const [n, o] of all) {
    const ref = /\/ToUnicode\s+(\d+)\s+\d+\s+R/.exec(o.dict)?.[1];
    const stream = ref ? all.get(Number(ref))?.stream : undefined;
    if (stream) byFont.set(n, cmapOf(Buffer.from(stream).toString('latin1')));
  }
  const names = new Map<string, CMap>();
  if (byFont.size === 0) return names;
  for (const o of all.values())
    for (const [, name, ref] of o.dict.matchAll(/\/([^\s/[\]()<>]+)\s+(\d+)\s+\d+\s+R/g)) {
      const cmap = byFont.get(Number(ref));
      if (cmap && !names.has(name)) names.set(name, cmap);
    }
  return names;
}

/** A shown string's text through the current font's CMap (codes it lacks stay as they are). */
function mapped(bytes: string, cmap: CMap | undefined): string {
  if (!cmap) return bytes;
  let out = '';
  for (let i = 0; i < bytes.length; i += cmap.width) {
    let code = 0;
    for (let k = 0; k < cmap.width; k++) code = code * 256 + (bytes.charCodeAt(i + k) || 0);
    out += cmap.map.get(code) ?? bytes.slice(i, i + cmap.width);
  }
  return out;
}

/** The text a content stream shows, a line for each line it moves to. */
function pageText(content: string, fonts: Map<string, CMap> = new Map()): string {
  const lines: string[] = [];
  let line = '';
  // Strings shown and numbers (TJ's spacing); names, dictionaries and array brackets as a mark.
  const operands: Array<string | number | typeof MARK> = [];
  const lastString = () => String(operands.filter((o) => typeof o === 'string').pop() ?? '');
  const newline = () => {
    if (line.trim()) lines.push(line.replace(/\s+$/, ''));
    line = '';
  };
  const token = /\s*(\(|<[0-9A-Fa-f\s]*>|\[|\]|-?\d*\.?\d+|\/[^\s/[\]()<>]+|[A-Za-z'"*]+|<<|>>)/y;
  let name = '';
  let font: CMap | undefined;
  for (let i = 0; i < content.length; ) {
    token.lastIndex = i;
    const m = token.exec(content);
    if (!m) {
      i++;
      continue;
    }
    const t = m[1];
    i = token.lastIndex;
    if (t === '(') {
      const [str, next] = literal(content, i);
      operands.push(mapped(str, font));
      i = next;
    } else if (t.startsWith('<') && t !== '<<') {
      const hex = t.slice(1, -1).replace(/\s/g, '');
      operands.push(mapped(Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex').toString('latin1'), font));
    } else if (/^-?\d*\.?\d+$/.test(t)) operands.push(Number(t));
    else if (t === '[' || t === ']' || t.startsWith('/') || t === '<<' || t === '>>') {
      if (t.startsWith('/')) name = t.slice(1);
      operands.push(MARK);
    }
    else {
      // An operator: act on it, then forget its operands.
      if (t === 'Tf') font = fonts.get(name);
      else if (t === 'Tj') line += lastString();
      else if (t === 'TJ') {
        for (const o of operands) {
          if (typeof o === 'number' && o < -200) line += ' ';
          else if (typeof o === 'string') line += o;
        }
      } else if (t === "'" || t === '"') {
        newline();
        line += lastString();
      } else if (t === 'T*' || t === 'ET') newline();
      else if (t === 'Td' || t === 'TD') {
        if (operands[operands.length - 1] !== 0) newline();
      } else if (t === 'Tm') newline();
      operands.length = 0;
    }
  }
  newline();
  return lines.map((l) => `${l}\r\n`).join('');
}

/** The text of each page, or undefined when the file yields no readable text. */
export function pdfPages(bytes: Uint8Array): string[] | undefined {
  if (Buffer.from(bytes.subarray(0, 5)).toString('latin1') !== '%PDF-') return undefined;
  const all = objects(bytes);
  const fonts = fontMaps(all);
  const pages = pageOrder(all).map((n) => {
    const contents = /\/Contents\s*(\[[^\]]*\]|\d+\s+\d+\s+R)/.exec(all.get(n)!.dict)?.[1];
    return refs(contents)
      .map((ref) => all.get(ref)?.stream)
      .map((data) => (data ? pageText(Buffer.from(data).toString('latin1'), fonts) : ''))
      .join('');
  });
  const text = pages.join('');
  // Nothing shown, or bytes that are not text (CID fonts show glyph ids): not readable.
  if (!text.trim() || /[\x00-\x08\x0e-\x1f]/.test(text)) return undefined;
  return pages;
}
