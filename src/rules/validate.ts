// Rules are checked when added (file, admin API, startEmulator), never at request time: each
// mistake is named by its JSON path, e.g. `rules[2].error.name: unknown error "ThrotlingException"`.
import { ERROR_NAMES, isErrorName } from '../errors.js';
import type { Rule } from './types.js';

export class InvalidRuleError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid rule: ${problems.join('; ')}`);
    this.name = 'InvalidRuleError';
  }
}

const STOP_REASONS = ['end_turn', 'max_tokens', 'stop_sequence', 'tool_use'];
const RULE_KEYS = ['id', 'match', 'reply', 'error', 'streamError', 'drop', 'pacing', 'sequence', 'times', 'priority', 'description'];
const ANSWER_KEYS = ['reply', 'error', 'streamError', 'drop', 'pacing'];
const MATCH_KEYS = ['operation', 'model', 'prompt', 'anyMessage', 'system', 'tools', 'toolChoice', 'headers'];
const REPLY_KEYS = ['text', 'json', 'toolUse', 'reasoning', 'stopReason', 'usage'];

type Check = (problem: string) => void;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v);

function keysOf(value: unknown, path: string, allowed: string[], bad: Check): value is Record<string, unknown> {
  if (!isObject(value)) {
    bad(`${path}: must be an object, got ${kind(value)}`);
    return false;
  }
  for (const key of Object.keys(value)) if (!allowed.includes(key)) bad(`${path}.${key}: unknown field (valid: ${allowed.join(', ')})`);
  return true;
}

function textMatch(value: unknown, path: string, bad: Check) {
  if (typeof value !== 'string') return bad(`${path}: must be a string (a substring, or /regex/), got ${kind(value)}`);
  if (value.length > 1 && value.startsWith('/') && value.lastIndexOf('/') > 0) {
    try {
      new RegExp(value.slice(1, value.lastIndexOf('/')), value.slice(value.lastIndexOf('/') + 1));
    } catch (err) {
      bad(`${path}: invalid regular expression: ${(err as Error).message}`);
    }
  }
}

function count(value: unknown, path: string, bad: Check, min = 0) {
  if (value !== undefined && !(Number.isInteger(value) && (value as number) >= min)) bad(`${path}: must be an integer >= ${min}, got ${JSON.stringify(value)}`);
}
function number(value: unknown, path: string, bad: Check) {
  if (value !== undefined && !(typeof value === 'number' && Number.isFinite(value) && value >= 0)) bad(`${path}: must be a number >= 0, got ${JSON.stringify(value)}`);
}
const stringOrList = (value: unknown, path: string, bad: Check) => {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0 || list.some((v) => typeof v !== 'string')) bad(`${path}: must be a string or a list of strings`);
};

function errorName(value: unknown, path: string, bad: Check) {
  if (typeof value !== 'string' || !isErrorName(value)) bad(`${path}: unknown error ${JSON.stringify(value)} (valid: ${ERROR_NAMES.join(', ')})`);
}

function checkMatch(m: unknown, path: string, bad: Check) {
  if (!keysOf(m, path, MATCH_KEYS, bad)) return;
  if (m.operation !== undefined) stringOrList(m.operation, `${path}.operation`, bad);
  if (m.model !== undefined) textMatch(m.model, `${path}.model`, bad);
  for (const key of ['prompt', 'anyMessage', 'system', 'toolChoice'] as const) if (m[key] !== undefined) textMatch(m[key], `${path}.${key}`, bad);
  if (m.tools !== undefined) stringOrList(m.tools, `${path}.tools`, bad);
  if (m.headers !== undefined && keysOf(m.headers, `${path}.headers`, Object.keys(m.headers as object), bad)) {
    for (const [name, v] of Object.entries(m.headers)) textMatch(v, `${path}.headers.${name}`, bad);
  }
}

function checkReply(r: unknown, path: string, bad: Check) {
  if (!keysOf(r, path, REPLY_KEYS, bad)) return;
  for (const key of ['text', 'reasoning'] as const) if (r[key] !== undefined && typeof r[key] !== 'string') bad(`${path}.${key}: must be a string`);
  if (r.stopReason !== undefined && !STOP_REASONS.includes(r.stopReason as string)) bad(`${path}.stopReason: must be one of ${STOP_REASONS.join(', ')}`);
  if (r.toolUse !== undefined) {
    const calls = Array.isArray(r.toolUse) ? r.toolUse : [r.toolUse];
    if (calls.length === 0) bad(`${path}.toolUse: must not be an empty list`);
    calls.forEach((call, i) => {
      const at = Array.isArray(r.toolUse) ? `${path}.toolUse[${i}]` : `${path}.toolUse`;
      if (!keysOf(call, at, ['name', 'input'], bad)) return;
      if (typeof call.name !== 'string' || !call.name) bad(`${at}.name: must be a non-empty string`);
      if (call.input !== undefined && !isObject(call.input)) bad(`${at}.input: must be an object`);
    });
  }
  if (r.usage !== undefined && keysOf(r.usage, `${path}.usage`, ['inputTokens', 'outputTokens'], bad)) {
    count(r.usage.inputTokens, `${path}.usage.inputTokens`, bad);
    count(r.usage.outputTokens, `${path}.usage.outputTokens`, bad);
  }
}

function checkAnswer(a: Record<string, unknown>, path: string, bad: Check) {
  if (a.reply !== undefined) checkReply(a.reply, `${path}.reply`, bad);
  if (a.error !== undefined && keysOf(a.error, `${path}.error`, ['name', 'message'], bad)) {
    errorName(a.error.name, `${path}.error.name`, bad);
    if (a.error.message !== undefined && typeof a.error.message !== 'string') bad(`${path}.error.message: must be a string`);
  }
  if (a.streamError !== undefined && keysOf(a.streamError, `${path}.streamError`, ['name', 'message', 'afterEvents'], bad)) {
    if (a.streamError.name !== undefined) errorName(a.streamError.name, `${path}.streamError.name`, bad);
    if (a.streamError.message !== undefined && typeof a.streamError.message !== 'string') bad(`${path}.streamError.message: must be a string`);
    if (a.streamError.afterEvents === undefined) bad(`${path}.streamError.afterEvents: required (events before the exception frame)`);
    count(a.streamError.afterEvents, `${path}.streamError.afterEvents`, bad);
  }
  if (a.drop !== undefined && keysOf(a.drop, `${path}.drop`, ['afterEvents', 'afterBytes'], bad)) {
    count(a.drop.afterEvents, `${path}.drop.afterEvents`, bad);
    count(a.drop.afterBytes, `${path}.drop.afterBytes`, bad);
  }
  if (a.pacing !== undefined && keysOf(a.pacing, `${path}.pacing`, ['ttftMs', 'tokensPerSecond', 'jitter', 'latencyMs'], bad)) {
    for (const key of ['ttftMs', 'tokensPerSecond', 'jitter', 'latencyMs']) number(a.pacing[key], `${path}.pacing.${key}`, bad);
    if (a.pacing.tokensPerSecond === 0) bad(`${path}.pacing.tokensPerSecond: must be > 0`);
  }
}

/** The rule as given, checked; throws InvalidRuleError listing every problem with its path. */
export function validateRule(value: unknown, path = 'rule'): Rule {
  const problems: string[] = [];
  const bad: Check = (p) => void problems.push(p);
  if (keysOf(value, path, RULE_KEYS, bad)) {
    if (value.id !== undefined && (typeof value.id !== 'string' || !value.id)) bad(`${path}.id: must be a non-empty string`);
    if (value.match !== undefined) checkMatch(value.match, `${path}.match`, bad);
    checkAnswer(value, path, bad);
    if (value.sequence !== undefined) {
      if (!Array.isArray(value.sequence) || value.sequence.length === 0) bad(`${path}.sequence: must be a non-empty list of answers`);
      else value.sequence.forEach((step, i) => keysOf(step, `${path}.sequence[${i}]`, ANSWER_KEYS, bad) && checkAnswer(step, `${path}.sequence[${i}]`, bad));
      for (const key of ANSWER_KEYS) if (value[key] !== undefined) bad(`${path}.${key}: give it inside each sequence step, not beside sequence`);
    }
    count(value.times, `${path}.times`, bad, 1);
    if (value.priority !== undefined && !(typeof value.priority === 'number' && Number.isFinite(value.priority))) bad(`${path}.priority: must be a number`);
  }
  if (problems.length) throw new InvalidRuleError(problems);
  return value as Rule;
}

/** One rule or a list of them (a rules file, a POST body). */
export function validateRules(value: unknown, path = 'rules'): Rule[] {
  if (!Array.isArray(value)) return [validateRule(value, 'rule')];
  const problems: string[] = [];
  const rules = value.map((rule, i) => {
    try {
      return validateRule(rule, `${path}[${i}]`);
    } catch (err) {
      if (!(err instanceof InvalidRuleError)) throw err;
      problems.push(...err.problems);
      return undefined as unknown as Rule;
    }
  });
  if (problems.length) throw new InvalidRuleError(problems);
  return rules;
}
