// Issue 9 from Python: a boto3 program scripts the emulator through the admin API and gets the
// scripted answers (prompt reply, tool call, 3rd-call throttle retried by botocore, broken stream);
// the journal shows what boto3 sent. Runs with the project's .venv like conformance/python.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { emulatorDescribe } from '../support/markers.js';
import { credentials } from '../support/target.js';
import { CI, ensureVenv, exec, INSTALL_TIMEOUT, missingPython, RUN_TIMEOUT, VENV_BIN, VENV_PYTHON } from '../support/python-venv.js';

const PROGRAM = fileURLToPath(new URL('./python/control_boto3.py', import.meta.url));
const missing = missingPython();
if (missing && !CI) console.warn(`conformance/control/boto3.test.ts skipped: ${missing}`);

emulatorDescribe.skipIf(missing && !CI)('rules and journal from Python (boto3 + admin API)', () => {
  let emulator: RunningEmulator;
  let home: string;
  beforeAll(async () => {
    if (missing) throw new Error(`CI=true and ${missing}: Python with venv and pip is required on CI`);
    await ensureVenv();
    emulator = await startEmulator();
    home = mkdtempSync(join(tmpdir(), 'control-home-'));
  }, INSTALL_TIMEOUT + 20_000);
  afterAll(async () => {
    await emulator?.close();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  it('prompt reply, tool call, throttle on the 3rd call retried by botocore, stream broken after 2 events', async () => {
    const r = await exec(VENV_PYTHON, [PROGRAM], {
      env: {
        PATH: `${VENV_BIN}${delimiter}${process.env.PATH ?? ''}`,
        HOME: home,
        AWS_ENDPOINT_URL_BEDROCK_RUNTIME: emulator.url,
        AWS_DEFAULT_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: credentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      },
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout.trim().split('\n').pop()!);
    expect(out.text).toBe('Paris.');
    expect(out.toolUse).toMatchObject({ name: 'get_weather', input: { city: 'Paris' } });
    expect(out.toolStop).toBe('tool_use');
    // boto3 saw one retry, on the 3rd call.
    expect(out.counts).toEqual([0, 0, 1]);
    expect(out.events).toEqual(['messageStart', 'contentBlockDelta']);
    expect(out.streamError).toBe('modelStreamErrorException');
    expect(out.journal.map(([, status]: [string, number]) => status)).toEqual([200, 200, 200, 200, 429, 200, 200]);

    // What boto3 sent, as the journal has it: the retry repeats the throttled call's body.
    const converse = emulator.requests({ operation: 'Converse' });
    expect(converse[0].body).toEqual({ messages: [{ role: 'user', content: [{ text: 'What is the capital of France?' }] }] });
    expect(converse[0].headers['user-agent']).toMatch(/Boto3\//);
    const [throttled, retry] = converse.slice(4, 6);
    expect(throttled.errorType).toBe('ThrottlingException');
    expect(retry.body).toEqual(throttled.body);
    expect(retry.headers['amz-sdk-invocation-id']).toBe(throttled.headers['amz-sdk-invocation-id']);
  }, RUN_TIMEOUT);
});
