// The runnable program: the built bin prints its URL and the lines to export, logs one line per
// request, and shuts down cleanly on SIGINT and SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../dist/bin/cli.cjs', import.meta.url));
const AUTH = 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/us-east-1/bedrock/aws4_request, SignedHeaders=host, Signature=0';

function start(args: string[]): Promise<{ child: ChildProcess; url: string; stdout: () => string; stderr: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
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
});
