// The project-local Python environment of the conformance suite: `.venv` at the repository root, with
// the packages of conformance/python/requirements.txt from PyPI. Created and installed on first use,
// reinstalled when requirements.txt changes (the installed copy is kept as .venv/.requirements), shared
// by every test file that runs Python programs (the seeds, the ecosystem tests). A lock directory keeps
// two test files, or two runs in the same checkout, from installing at once.
//
// Python is needed: without python3 or its venv/pip the files that use it skip with a message naming
// what is missing, except on CI (CI=true), where that is a failure.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const REQUIREMENTS = fileURLToPath(new URL('../python/requirements.txt', import.meta.url));
export const VENV = join(ROOT, '.venv');
export const VENV_BIN = join(VENV, process.platform === 'win32' ? 'Scripts' : 'bin');
export const VENV_PYTHON = join(VENV_BIN, 'python');
const INSTALLED = join(VENV, '.requirements');
export const CI = process.env.CI === 'true';
/**
 * Creating the venv and installing everything from PyPI: ~50 s measured (boto3, awscli and the four
 * frameworks with their dependencies, ~120 packages); allow 6 minutes for a slow link.
 */
export const INSTALL_TIMEOUT = 360_000;
/** Default limit for one program run. */
export const RUN_TIMEOUT = 60_000;

const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: 'utf8', timeout: 30_000 });
const wanted = () => readFileSync(REQUIREMENTS, 'utf8');

/** The venv is usable as it is: its python runs and what is installed is what requirements.txt lists. */
export const venvReady = () => existsSync(VENV_PYTHON) && existsSync(INSTALLED) && readFileSync(INSTALLED, 'utf8') === wanted();

/** What is missing to build the venv, or undefined when nothing is. */
export function missingPython(): string | undefined {
  if (venvReady()) return undefined;
  if (existsSync(VENV_PYTHON) && run(VENV_PYTHON, ['-m', 'pip', '--version']).status === 0) return undefined;
  if (run('python3', ['--version']).status !== 0) return 'python3 is not on PATH';
  if (run('python3', ['-c', 'import venv, ensurepip']).status !== 0)
    return 'python3 has no venv/pip (python3 -m venv cannot install pip; on Debian/Ubuntu: apt install python3-venv)';
  return undefined;
}

/** Runs a program to its end, collecting its output; kills it after `timeout` ms. */
export function exec(cmd: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeout?: number } = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeout ?? RUN_TIMEOUT);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Creates .venv and installs requirements.txt when needed; reuses it afterwards. */
export async function ensureVenv(): Promise<void> {
  if (venvReady()) return;
  mkdirSync(VENV, { recursive: true });
  const lock = join(VENV, '.install-lock');
  const deadline = Date.now() + INSTALL_TIMEOUT - 10_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (err: any) {
      if (err.code !== 'EEXIST') throw err;
      if (venvReady()) return;
      if (Date.now() - statSync(lock).mtimeMs > INSTALL_TIMEOUT) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`another run holds ${lock}; remove it if no install is running`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try {
    if (venvReady()) return;
    if (!existsSync(VENV_PYTHON)) {
      const created = await exec('python3', ['-m', 'venv', VENV], { timeout: INSTALL_TIMEOUT });
      if (created.code !== 0) throw new Error(`python3 -m venv .venv failed:\n${created.stderr}`);
    }
    const requirements = wanted();
    const installed = await exec(VENV_PYTHON, ['-m', 'pip', 'install', '-q', '-r', REQUIREMENTS], { timeout: INSTALL_TIMEOUT });
    if (installed.code !== 0) throw new Error(`pip install -r conformance/python/requirements.txt failed:\n${installed.stderr}`);
    writeFileSync(INSTALLED, requirements);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
