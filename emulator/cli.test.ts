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

describe.skipIf(!existsSync(BIN))('bedrock-emulator bin (dist/bin/cli.cjs; built by npm test)', () => {
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
