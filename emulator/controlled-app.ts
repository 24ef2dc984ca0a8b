// What startEmulator() and the MSW handlers build alike (issue 9): the settings, the rules store
// in front of the responder, the journal, the app with its admin API, and the handle a test
// scripts them through. Only how the app is served differs (a port, or MSW in-process).
import { createApp } from '../src/app.js';
import type { Control } from '../src/admin/routes.js';
import { Journal, type JournalEntry, type JournalFilter } from '../src/journal.js';
import { FixtureStore, builtinFixturesDir } from '../src/responder/fixtures.js';
import { createResponder } from '../src/responder/responder.js';
import type { Responder } from '../src/responder/types.js';
import { withRules } from '../src/responder/with-rules.js';
import { RuleStore } from '../src/rules/store.js';
import type { Rule, StoredRule } from '../src/rules/types.js';
import { DEFAULT_SETTINGS, type Runtime, type Settings } from '../src/runtime.js';
import { packageVersion } from './version.js';

export interface ControlledAppOptions extends Partial<Settings> {
  /** A folder of reply fixtures searched before the built-in ones. */
  fixtures?: string;
  /** Replaces the fixture-based responder (rules still come first). */
  responder?: Responder;
  /** Rules in force from the start (validated: throws InvalidRuleError). */
  rules?: Rule[];
}

/** Rules and journal, as a test scripts and reads them. */
export interface ControlHandle {
  rules: {
    /** Adds one rule or a list (validated: throws InvalidRuleError naming JSON paths); returns the ids. */
    add(rule: Rule | Rule[]): string[];
    list(): StoredRule[];
    /** Removes all rules, or those with the given ids. */
    clear(ids?: string[]): number;
  };
  /** The journal, oldest first. */
  requests(filter?: JournalFilter): JournalEntry[];
  clearRequests(): void;
  /** Clears rules and journal. */
  reset(): void;
}

/** The fixtures' responder (the emulator's default), for a custom responder to fall back to. */
export function defaultResponder(options: { fixtures?: string } = {}): Responder {
  return createResponder(new FixtureStore([...(options.fixtures ? [options.fixtures] : []), builtinFixturesDir()]));
}

export function controlledApp(options: ControlledAppOptions, logs: Pick<Runtime, 'log' | 'warn' | 'debug'> = {}, journal = new Journal()) {
  const settings: Settings = {
    region: options.region ?? DEFAULT_SETTINGS.region,
    accountId: options.accountId ?? DEFAULT_SETTINGS.accountId,
    customModelId: options.customModelId ?? DEFAULT_SETTINGS.customModelId,
    requireAuth: options.requireAuth ?? DEFAULT_SETTINGS.requireAuth,
    ...(options.realisticPacing ? { realisticPacing: true } : {}),
  };
  const rules = new RuleStore();
  if (options.rules) rules.add(options.rules);
  const respond = withRules(rules, options.responder ?? defaultResponder(options));
  const control: Control = { rules, journal, version: packageVersion };
  const app = createApp({ settings, respond, ...logs, control });
  const handle: ControlHandle = {
    rules: { add: (rule) => rules.add(rule), list: () => rules.list(), clear: (ids) => rules.clear(ids) },
    requests: (filter) => journal.list(filter),
    clearRequests: () => journal.clear(),
    reset: () => {
      rules.clear();
      journal.clear();
    },
  };
  return { app, rules, handle };
}
