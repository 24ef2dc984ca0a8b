// Does a rule's `match` fit this request? Built on the neutral Conversation every family and
// Converse already produce, so one rule works in every operation and body format.
import type { Conversation, Turn } from '../responder/types.js';
import type { RequestScope } from '../responder/request-scope.js';
import type { RuleMatch } from './types.js';

const regexOf = (pattern: string): RegExp | undefined => {
  const end = pattern.lastIndexOf('/');
  return pattern.length > 1 && pattern.startsWith('/') && end > 0 ? new RegExp(pattern.slice(1, end), pattern.slice(end + 1)) : undefined;
};

/** Substring, or `/regex/flags`. */
export function textMatches(pattern: string, text: string | undefined): boolean {
  if (text === undefined) return false;
  const re = regexOf(pattern);
  return re ? re.test(text) : text.includes(pattern);
}

/** Exact, glob with `*`, or `/regex/flags`. */
export function idMatches(pattern: string, id: string | undefined): boolean {
  if (id === undefined) return false;
  const re = regexOf(pattern);
  if (re) return re.test(id);
  if (!pattern.includes('*')) return pattern === id;
  const glob = pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${glob}$`).test(id);
}

const turnText = (turn: Turn) =>
  turn.content.map((p) => (p.type === 'text' || p.type === 'reasoning' ? p.text : p.type === 'tool_result' ? p.text : '')).filter(Boolean).join('\n');

/** The text parts of the last user turn (a turn of tool results only has none). */
export function lastUserText(conv: Conversation): string | undefined {
  for (let i = conv.messages.length - 1; i >= 0; i--) {
    const turn = conv.messages[i];
    if (turn.role === 'user') return turn.content.map((p) => (p.type === 'text' ? p.text : '')).filter(Boolean).join('\n');
  }
  return undefined;
}

const asList = (v: string | string[]) => (Array.isArray(v) ? v : [v]);

export function ruleMatches(match: RuleMatch | undefined, conv: Conversation, modelId: string, scope: RequestScope | undefined): boolean {
  if (!match) return true;
  if (match.operation !== undefined && !asList(match.operation).includes(scope?.operation() ?? '')) return false;
  if (match.model !== undefined && !idMatches(match.model, modelId) && !idMatches(match.model, scope?.modelId())) return false;
  if (match.prompt !== undefined && !textMatches(match.prompt, lastUserText(conv))) return false;
  if (match.anyMessage !== undefined && !conv.messages.some((turn) => textMatches(match.anyMessage!, turnText(turn)))) return false;
  if (match.system !== undefined && !textMatches(match.system, conv.system)) return false;
  if (match.tools !== undefined) {
    const offered = new Set((conv.tools ?? []).map((t) => t.name));
    if (!asList(match.tools).every((name) => offered.has(name))) return false;
  }
  if (match.toolChoice !== undefined) {
    const choice = conv.toolChoice ?? { type: 'auto' };
    const ok = match.toolChoice === choice.type || (choice.type === 'tool' && match.toolChoice === choice.name);
    if (!ok) return false;
  }
  for (const [name, pattern] of Object.entries(match.headers ?? {})) if (!textMatches(pattern, scope?.header(name))) return false;
  return true;
}
