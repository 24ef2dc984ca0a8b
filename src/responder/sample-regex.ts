// Strings that match an ECMA-262 pattern, as tool schemas write them: anchors, classes and
// ranges, negated classes, the escapes \d \w \s (and \D \W \S \b \p{…}), groups (capturing,
// non-capturing, named; lookarounds are skipped), alternation, quantifiers and back-references.
// Deterministic and readable: classes yield "abc"/"123" rather than one repeated character, and
// `variant` shifts the choices so that several distinct matches can be had (uniqueItems).
type Re =
  | { k: 'alt'; opts: Re[] }
  | { k: 'seq'; items: Re[] }
  | { k: 'rep'; node: Re; min: number; max: number }
  | { k: 'set'; ranges: Array<[number, number]>; neg: boolean }
  | { k: 'group'; node: Re; index: number; name?: string }
  | { k: 'ref'; index: number; name?: string }
  | { k: 'empty' };

const NICE = 'abcdefghijklmnopqrstuvwxyz1234567890ABCDEFGHIJKLMNOPQRSTUVWXYZ-_. @:/+';
const cp = (c: string) => c.codePointAt(0)!;
const one = (c: string): Re => ({ k: 'set', ranges: [[cp(c), cp(c)]], neg: false });
const DIGIT: Array<[number, number]> = [[48, 57]];
const WORD: Array<[number, number]> = [[97, 122], [65, 90], [48, 57], [95, 95]];
const SPACE: Array<[number, number]> = [[32, 32], [9, 13], [160, 160], [0x2028, 0x2029], [0xfeff, 0xfeff]];
const ANY_BUT_NEWLINE: Array<[number, number]> = [[10, 10], [13, 13], [0x2028, 0x2029]];
const SHORTHANDS: Record<string, Array<[number, number]>> = { d: DIGIT, w: WORD, s: SPACE };
const CONTROLS: Record<string, number> = { n: 10, t: 9, r: 13, f: 12, v: 11, '0': 0 };

class Parser {
  private i = 0;
  private groups = 0;
  private readonly s: string[];
  constructor(pattern: string) {
    this.s = [...pattern];
  }
  parse(): Re {
    const re = this.alt();
    if (this.i < this.s.length) throw new Error('unbalanced');
    return re;
  }
  private peek = () => this.s[this.i];
  private alt(): Re {
    const opts = [this.seq()];
    while (this.peek() === '|') {
      this.i++;
      opts.push(this.seq());
    }
    return opts.length === 1 ? opts[0] : { k: 'alt', opts };
  }
  private seq(): Re {
    const items: Re[] = [];
    while (this.i < this.s.length && this.peek() !== '|' && this.peek() !== ')') items.push(this.quantified(this.atom()));
    return { k: 'seq', items };
  }
  private quantified(node: Re): Re {
    for (;;) {
      const c = this.peek();
      let min: number;
      let max: number;
      if (c === '*' || c === '+' || c === '?') {
        this.i++;
        [min, max] = c === '*' ? [0, Infinity] : c === '+' ? [1, Infinity] : [0, 1];
      } else if (c === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(this.s.slice(this.i, this.i + 24).join(''));
        if (!m) return node;
        this.i += [...m[0]].length;
        min = Number(m[1]);
        max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      } else return node;
      if (this.peek() === '?') this.i++; // lazy: the same strings match
      node = { k: 'rep', node, min, max };
    }
  }
  private atom(): Re {
    const c = this.s[this.i++];
    switch (c) {
      case '^':
      case '$':
        return { k: 'empty' };
      case '.':
        return { k: 'set', ranges: ANY_BUT_NEWLINE, neg: true };
      case '[':
        return this.set();
      case '(':
        return this.group();
      case '\\':
        return this.escape(false) as Re;
      default:
        return one(c);
    }
  }
  private group(): Re {
    let capture = true;
    let name: string | undefined;
    let look = false;
    if (this.peek() === '?') {
      const head = this.s.slice(this.i, this.i + 3).join('');
      if (head.startsWith('?:')) [capture, this.i] = [false, this.i + 2];
      else if (head.startsWith('?=') || head.startsWith('?!')) [look, this.i] = [true, this.i + 2];
      else if (head === '?<=' || head === '?<!') [look, this.i] = [true, this.i + 3];
      else if (head.startsWith('?<')) {
        const end = this.s.indexOf('>', this.i);
        name = this.s.slice(this.i + 2, end).join('');
        this.i = end + 1;
      }
    }
    const index = capture && !look ? ++this.groups : 0;
    const node = this.alt();
    if (this.s[this.i++] !== ')') throw new Error('unclosed group');
    if (look) return { k: 'empty' };
    return capture ? { k: 'group', node, index, name } : node;
  }
  private set(): Re {
    const neg = this.peek() === '^';
    if (neg) this.i++;
    const ranges: Array<[number, number]> = [];
    let negatedParts: Array<[number, number]> | undefined;
    while (this.i < this.s.length && this.peek() !== ']') {
      let lo: number;
      const c = this.s[this.i++];
      if (c === '\\') {
        const esc = this.escape(true);
        if (typeof esc !== 'number') {
          if (esc.k === 'set' && !esc.neg) ranges.push(...esc.ranges);
          else if (esc.k === 'set') negatedParts = esc.ranges; // \D \W \S inside a class
          continue;
        }
        lo = esc;
      } else lo = cp(c);
      if (this.peek() === '-' && this.s[this.i + 1] !== ']' && this.s[this.i + 1] !== undefined) {
        this.i++;
        const d = this.s[this.i++];
        const hi = d === '\\' ? this.escape(true) : cp(d);
        if (typeof hi === 'number') {
          ranges.push([lo, hi]);
          continue;
        }
        ranges.push([lo, lo], [45, 45]);
        continue;
      }
      ranges.push([lo, lo]);
    }
    this.i++;
    // A negated shorthand inside a class ([\D]) stands for "anything but": keep it approximate.
    if (negatedParts && ranges.length === 0) return { k: 'set', ranges: negatedParts, neg: !neg };
    return { k: 'set', ranges, neg };
  }
  /** An escape after the backslash: a code point inside classes, else a node. */
  private escape(inClass: boolean): Re | number {
    const c = this.s[this.i++] ?? '\\';
    const set = (ranges: Array<[number, number]>, neg = false): Re => ({ k: 'set', ranges, neg });
    const shorthand = SHORTHANDS[c.toLowerCase()];
    if (shorthand) return set(shorthand, c !== c.toLowerCase());
    if (Object.hasOwn(CONTROLS, c)) return inClass ? CONTROLS[c] : { k: 'set', ranges: [[CONTROLS[c], CONTROLS[c]]], neg: false };
    switch (c) {
      case 'b': return inClass ? 8 : { k: 'empty' };
      case 'B': return { k: 'empty' };
      case 'p':
      case 'P': {
        if (this.peek() === '{') this.i = this.s.indexOf('}', this.i) + 1;
        // Unicode properties: letters are the usual ask (\p{L}); refined by validation.
        return set([[97, 122]], c === 'P');
      }
      case 'u':
      case 'x': {
        const text = this.s.slice(this.i, this.i + 8).join('');
        const m = c === 'x' ? /^[0-9a-fA-F]{2}/.exec(text) : /^\{([0-9a-fA-F]+)\}|^[0-9a-fA-F]{4}/.exec(text);
        if (!m) return inClass ? cp(c) : one(c);
        this.i += m[0].length;
        const code = parseInt(m[1] ?? m[0], 16);
        return inClass ? code : { k: 'set', ranges: [[code, code]], neg: false };
      }
      case 'k': {
        const end = this.s.indexOf('>', this.i);
        const name = this.s.slice(this.i + 1, end).join('');
        this.i = end + 1;
        return { k: 'ref', index: 0, name };
      }
      default:
        if (/[1-9]/.test(c) && !inClass) {
          let digits = c;
          while (/\d/.test(this.peek() ?? '')) digits += this.s[this.i++];
          return { k: 'ref', index: Number(digits) };
        }
        return inClass ? cp(c) : one(c);
    }
  }
}

const inRanges = (code: number, ranges: Array<[number, number]>) => ranges.some(([lo, hi]) => code >= lo && code <= hi);

/** The characters a class may yield, in reading order. */
function pool(node: Extract<Re, { k: 'set' }>): number[] {
  const nice = [...NICE].map(cp).filter((code) => inRanges(code, node.ranges) !== node.neg);
  if (nice.length > 0) return nice;
  if (!node.neg) return node.ranges.slice(0, 8).map(([lo]) => lo);
  for (let code = 33; code < 0x3000; code++) if (!inRanges(code, node.ranges)) return [code];
  return [0x3042];
}

interface Mode {
  /** Extra repetitions for open quantifiers (to reach a minLength). */
  grow: number;
  /** Use every quantifier's minimum (to stay under a maxLength). */
  shrink: boolean;
  variant: number;
}

function count(min: number, max: number, mode: Mode): number {
  if (mode.shrink) return min;
  const natural = max === Infinity ? Math.max(min, min === 0 ? 3 : min === 1 ? 3 : min) : Math.min(max, Math.max(min, 3));
  return Math.min(max, natural + mode.grow);
}

function emit(node: Re, mode: Mode, at: number, groups: Map<number | string, string>): string {
  switch (node.k) {
    case 'empty':
      return '';
    case 'set': {
      const chars = pool(node);
      return String.fromCodePoint(chars[(at + mode.variant) % chars.length]);
    }
    case 'seq':
      return node.items.map((item) => emit(item, mode, at, groups)).join('');
    case 'alt':
      return emit(node.opts[mode.variant % node.opts.length], { ...mode, variant: Math.floor(mode.variant / node.opts.length) }, at, groups);
    case 'rep': {
      const n = Math.min(count(node.min, node.max, mode), 256);
      let out = '';
      for (let i = 0; i < n; i++) out += emit(node.node, mode, at + i, groups);
      return out;
    }
    case 'group': {
      const text = emit(node.node, mode, at, groups);
      groups.set(node.index, text);
      if (node.name) groups.set(node.name, text);
      return text;
    }
    case 'ref':
      return groups.get(node.name ?? node.index) ?? '';
  }
}

const parsed = new Map<string, Re | null>();

/** Strings that should match `pattern`, best first; the caller checks them. */
export function patternCandidates(pattern: string, variant: number, minLength = 0): string[] {
  let re = parsed.get(pattern);
  if (re === undefined) {
    try {
      re = new Parser(pattern).parse();
    } catch {
      re = null;
    }
    if (parsed.size >= 512) parsed.clear(); // patterns come from requests: keep the cache bounded
    parsed.set(pattern, re);
  }
  if (!re) return [];
  const out: string[] = [];
  for (const mode of [
    { grow: 0, shrink: false, variant },
    { grow: 0, shrink: true, variant },
    { grow: Math.max(minLength, 1), shrink: false, variant },
    { grow: 0, shrink: false, variant: variant + 1 },
  ]) {
    out.push(emit(re, mode, 0, new Map()));
  }
  return out;
}
