// The Dockerfile (issue 9, item 8), without Docker (no daemon runs on these machines): its steps run
// in a clean temporary folder. The package as `npm pack` makes it, unpacked, with the lock file and
// only production dependencies (`npm ci --omit=dev`), then the ENTRYPOINT with the Dockerfile's ENV
// (bound to 0.0.0.0) answers a request, and its HEALTHCHECK command runs against it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { emulatorDescribe } from '../conformance/support/markers.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DOCKERFILE = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
const AUTH = 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/us-east-1/bedrock/aws4_request, SignedHeaders=host, Signature=0';
const BUILT = existsSync(join(ROOT, 'dist/bin/cli.cjs'));

/** The final stage of the Dockerfile (after its last FROM), continuation lines joined. */
const runtimeStage = DOCKERFILE.slice(DOCKERFILE.lastIndexOf('\nFROM ')).replace(/\\\n\s*/g, ' ');
const instruction = (name: string) => [...runtimeStage.matchAll(new RegExp(`^${name} (.+)$`, 'gm'))].map((m) => m[1]);

emulatorDescribe('the Dockerfile', () => {
  const dirs: string[] = [];
  let child: ChildProcess | undefined;
  afterAll(() => {
    child?.kill('SIGKILL');
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('runs on node:20-slim as a non-root user, binds 0.0.0.0 and has a HEALTHCHECK on /_emulator/health', () => {
    expect(runtimeStage).toMatch(/^FROM node:20-slim\n/m);
    expect(instruction('USER')).toEqual(['node']);
    expect(instruction('ENV').join(' ')).toContain('BEDROCK_EMULATOR_HOST=0.0.0.0');
    expect(instruction('HEALTHCHECK')[0]).toContain('/_emulator/health');
    expect(instruction('ENTRYPOINT')).toEqual(['["node", "/app/dist/bin/cli.cjs"]']);
    expect(instruction('RUN')[0]).toContain('npm ci --omit=dev --ignore-scripts');
  });

  it.skipIf(!BUILT)('its steps, run in a clean folder, give a server that answers on 0.0.0.0', async () => {
    const work = mkdtempSync(join(tmpdir(), 'docker-steps-'));
    dirs.push(work);
    // Build stage: the package as npm would publish it (dist/ is built by `npm test`).
    const pack = spawnSync('npm', ['pack', '--ignore-scripts', '--pack-destination', work, '--json'], { cwd: ROOT, encoding: 'utf8' });
    expect(pack.status, pack.stderr).toBe(0);
    const tarball = join(work, (JSON.parse(pack.stdout) as Array<{ filename: string }>)[0].filename);
    // Run stage: unpack into /app with the lock file, production dependencies only.
    const app = join(work, 'app');
    mkdirSync(app);
    expect(spawnSync('tar', ['-xzf', tarball, '--strip-components=1', '-C', app]).status).toBe(0);
    copyFileSync(join(ROOT, 'package-lock.json'), join(app, 'package-lock.json'));
    const install = spawnSync('npm', ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: app, encoding: 'utf8' });
    expect(install.status, install.stderr).toBe(0);
    // Only the runtime dependencies: no TypeScript, no SDKs, no test tools.
    const installed = readdirSync(join(app, 'node_modules'));
    expect(installed).toContain('hono');
    expect(installed).not.toContain('typescript');
    expect(installed).not.toContain('vitest');
    expect(existsSync(join(app, 'dist/bin/cli.cjs'))).toBe(true);
    expect(existsSync(join(app, 'src'))).toBe(false);

    // ENTRYPOINT with the image's ENV (the port left to the system, to run beside other tests).
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH };
    for (const pair of instruction('ENV').join(' ').split(/\s+/)) {
      const [name, value] = pair.split('=');
      env[name] = value;
    }
    env.BEDROCK_EMULATOR_PORT = '0';
    child = spawn(process.execPath, [join(app, 'dist/bin/cli.cjs')], { cwd: app, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child!.stdout!.on('data', (d) => {
        out += d;
        const found = /listening on (http:\/\/\S+)/.exec(out)?.[1];
        if (found) resolve(found);
      });
      child!.on('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    expect(url).toMatch(/^http:\/\/0\.0\.0\.0:\d+$/);
    const port = new URL(url).port;
    // Reachable through loopback and through any other address of this machine, as a container's published port needs.
    const other = Object.values(networkInterfaces()).flat().find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
    for (const host of ['127.0.0.1', ...(other ? [other] : [])]) {
      const res = await fetch(`http://${host}:${port}/model/amazon.titan-text-express-v1/invoke`, {
        method: 'POST',
        headers: { authorization: AUTH, 'content-type': 'application/json' },
        body: '{"inputText": "hi"}',
      });
      expect(res.status).toBe(200);
      expect((await res.json()).results[0].outputText).toContain('bedrock-emulator');
    }
    // The HEALTHCHECK command as the image runs it: exit 0 exactly when /_emulator/health answers 200
    // (that route is the admin API's; until it is merged the check reports unhealthy).
    const health = await fetch(`http://127.0.0.1:${port}/_emulator/health`);
    const command = JSON.parse(/CMD (\[.+\])$/.exec(instruction('HEALTHCHECK')[0])![1]) as string[];
    expect(command.slice(0, 2)).toEqual(['node', '-e']);
    const check = spawnSync(process.execPath, command.slice(1), { env: { ...env, BEDROCK_EMULATOR_PORT: port }, encoding: 'utf8' });
    expect(check.status).toBe(health.status === 200 ? 0 : 1);
    const code = new Promise((resolve) => child!.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await code).toBe(0);
    child = undefined;
  }, 120_000);
});
