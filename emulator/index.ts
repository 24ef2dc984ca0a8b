// startEmulator(): the emulator as a value any test runner can start and stop.
import { createApp } from '../src/app.js';
import { FixtureStore, builtinFixturesDir } from '../src/responder/fixtures.js';
import { createResponder } from '../src/responder/responder.js';
import type { Responder } from '../src/responder/types.js';
import { DEFAULT_SETTINGS, type Settings } from '../src/runtime.js';
import { fixClock } from '../src/clock.js';
import { seedIds } from '../src/ids.js';
import { listenDual } from './listener.js';
import { nodeHandler } from './node-handler.js';

/** silent: nothing; error: only failures of the emulator or of a responder; info: also one line
 *  per request (4xx/5xx with the error type and message); debug: also request and response bodies
 *  and stacks. */
export type LogLevel = 'silent' | 'error' | 'info' | 'debug';

const LEVELS: LogLevel[] = ['silent', 'error', 'info', 'debug'];
/** The wall clock of a seeded emulator: 2026-01-01T00:00:00Z, for every timestamp it writes. */
export const SEEDED_EPOCH_MS = Date.UTC(2026, 0, 1);

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
  /** Replaces the fixture-based responder entirely. */
  responder?: Responder;
  /** Default 'error': a responder that throws is shown, nothing else. */
  logLevel?: LogLevel;
  /** Where log lines go; default stderr. */
  logger?: (line: string) => void;
}

export interface RunningEmulator {
  url: string;
  port: number;
  host: string;
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  const settings: Settings = {
    region: options.region ?? DEFAULT_SETTINGS.region,
    accountId: options.accountId ?? DEFAULT_SETTINGS.accountId,
    customModelId: options.customModelId ?? DEFAULT_SETTINGS.customModelId,
    requireAuth: options.requireAuth ?? DEFAULT_SETTINGS.requireAuth,
  };
  const dirs = [...(options.fixtures ? [options.fixtures] : []), builtinFixturesDir()];
  const respond = options.responder ?? createResponder(new FixtureStore(dirs));
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
  const app = createApp({ settings, respond, ...logs });
  const server = await listenDual(nodeHandler(app, logs), options.port ?? 0, host);
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return { url: `http://${shownHost}:${server.port}`, port: server.port, host, close: server.close };
}
export { packageVersion } from './version.js';
