// Unit tests of rule matching (src/rules/match.ts) and the rule store's order, times and sequences.
import { describe, expect, it } from 'vitest';
import type { Conversation } from '../responder/types.js';
import { idMatches, lastUserText, ruleMatches, textMatches } from './match.js';
import { RuleStore } from './store.js';

const conv = (...turns: Array<[('user' | 'assistant'), string]>): Conversation => ({
  maxTokens: 10,
  messages: turns.map(([role, text]) => ({ role, content: [{ type: 'text', text }] })),
});

describe('rule matching', () => {
  it('ids: exact, glob, /regex/flags', () => {
    expect(idMatches('amazon.nova-micro-v1:0', 'amazon.nova-micro-v1:0')).toBe(true);
    expect(idMatches('amazon.nova-micro-v1:0', 'us.amazon.nova-micro-v1:0')).toBe(false);
    expect(idMatches('*.nova-*', 'us.amazon.nova-micro-v1:0')).toBe(true);
    expect(idMatches('amazon.nova-*', 'amazon.titan-text-express-v1')).toBe(false);
    expect(idMatches('/CLAUDE/i', 'anthropic.claude-v2')).toBe(true);
    expect(idMatches('a.b', 'axb')).toBe(false);
  });

  it('text: substring or /regex/', () => {
    expect(textMatches('France', 'capital of France?')).toBe(true);
    expect(textMatches('/^capital/', 'the capital')).toBe(false);
    expect(textMatches('/', 'a/b')).toBe(true);
    expect(textMatches('x', undefined)).toBe(false);
  });

  it('the prompt is the last user turn, not an earlier one nor the assistant', () => {
    const c = conv(['user', 'first question'], ['assistant', 'an answer'], ['user', 'second question']);
    expect(lastUserText(c)).toBe('second question');
    expect(ruleMatches({ prompt: 'first' }, c, 'm', undefined)).toBe(false);
    expect(ruleMatches({ anyMessage: 'an answer' }, c, 'm', undefined)).toBe(true);
    expect(ruleMatches({ operation: 'Converse' }, c, 'm', undefined)).toBe(false);
  });

  it('store: priority then insertion order; times; sequence repeats its last step', () => {
    const store = new RuleStore();
    store.add([{ id: 'a', reply: { text: 'a' } }, { id: 'b', priority: 1, times: 1, reply: { text: 'b' } }]);
    store.add({ id: 's', priority: 2, match: { prompt: 'seq' }, sequence: [{ reply: { text: '1' } }, { reply: { text: '2' } }] });
    const c = conv(['user', 'x']);
    expect([store.take(c, 'm', undefined)?.rule.id, store.take(c, 'm', undefined)?.rule.id]).toEqual(['b', 'a']);
    const s = conv(['user', 'seq']);
    expect([1, 2, 3].map(() => store.take(s, 'm', undefined)?.answer.reply?.text)).toEqual(['1', '2', '2']);
    expect(store.clear(['a'])).toBe(1);
    expect(store.list().map((r) => r.id)).toEqual(['s', 'b']);
  });
});
