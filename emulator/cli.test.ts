// The runnable program: the built bin prints its URL and the lines to export, logs one line per
// request, and shuts down cleanly on SIGINT and SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../dist/bin/cli.cjs', import.meta.url));
const PACKAGE = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
const AUTH = 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/us-east-1/bedrock/aws4_request, SignedHeaders=host, Signature=0';

function start(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ child: ChildProcess; url: string; stdout: () => string; stderr: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
    let out = '';
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    child.stdout!.on('data', (d) => {
      out += d;
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (url && out.includes('AWS_ENDPOINT_URL_BEDROCK=')) resolve({ child, url, stdout: () => out, stderr: () => err });
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${err}`)));
  });
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

describe.skipIf(!existsSync(BIN))('[emulator] bedrock-emulator bin (dist/bin/cli.cjs; built by npm test)', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('serves, logs a line per request and stops on %s', async (signal) => {
    const { child, url, stdout, stderr } = await start(['--port', '0', '--host', '127.0.0.1']);
    expect(stdout()).toContain(`export AWS_ENDPOINT_URL_BEDROCK_RUNTIME=${url}\n`);
    expect(stdout()).toContain(`export AWS_ENDPOINT_URL_BEDROCK=${url}\n`);
    const res = await fetch(`${url}/model/amazon.titan-text-express-v1/invoke`, {
      method: 'POST',
      headers: { authorization: AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ inputText: 'hi' }),
    });
    expect(res.status).toBe(200);
    await res.text();
    // A stream loads the event-stream codec, kept out of the bundle, on first use.
    const stream = await fetch(`${url}/model/amazon.titan-text-express-v1/invoke-with-response-stream`, {
      method: 'POST',
      headers: { authorization: AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ inputText: 'hi' }),
    });
    expect(stream.headers.get('content-type')).toBe('application/vnd.amazon.eventstream');
    const frames = new Uint8Array(await stream.arrayBuffer());
    expect(frames.length).toBeGreaterThan(100);
    expect(Buffer.from(frames).toString('latin1')).toContain(':event-type');
    const code = exited(child);
    child.kill(signal);
    expect(await code).toBe(0);
    expect(stderr()).toMatch(/^InvokeModel amazon\.titan-text-express-v1 200 \d+\.\dms$/m);
  });

  it('--version prints the package version', async () => {
    const child = spawn(process.execPath, [BIN, '--version'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    expect(await exited(child)).toBe(0);
    expect(out).toBe(`bedrock-emulator ${PACKAGE.version}\n`);
  });

  it('refuses to start on a missing --fixtures folder or a broken fixture, naming it (exit 1)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bin-fixtures-'));
    writeFileSync(join(dir, 'default.json'), JSON.stringify({ text: 'x', fault: { name: 'Throttled', message: 'm' } }));
    for (const [folder, message] of [
      ['/nonexistent/folder', '--fixtures: no such folder: /nonexistent/folder'],
      [dir, `fixture ${join(dir, 'default.json')}: $.fault.name: "Throttled" is not a Bedrock error name; valid names: ValidationException,`],
    ]) {
      const child = spawn(process.execPath, [BIN, '--port', '0', '--fixtures', folder], { stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr!.on('data', (d) => (err += d));
      expect(await exited(child)).toBe(1);
      expect(err).toContain(`bedrock-emulator: ${message}`);
    }
  });

  it('--seed N: two runs answer with the same request ids, message ids and Date', async () => {
    const run = async (seed: string) => {
      const { child, url } = await start(['--port', '0', '--seed', seed, '--log-level', 'silent']);
      const res = await fetch(`${url}/model/anthropic.claude-3-haiku-20240307-v1:0/invoke`, {
        method: 'POST',
        headers: { authorization: AUTH, 'content-type': 'application/json' },
        body: JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 10, messages: [{ role: 'user', content: 'Hi' }] }),
      });
      const body = await res.json();
      const code = exited(child);
      child.kill('SIGTERM');
      await code;
      return [res.headers.get('x-amzn-requestid'), body.id, res.headers.get('date')];
    };
    const first = await run('7');
    expect(await run('7')).toEqual(first);
    expect(first[2]).toBe('Thu, 01 Jan 2026 00:00:00 GMT');
    expect((await run('8'))[1]).not.toBe(first[1]);
  });

  it('a 4xx request is logged with its error type and message', async () => {
    const { child, url, stderr } = await start(['--port', '0']);
    const res = await fetch(`${url}/model/amazon.titan-text-express-v1/invoke`, {
      method: 'POST',
      headers: { authorization: AUTH, 'content-type': 'application/json' },
      body: '{"inputText": 1}',
    });
    expect(res.status).toBe(400);
    const type = res.headers.get('x-amzn-errortype')!.split(':')[0];
    const { message } = await res.json();
    const code = exited(child);
    child.kill('SIGTERM');
    expect(await code).toBe(0);
    expect(stderr()).toContain(`InvokeModel amazon.titan-text-express-v1 400 `);
    expect(stderr()).toMatch(new RegExp(`^InvokeModel amazon\\.titan-text-express-v1 400 \\d+\\.\\dms ${type}: .+$`, 'm'));
    expect(stderr()).toContain(`${type}: ${message}`);
  });

  it('npm start passes SIGTERM to the emulator: nothing is left running', async () => {
    const root = fileURLToPath(new URL('..', import.meta.url));
    // Its own process group, so that whatever happens the test can clean up everything it started.
    const npm = spawn('npm', ['start', '--', '--port', '0', '--log-level', 'silent'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    try {
      let out = '';
      await new Promise<void>((resolve, reject) => {
        npm.stdout!.on('data', (d) => {
          out += d;
          if (out.includes('AWS_ENDPOINT_URL_BEDROCK=')) resolve();
        });
        npm.on('exit', (code) => reject(new Error(`npm start exited ${code}`)));
      });
      const url = /listening on (http:\/\/\S+)/.exec(out)![1];
      const code = exited(npm);
      npm.kill('SIGTERM');
      await code;
      // The port is closed once the emulator itself has gone; an orphan would still answer.
      await new Promise((resolve) => setTimeout(resolve, 500));
      await expect(fetch(`${url}/foundation-models`)).rejects.toThrow();
    } finally {
      try {
        process.kill(-npm.pid!, 'SIGKILL');
      } catch {
        // The group is gone: nothing was left.
      }
    }
  });

  it('the package can be required from CommonJS (Jest\'s default setup) and imported from ESM', async () => {
    const root = fileURLToPath(new URL('..', import.meta.url));
    const script = `
      const { startEmulator } = require('bedrock-emulator');
      (async () => {
        const emulator = await startEmulator({ port: 0 });
        const res = await fetch(emulator.url + '/model/amazon.titan-text-express-v1/invoke', {
          method: 'POST', headers: { authorization: ${JSON.stringify(AUTH)}, 'content-type': 'application/json' }, body: '{"inputText": "hi"}' });
        console.log(res.status, require.resolve('bedrock-emulator'), typeof (await import('bedrock-emulator')).startEmulator);
        await emulator.close();
      })();`;
    const child = spawn(process.execPath, ['-e', script], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (err += d));
    expect(await exited(child), err).toBe(0);
    expect(out).toBe(`200 ${join(root, 'dist/emulator/index.cjs')} function\n`);
  });

  it('refuses an unknown option with the usage and exit code 2', async () => {
    const child = spawn(process.execPath, [BIN, '--nope'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    expect(await exited(child)).toBe(2);
    expect(err).toContain('unknown option --nope');
    expect(err).toContain('Usage: bedrock-emulator');
  });

  // Start-up (issue #2) is measured by `npm run bench`; these guard what it depends on.
  it('answers a first InvokeModel without loading Fetch (undici), HTTP/2, node:crypto or perf_hooks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bin-modules-'));
    const preload = join(dir, 'report-modules.cjs');
    const report = join(dir, 'modules.json');
    // What Node loaded before the bin ran (NODE_EXTRA_CA_CERTS, for one, loads node:crypto) is not the bin's doing.
    writeFileSync(preload, `const before = process.moduleLoadList.length; process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(report)}, JSON.stringify(process.moduleLoadList.slice(before))));`);
    const { child, url } = await start(['--port', '0', '--log-level', 'silent'], { ...process.env, NODE_OPTIONS: `--require ${preload}` });
    const res = await new Promise<number>((resolve, reject) => {
      const req = request(`${url}/model/amazon.titan-text-express-v1/invoke`, { method: 'POST', headers: { authorization: AUTH, 'content-type': 'application/json' } }, (r) => {
        r.resume();
        r.on('end', () => resolve(r.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end(JSON.stringify({ inputText: 'hi' }));
    });
    expect(res).toBe(200);
    const code = exited(child);
    child.kill('SIGTERM');
    expect(await code).toBe(0);
    const loaded = (JSON.parse(readFileSync(report, 'utf8')) as string[]).filter((m) => /undici|http2|internal\/crypto\/|perf_hooks/.test(m));
    expect(loaded).toEqual([]);
  });

  it('ships a V8 code cache made for exactly its bundle, which this Node accepts', () => {
    const dir = fileURLToPath(new URL('../dist/bin/', import.meta.url));
    const source = readFileSync(join(dir, 'emulator.cjs'), 'utf8');
    const build = /^\/\/ build (\w+)/.exec(source)?.[1];
    expect(build).toMatch(/^[0-9a-f]{16}$/);
    expect(readdirSync(dir).filter((f) => f.endsWith('.v8-cache'))).toEqual([`emulator.${build}.v8-cache`]);
    // The wrapper emulator/bin.cjs compiles the bundle with; any other source is rejected.
    const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
    const script = new Script(wrapped, { filename: join(dir, 'emulator.cjs'), cachedData: readFileSync(join(dir, `emulator.${build}.v8-cache`)) });
    expect(script.cachedDataRejected).toBe(false);
  });
});
