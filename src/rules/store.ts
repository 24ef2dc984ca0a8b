// The rules in force: added from the API or startEmulator, or loaded from a --rules file (a
// reload replaces the file's rules only). The first matching rule wins: highest priority, then
// the order added.
import type { Conversation } from '../responder/types.js';
import type { RequestScope } from '../responder/request-scope.js';
import { ruleMatches } from './match.js';
import type { Rule, RuleAnswer, StoredRule } from './types.js';
import { validateRules } from './validate.js';

export class RuleStore {
  private rules: StoredRule[] = [];
  private nextId = 1;

  /** Validates (throws InvalidRuleError naming JSON paths) and adds; returns the ids. */
  add(rules: unknown, source: StoredRule['source'] = 'api'): string[] {
    const checked = validateRules(rules);
    const stored = checked.map((rule) => ({ ...rule, id: rule.id ?? `rule-${this.nextId++}`, source, calls: 0 }));
    this.rules.push(...stored);
    return stored.map((r) => r.id);
  }

  /** The rules of a rules file, replacing those it gave before; validated first, so a broken file changes nothing. */
  replaceFromFile(rules: unknown): string[] {
    validateRules(rules);
    this.rules = this.rules.filter((r) => r.source !== 'file');
    return this.add(rules, 'file');
  }

  list(): StoredRule[] {
    return this.ordered().map((r) => ({ ...r }));
  }

  /** Removes every rule, or those whose ids are given; returns how many went. */
  clear(ids?: string[]): number {
    const before = this.rules.length;
    this.rules = ids ? this.rules.filter((r) => !ids.includes(r.id)) : [];
    return before - this.rules.length;
  }

  get size(): number {
    return this.rules.length;
  }

  private ordered(): StoredRule[] {
    // Array.prototype.sort is stable: equal priorities keep the order added.
    return [...this.rules].sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0));
  }

  /** The first rule that matches and still has calls left, counted as used, with the answer for this call. */
  take(conv: Conversation, modelId: string, scope: RequestScope | undefined): { rule: StoredRule; answer: RuleAnswer } | undefined {
    for (const rule of this.ordered()) {
      if (rule.times !== undefined && rule.calls >= rule.times) continue;
      if (!ruleMatches(rule.match, conv, modelId, scope)) continue;
      const call = rule.calls++;
      const answer = rule.sequence ? rule.sequence[Math.min(call, rule.sequence.length - 1)] : rule;
      return { rule, answer };
    }
    return undefined;
  }
}

export type { Rule };
