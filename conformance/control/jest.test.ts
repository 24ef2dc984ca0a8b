// Issue 9: the package from Jest's default setup. Jest (a dev dependency) runs jest/bedrock.spec.cjs
// unchanged, with no configuration of ours beyond its root folder: CommonJS `require`, a rule, the
// journal. The file is named .spec.cjs so that vitest's own include pattern leaves it to Jest.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { emulatorDescribe } from '../support/markers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const JEST = fileURLToPath(new URL('../../node_modules/jest/bin/jest.js', import.meta.url));

emulatorDescribe('Jest', () => {
  it('runs a test that requires the package, scripts a rule and reads the journal', async () => {
    const child = spawn(process.execPath, [JEST, '--rootDir', 'conformance/control/jest', '--testMatch', '**/*.spec.cjs', '--ci'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code, out).toBe(0);
    expect(out).toMatch(/Tests:\s+5 passed, 5 total/);
  }, 60_000);
});
