// Runs the Python programs of ./python/ with the project's .venv (support/python-venv.ts), as a user
// would run them: only the standard AWS configuration (programEnv(), target.ts), PATH and a
// temporary HOME. Each program prints one JSON line: what the application reads. A program runs
// once per test file and arguments, shared by an [aws] test (what holds against real Bedrock) and its
// [emulator] twin (the emulator's request log during that run: no request refused, none retried).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { emulatorDescribe } from '../support/markers.js';
import { useLoggedTarget } from '../support/target.js';
import { CI, ensureVenv, exec, INSTALL_TIMEOUT, missingPython, VENV_BIN, VENV_PYTHON } from '../support/python-venv.js';

const PROGRAMS = fileURLToPath(new URL('./python/', import.meta.url));
/** One program run: interpreter start-up and framework imports take 1-4 s of it. */
export const PROGRAM_TIMEOUT = 60_000;

export interface ProgramRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The JSON line the program printed last (undefined when it printed none). */
  output: any;
  /** The emulator's request log during the run ("Converse us.amazon.nova-lite-v1:0 200"); empty under aws. */
  requests: string[];
}

/**
 * Registers the Python suite of one test file: `name` is its describe, `body` gets `run`. Skips with
 * the reason when Python is missing, except on CI.
 */
export function describePrograms(name: string, body: (run: (program: string, ...args: string[]) => Promise<ProgramRun>) => void) {
  const missing = missingPython();
  if (missing && !CI) {
    console.warn(`${name} skipped: ${missing}`);
    emulatorDescribe(name, () => it.skip(`skipped: ${missing} (on CI this is a failure)`, () => {}));
    return;
  }
  const { t, requests: log } = useLoggedTarget();
  const runs = new Map<string, Promise<ProgramRun>>();
  let home: string;
  let queue: Promise<unknown> = Promise.resolve();

  describe(name, () => {
    beforeAll(async () => {
      if (missing) throw new Error(`CI=true and ${missing}: Python with venv and pip is required on CI`);
      await ensureVenv();
      home = mkdtempSync(join(tmpdir(), 'ecosystem-home-'));
    }, INSTALL_TIMEOUT + 20_000);
    afterAll(() => {
      if (home) rmSync(home, { recursive: true, force: true });
    });

    /** Runs a program once (later calls with the same arguments share the run), one at a time. */
    const run = (program: string, ...args: string[]): Promise<ProgramRun> => {
      const key = [program, ...args].join(' ');
      let started = runs.get(key);
      if (!started) {
        started = queue.then(async () => {
          const before = log.length;
          const env = { PATH: `${VENV_BIN}${delimiter}${process.env.PATH ?? ''}`, HOME: home, ...t.programEnv() };
          const r = await exec(VENV_PYTHON, [join(PROGRAMS, program), ...args], { cwd: home, env, timeout: PROGRAM_TIMEOUT });
          const last = r.stdout.trim().split('\n').pop() ?? '';
          let output: any;
          try {
            output = JSON.parse(last);
          } catch {
            output = undefined;
          }
          return { ...r, output, requests: log.slice(before) };
        });
        queue = started.catch(() => {});
        runs.set(key, started);
      }
      return started;
    };
    body(run);
  });
}

/** The run's output, failing with the program's stderr when it did not exit 0 with a JSON line. */
export function outputOf(r: ProgramRun): any {
  if (r.code !== 0 || r.output === undefined) throw new Error(`program exited ${r.code}; stderr:\n${r.stderr.slice(-3000)}`);
  return r.output;
}

/**
 * One part of a program's output (a model's or a scenario's, for programs that run several in one
 * process to save start-up time), failing with its error when that part raised one.
 */
export function partOf(r: ProgramRun, key: string): any {
  const part = outputOf(r)[key];
  if (part === undefined) throw new Error(`the program printed nothing for ${key}`);
  if (part.error) throw new Error(`${key}: ${part.error}`);
  return part;
}

/** The run's requests to one model (log lines name it: "Converse <modelId> 200"). */
export const requestsTo = (r: ProgramRun, modelId: string) => r.requests.filter((line) => line.split(' ')[1] === modelId);
