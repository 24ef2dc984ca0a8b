// Issue 9, item 5: the pytest plugin (emulator/pytest-plugin) installs with pip from a copy of its
// folder into the project's .venv and its own test suite passes there: a prompt-specific reply through
// boto3 Converse, a tool call with given arguments, a ThrottlingException on the 3rd call only with
// botocore's retry visible in the journal, the journal showing exactly what the app sent. The plugin
// starts the built bin (dist/bin/cli.cjs, found from the working directory) on a free port and must
// stop it when the session ends: the port stops answering once pytest has exited.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { emulatorDescribe } from '../support/markers.js';
import { CI, ensureVenv, exec, INSTALL_TIMEOUT, missingPython, RUN_TIMEOUT, VENV_BIN, VENV_PYTHON } from '../support/python-venv.js';

const PLUGIN = fileURLToPath(new URL('../../emulator/pytest-plugin/', import.meta.url));
const BIN = fileURLToPath(new URL('../../dist/bin/cli.cjs', import.meta.url));
const README = fileURLToPath(new URL('../../README.md', import.meta.url));
const missing = missingPython() ?? (existsSync(BIN) ? undefined : 'dist/bin/cli.cjs is missing (npm run build)');
if (missing && !CI) console.warn(`conformance/control/pytest-plugin.test.ts skipped: ${missing}`);

emulatorDescribe.skipIf(missing && !CI)('pytest plugin (pytest-bedrock-emulator)', () => {
  let work: string;
  const env = () => ({
    PATH: `${VENV_BIN}${delimiter}${process.env.PATH ?? ''}`,
    HOME: join(work, 'home'),
    PYTHONDONTWRITEBYTECODE: '1',
  });
  beforeAll(async () => {
    if (missing) throw new Error(`CI=true and ${missing}`);
    await ensureVenv();
    work = mkdtempSync(join(tmpdir(), 'pytest-plugin-'));
    // pip builds in the source folder (build/, *.egg-info): install from a copy so the checkout stays clean.
    const copy = join(work, 'pytest-plugin');
    cpSync(PLUGIN, copy, { recursive: true, filter: (src) => !/(__pycache__|\.egg-info|[\\/]build)$/.test(src) });
    const installed = await exec(VENV_PYTHON, ['-m', 'pip', 'install', '-q', copy], { env: env(), timeout: INSTALL_TIMEOUT });
    if (installed.code !== 0) throw new Error(`pip install emulator/pytest-plugin failed:\n${installed.stderr}`);
  }, 2 * INSTALL_TIMEOUT);
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('its own suite passes with boto3 (reply, tool call, 3rd-call throttle retried, journal) and the emulator stops after', async () => {
    const journal = join(work, 'requests.jsonl');
    const r = await exec(
      VENV_PYTHON,
      ['-m', 'pytest', '-v', '-p', 'no:cacheprovider', 'tests', '--bedrock-emulator-args', `--journal ${journal}`],
      { cwd: PLUGIN, env: env(), timeout: RUN_TIMEOUT },
    );
    expect(r.code, r.stdout + r.stderr).toBe(0);
    for (const name of [
      'test_prompt_specific_reply',
      'test_tool_call_with_given_arguments',
      'test_throttling_on_the_third_call_only_retried_by_boto3',
      'test_journal_shows_exactly_what_the_app_sent',
    ])
      expect(r.stdout).toMatch(new RegExp(`${name} PASSED`));
    expect(r.stdout).toMatch(/\b8 passed\b/);

    // The extra options reached the bin (--journal), and the session's one emulator is gone.
    const entries = readFileSync(journal, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(entries.filter((e) => e.status === 429).map((e) => e.errorType)).toEqual(['ThrottlingException']);
    const host = entries[0].headers.host as string;
    expect(new Set(entries.map((e) => e.headers.host))).toEqual(new Set([host]));
    await expect(fetch(`http://${host}/_emulator/health`)).rejects.toThrow();
  }, RUN_TIMEOUT);

  it('one emulator per test with --bedrock-emulator-scope=function', async () => {
    const journal = join(work, 'per-test.jsonl');
    const r = await exec(
      VENV_PYTHON,
      ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', 'tests', '--bedrock-emulator-scope=function', '--bedrock-emulator-args', `--journal ${journal}`],
      { cwd: PLUGIN, env: env(), timeout: RUN_TIMEOUT },
    );
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const hosts = new Set(readFileSync(journal, 'utf8').trim().split('\n').map((line) => JSON.parse(line).headers.host));
    // Six of the eight tests make calls, each against its own emulator on its own port.
    expect(hosts.size).toBe(6);
  }, RUN_TIMEOUT);

  it("runs the README's example (### pytest) as written, the bin named by BEDROCK_EMULATOR_BIN", async () => {
    const readme = readFileSync(README, 'utf8');
    const section = readme.slice(readme.indexOf('### pytest'), readme.indexOf('\n### ', readme.indexOf('### pytest') + 1));
    const example = /```python\n([\s\S]*?)```/.exec(section)?.[1];
    expect(example).toContain('def test_');
    const dir = join(work, 'readme-example');
    mkdirSync(dir);
    writeFileSync(join(dir, 'test_app.py'), example!);
    const r = await exec(VENV_PYTHON, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', 'test_app.py'], {
      cwd: dir,
      env: { ...env(), BEDROCK_EMULATOR_BIN: BIN },
      timeout: RUN_TIMEOUT,
    });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\b2 passed\b/);
  }, RUN_TIMEOUT);
});
