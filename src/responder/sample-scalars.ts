// Candidate strings and numbers for the sampler, best first: values a reader expects (a date for
// `format: date`, "Paris" for a `city`, 1 or the minimum for a number), then fallbacks the sampler
// tries when a constraint such as `not` or `uniqueItems` rules the first ones out.
import { patternCandidates } from './sample-regex.js';
import { bounds, isMultiple, num, type Node } from './schema-match.js';

/** Longest string the sampler writes, whatever minLength asks (bounded output, issue 11 F1). */
export const MAX_STRING = 4096;

// Variant v of each format: v = 0 is the plain example, later ones differ (uniqueItems).
const FORMATS: Record<string, (v: number) => string> = {
  'date-time': (v) => `2025-01-${pad(1 + (v % 28))}T12:00:00Z`,
  date: (v) => `2025-01-${pad(1 + (v % 28))}`,
  time: (v) => `12:${pad(v % 60)}:00Z`,
  duration: (v) => `P${v + 1}D`,
  email: (v) => `user${v || ''}@example.com`,
  'idn-email': (v) => `user${v || ''}@example.com`,
  hostname: (v) => (v ? `host${v}.example.com` : 'example.com'),
  'idn-hostname': (v) => (v ? `host${v}.example.com` : 'example.com'),
  ipv4: (v) => `192.0.2.${1 + (v % 254)}`,
  ipv6: (v) => `2001:db8::${(v + 1).toString(16)}`,
  uri: (v) => `https://example.com/${v ? `item/${v}` : ''}`,
  url: (v) => `https://example.com/${v ? `item/${v}` : ''}`,
  'uri-reference': (v) => `https://example.com/${v ? `item/${v}` : ''}`,
  iri: (v) => `https://example.com/${v ? `item/${v}` : ''}`,
  'iri-reference': (v) => `https://example.com/${v ? `item/${v}` : ''}`,
  'uri-template': (v) => `https://example.com/{id}${v ? `/${v}` : ''}`,
  uuid: (v) => `00000000-0000-4000-8000-${String(v).padStart(12, '0')}`,
  'json-pointer': (v) => `/example${v || ''}`,
  'relative-json-pointer': (v) => `${v}/example`,
  regex: (v) => `^example${v || ''}$`,
  byte: (v) => ['ZXhhbXBsZQ==', 'c2FtcGxl', 'dmFsdWU='][v % 3],
  binary: (v) => `example${v || ''}`,
  password: (v) => `example${v || ''}`,
};
const pad = (n: number) => String(n).padStart(2, '0');

// Words for well-known property names (the last word of the key: `departure_city`, `userEmail`):
// what a reader of a tool call expects to see.
const HINTS: Record<string, string> = {
  city: 'Paris', town: 'Paris', country: 'France', location: 'Paris, France', place: 'Paris', address: '1 Main Street',
  name: 'Alice', firstname: 'Alice', lastname: 'Smith', surname: 'Smith', username: 'alice', user: 'alice',
  email: 'user@example.com', url: 'https://example.com', uri: 'https://example.com', link: 'https://example.com', website: 'https://example.com',
  query: 'example query', q: 'example query', search: 'example query', question: 'What is the weather?', prompt: 'Say hello.',
  language: 'en', lang: 'en', locale: 'en-US', currency: 'USD', date: '2025-01-01', time: '12:00', timezone: 'UTC',
  phone: '+1-555-0100', path: 'example.txt', file: 'example.txt', filename: 'example.txt', color: 'blue', colour: 'blue',
  title: 'Example', subject: 'Example', topic: 'Example', id: 'abc123', symbol: 'AMZN', ticker: 'AMZN', unit: 'celsius',
};

export function hintFor(key: string | undefined): string | undefined {
  if (!key) return undefined;
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  const last = words.at(-1);
  const pair = words.slice(-2).join('');
  return (Object.hasOwn(HINTS, pair) ? HINTS[pair] : undefined) ?? (last && Object.hasOwn(HINTS, last) ? HINTS[last] : undefined);
}

/** `text` stretched with its own letters (or cut) to fit the length bounds. */
function fit(text: string, s: Node): string {
  const min = num(s.minLength) ? Math.min(Math.max(s.minLength, 0), MAX_STRING) : 0;
  const max = num(s.maxLength) ? Math.max(s.maxLength, 0) : Infinity;
  let out = [...text];
  const filler = [...'example'];
  while (out.length < min) out.push(filler[out.length % filler.length]);
  if (out.length > max) out = out.slice(0, max);
  return out.join('');
}

export function stringCandidates(s: Node, key: string | undefined, variant: number): string[] {
  const format = typeof s.format === 'string' ? FORMATS[s.format] : undefined;
  const suffix = variant ? String(variant + 1) : '';
  const out: string[] = [];
  if (format) out.push(format(variant));
  if (typeof s.pattern === 'string') {
    const min = num(s.minLength) ? Math.min(s.minLength, MAX_STRING) : 0;
    const matches = patternCandidates(s.pattern, variant, min);
    // The natural match, then cut or stretched to the length bounds, then the other modes.
    out.push(...matches.slice(0, 1), ...matches.slice(0, 1).map((text) => fit(text, s)), ...matches.slice(1));
    out.push(...matches.map((text) => fit(text, s)), ...matches.map((text) => text + 'x'.repeat(Math.max(min - text.length, 0))));
  } else if (format) {
    out.push(format(variant), fit(format(variant), s));
  } else {
    const word = hintFor(key) ?? 'example';
    out.push(fit(word + suffix, s), fit(`${word} ${variant + 1}`, s));
  }
  // Fallbacks for constraints the first candidates miss (`not`, lookaheads in patterns).
  out.push(fit(`sample${suffix}`, s), fit(`value${suffix}`, s), fit(`Aa1!example${suffix}`, s), fit(String(variant + 1), s), '');
  return out;
}

/** Numbers in range, best first: 1, else the bound nearest zero, else a multiple near them. */
export function numberCandidates(s: Node, integer: boolean, variant: number): number[] {
  const { lo, loEx, hi, hiEx } = bounds(s);
  const step = num(s.multipleOf) && s.multipleOf > 0 ? s.multipleOf : integer ? 1 : undefined;
  const inRange = (n: number) => (lo === undefined || (loEx ? n > lo : n >= lo)) && (hi === undefined || (hiEx ? n < hi : n <= hi));
  const ok = (n: number) => Number.isFinite(n) && inRange(n) && (!integer || Number.isInteger(n)) && (step === undefined || isMultiple(n, step));
  const seeds: number[] = [1];
  if (lo !== undefined) seeds.push(lo, lo + (step ?? 1), lo + 0.5);
  if (hi !== undefined) seeds.push(hi, hi - (step ?? 1), hi - 0.5);
  if (lo !== undefined && hi !== undefined) seeds.push((lo + hi) / 2);
  seeds.push(0, 2, 10, -1);
  const out: number[] = [];
  const add = (n: number) => {
    if (ok(n) && !out.includes(n)) out.push(n);
  };
  for (const seed of seeds) {
    if (step === undefined) add(seed);
    else {
      // The multiples of `step` around the seed, written without binary noise (0.1 * 3).
      const k = Math.ceil(seed / step - 1e-9);
      for (const m of [k, k + 1, k - 1]) add(clean(m * step, step));
    }
  }
  if (variant === 0 || out.length === 0) return out;
  // Distinct values for uniqueItems: the best one moved on by `variant` steps, where they fit.
  const base = out[0];
  const next = clean(base + variant * (step ?? 1), step ?? 1);
  return ok(next) ? [next, ...out] : [clean(base - variant * (step ?? 1), step ?? 1), ...out];
}

function clean(n: number, step: number): number {
  const decimals = Math.min(Math.max(0, -Math.floor(Math.log10(step)) + 2), 15);
  const rounded = Number(n.toFixed(decimals));
  return isMultiple(rounded, step) ? rounded : n;
}
