// startEmulator(): the emulator as a value any test runner can start and stop.
import { createApp } from '../src/app.js';
import { FixtureStore, builtinFixturesDir } from '../src/responder/fixtures.js';
import { createResponder } from '../src/responder/responder.js';
import type { Responder } from '../src/responder/types.js';
import { DEFAULT_SETTINGS, type Settings } from '../src/runtime.js';
import { listenDual } from './listener.js';
import { nodeHandler } from './node-handler.js';

export type LogLevel = 'silent' | 'info' | 'debug';

export interface EmulatorOptions extends Partial<Settings> {
  /** 0 picks a free port. Default 0. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** A folder of reply fixtures searched before the built-in ones. */
  fixtures?: string;
  /** Replaces the fixture-based responder entirely. */
  responder?: Responder;
  /** Pace every answer at its model's published speed (time to first token, tokens/s); a Reply's
   *  own `pacing` wins. Default false: answers go out as fast as possible. */
  realisticPacing?: boolean;
  /** Default 'silent'. */
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
    ...(options.realisticPacing ? { realisticPacing: true } : {}),
  };
  const dirs = [...(options.fixtures ? [options.fixtures] : []), builtinFixturesDir()];
  const respond = options.responder ?? createResponder(new FixtureStore(dirs));
  const sink = options.logger ?? ((line: string) => process.stderr.write(`${line}\n`));
  const log = (options.logLevel ?? 'silent') === 'silent' ? undefined : sink;
  const app = createApp({ settings, respond, log });
  const server = await listenDual(nodeHandler(app, log), options.port ?? 0, host);
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return { url: `http://${shownHost}:${server.port}`, port: server.port, host, close: server.close };
}
