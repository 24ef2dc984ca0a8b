// Seed 001's AWS CLI example verbatim with AWS CLI v2 (issue 9, item 7). seeds.test.ts runs it with
// v1 from PyPI, which does not know `--cli-binary-format`; v2 does. v2 is not on PyPI; Debian's
// `awscli` package is v2 (2.9.19 in bookworm) but predates Bedrock Runtime, so, as a user of that CLI
// would, the test adds the service model with `aws configure add-model` (into a temporary HOME, so
// nothing leaks into or out of ~/.aws) and passes the endpoint with `--endpoint-url` (2.9 does not
// read AWS_ENDPOINT_URL_BEDROCK_RUNTIME; service-specific endpoint variables came with 2.13).
// Expected outcome (SEED_NOTES.md, seed 001): the response body `{"completion", "stop_reason",
// "stop"}` is written to invoke-model-output.txt, and the response metadata (contentType) printed.
//
// Needs AWS CLI v2 (`apt-get install awscli`; .ci/run installs it) and the service model at
// ../shared/reference (or BEDROCK_REFERENCE_DIR): without them this file skips with a message, except
// on CI (CI=true), where a missing CLI is a failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireModel, useLoggedTarget } from '../support/emulator.js';
import { awsIt, emulatorDescribe, emulatorIt } from '../support/markers.js';
import { CI, exec, RUN_TIMEOUT } from '../support/python-venv.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const REFERENCE = process.env.BEDROCK_REFERENCE_DIR ?? resolve(ROOT, '../shared/reference');
const SERVICE_MODEL = join(REFERENCE, 'bedrock-runtime.service-2.json');

/** The first `aws` that is version 2: Debian's package installs /usr/bin/aws. */
function findCliV2(): string | undefined {
  const candidates = ['/usr/bin/aws', '/usr/local/bin/aws', ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'aws'))];
  for (const path of candidates) {
    if (!existsSync(path)) continue;
    const r = spawnSync(path, ['--version'], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: tmpdir() } });
    if (/^aws-cli\/2\./.test(`${r.stdout}${r.stderr}`)) return path;
  }
  return undefined;
}

const CLI = findCliV2();
const missing = !CLI
  ? 'AWS CLI v2 not found (on Debian/Ubuntu: apt-get install awscli)'
  : !existsSync(SERVICE_MODEL)
    ? `service model ${SERVICE_MODEL} not found (../shared/reference, or set BEDROCK_REFERENCE_DIR)`
    : undefined;
if (missing) console.warn(`conformance/python/seeds-cli-v2.test.ts skipped: ${missing}`);
// Third-party data (the service model) missing is a skip everywhere; a missing CLI fails on CI.
const skip = missing !== undefined && (!CI || existsSync(SERVICE_MODEL) === false);
if (skip) {
  emulatorDescribe('seed 001 AWS CLI example with AWS CLI v2', () => {
    it.skip(`skipped: ${missing} (on CI a missing CLI is a failure)`, () => {});
  });
}

const { t, requests } = useLoggedTarget();

describe.skipIf(skip)('seed 001 AWS CLI example with AWS CLI v2 (Debian awscli, service model added)', () => {
  const BODY = `'{"prompt": "\\n\\nHuman: story of two dogs\\n\\nAssistant:", "max_tokens_to_sample" : 300}'`;
  // The seed's command line, its `\` continuations joined; the endpoint, when one is set, by --endpoint-url.
  const VERBATIM = `aws bedrock-runtime invoke-model --model-id anthropic.claude-v2 --body ${BODY} --cli-binary-format raw-in-base64-out invoke-model-output.txt`;
  const WITH_ENDPOINT = `${VERBATIM} \${AWS_ENDPOINT_URL_BEDROCK_RUNTIME:+--endpoint-url "$AWS_ENDPOINT_URL_BEDROCK_RUNTIME"}`;
  let home: string;
  let bin: string;

  beforeAll(async () => {
    if (missing) throw new Error(`CI=true and ${missing}: AWS CLI v2 is required on CI (.ci/run installs Debian's awscli)`);
    home = mkdtempSync(join(tmpdir(), 'cli-v2-home-'));
    // `aws` on PATH is v2 (a v1 from the project's .venv or pyenv may come first otherwise).
    bin = join(home, 'bin');
    mkdirSync(bin);
    symlinkSync(CLI!, join(bin, 'aws'));
    // As a user would run it from a checkout of this repository, the model path relative to it when it can be.
    const model = existsSync(resolve(ROOT, '../shared/reference/bedrock-runtime.service-2.json')) ? '../shared/reference/bedrock-runtime.service-2.json' : relative(ROOT, SERVICE_MODEL);
    const r = await exec('/bin/sh', ['-c', `aws configure add-model --service-model file://${model} --service-name bedrock-runtime`], { cwd: ROOT, env: env() });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(existsSync(join(home, '.aws', 'models', 'bedrock-runtime'))).toBe(true);
  }, RUN_TIMEOUT);

  afterAll(() => {
    if (home) rmSync(home, { recursive: true, force: true });
  });

  function env(): NodeJS.ProcessEnv {
    return {
      ...t.programEnv(),
      PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`,
      HOME: home,
      AWS_CONFIG_FILE: join(home, '.aws', 'config'),
      AWS_PAGER: '',
    };
  }
  const shell = (command: string, cwd: string) => exec('/bin/sh', ['-c', command], { cwd, env: env() });

  awsIt('the CLI is v2 and knows bedrock-runtime invoke-model once the model is added', async () => {
    const r = await shell('aws --version && aws bedrock-runtime invoke-model help', home);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^aws-cli\/2\./);
    expect(r.stdout).toContain('--cli-binary-format');
  }, RUN_TIMEOUT);

  /** Runs the seed's command as written; checks what both twins check; returns the file it wrote. */
  async function runVerbatim(): Promise<any> {
    const cwd = mkdtempSync(join(home, 'cwd-'));
    const r = await shell(WITH_ENDPOINT, cwd);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ contentType: 'application/json' });
    const written = JSON.parse(readFileSync(join(cwd, 'invoke-model-output.txt'), 'utf8'));
    expect(Object.keys(written)).toEqual(['completion', 'stop_reason', 'stop']);
    expect(written.completion.trim()).not.toBe('');
    return written;
  }

  awsIt('verbatim: writes a completion body to invoke-model-output.txt and prints the contentType', async () => {
    await requireModel('anthropic.claude-v2');
    await runVerbatim();
  }, RUN_TIMEOUT);

  emulatorIt('verbatim: writes the completion body to invoke-model-output.txt, stopped on the sequence, and prints the contentType', async () => {
    const before = requests.length;
    const written = await runVerbatim();
    expect(written.stop_reason).toBe('stop_sequence');
    expect(written.stop).toBe('\n\nHuman:');
    expect(requests.slice(before)).toEqual(['InvokeModel anthropic.claude-v2 200']);
  }, RUN_TIMEOUT);
});
