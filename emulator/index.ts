// startEmulator(): the emulator as a value any test runner can start and stop, with its rules,
// journal and admin API (issue 9).
import { Journal, journalFileSink } from '../src/journal.js';
import type { Responder } from '../src/responder/types.js';
import type { Rule } from '../src/rules/types.js';
import type { Settings } from '../src/runtime.js';
import { controlledApp, defaultResponder, type ControlHandle } from './controlled-app.js';
import { fixClock } from '../src/clock.js';
import { seedIds } from '../src/ids.js';
import { listenDual } from './listener.js';
import { nodeHandler } from './node-handler.js';
import { watchRulesFile } from './rules-file.js';
import { packageVersion } from './version.js';

/** silent: nothing; error: only failures of the emulator or of a responder; info: also one line
 *  per request (4xx/5xx with the error type and message); debug: also request and response bodies
 *  and stacks. */
export type LogLevel = 'silent' | 'error' | 'info' | 'debug';

const LEVELS: LogLevel[] = ['silent', 'error', 'info', 'debug'];
/** The wall clock of a seeded emulator: 2026-01-01T00:00:00Z, for every timestamp it writes. */
export const SEEDED_EPOCH_MS = Date.UTC(2026, 0, 1);

export type { Conversation, Turn, Part, ToolSpec, ToolChoice, Reply, ReplyBlock, StopReason, Fault, Drop, Pacing, Responder } from '../src/responder/types.js';
export type { Rule, RuleMatch, RuleReply, RuleAnswer, RuleError, RuleStreamError, ToolCall, StoredRule } from '../src/rules/types.js';
export type { JournalEntry, JournalFilter, ReplySummary } from '../src/journal.js';
export { InvalidRuleError } from '../src/rules/validate.js';

export interface EmulatorOptions extends Partial<Settings> {
  /** 0 picks a free port. Default 0. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** A folder of reply fixtures searched before the built-in ones; read and checked at start
   *  (a missing folder or a broken file rejects startEmulator with the file and JSON path). */
  fixtures?: string;
  /** Makes ids (request, message, tool-use ids) and timestamps the same on every run. Process-wide. */
  seed?: number;
  /** Replaces the fixture-based responder (rules still come first; `defaultResponder()` gives the fixtures' one to fall back to). */
  responder?: Responder;
  /** Pace every answer at its model's published speed (time to first token, tokens/s); a Reply's
   *  own `pacing` wins. Default false: answers go out as fast as possible. */
  realisticPacing?: boolean;
  /** Default 'silent'. */
  /** Rules in force from the start (validated: throws InvalidRuleError). */
  rules?: Rule[];
  /** A JSON rules file, read at start and again whenever it changes. */
  rulesFile?: string;
  /** Appends every journal entry to this file as a JSON line. */
  journalFile?: string;
  /** Default 'error': a responder that throws is shown, nothing else. */
  logLevel?: LogLevel;
  /** Where log lines go; default stderr. */
  logger?: (line: string) => void;
}

export interface RunningEmulator extends ControlHandle {
  url: string;
  port: number;
  host: string;
  close(): Promise<void>;
}

export { defaultResponder };

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  if (options.seed !== undefined) {
    seedIds(options.seed);
    fixClock(SEEDED_EPOCH_MS);
  }
  const sink = options.logger ?? ((line: string) => process.stderr.write(`${line}\n`));
  const level = LEVELS.indexOf(options.logLevel ?? 'error');
  const logs = {
    warn: level >= 1 ? sink : undefined,
    log: level >= 2 ? sink : undefined,
    debug: level >= 3 ? sink : undefined,
  };
  const journal = new Journal(undefined, options.journalFile ? journalFileSink(options.journalFile) : undefined);
  const { app, rules, handle } = controlledApp(options, logs, journal);
  const stopWatching = options.rulesFile ? watchRulesFile(options.rulesFile, rules, sink) : undefined;
  const server = await listenDual(nodeHandler(app, logs), options.port ?? 0, host);
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${server.port}`,
    port: server.port,
    host,
    ...handle,
    close: async () => {
      stopWatching?.();
      await server.close();
    },
  };
}
export { packageVersion };
