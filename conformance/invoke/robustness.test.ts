// Bad input never crashes the server, never leaks a stack trace, never answers 5xx for a client
// mistake: broken HTTP/2 and HTTP/1.1, truncated connections, and bodies of every JSON type sent
// to every runtime operation. The emulator keeps answering afterwards.
import { connect } from 'node:net';
import { expect, it } from 'vitest';
import { useEmulator } from '../support/emulator.js';
import { emulatorDescribe } from '../support/markers.js';

const t = useEmulator();
const AUTH = 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/us-east-1/bedrock/aws4_request, SignedHeaders=host, Signature=0';

/** Writes raw bytes on a fresh connection and returns what comes back within 500 ms. */
function raw(bytes: Buffer): Promise<Buffer> {
  const { hostname, port } = new URL(t.url);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = connect(Number(port), hostname, () => socket.end(bytes));
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', () => {});
    socket.on('close', () => resolve(Buffer.concat(chunks)));
    setTimeout(() => socket.destroy(), 500);
  });
}

const alive = async () => (await fetch(`${t.url}/foundation-models`, { headers: { authorization: AUTH } })).status;

emulatorDescribe('robustness', () => {
  it('answers broken connections without dying', async () => {
    const h2Garbage = await raw(Buffer.concat([Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'), Buffer.alloc(200, 0xff)]));
    // A GOAWAY frame (type 7) ends the broken HTTP/2 session.
    expect(h2Garbage.includes(Buffer.from([0x07]))).toBe(true);
    await raw(Buffer.from('P'));
    for (const request of ['GARBAGE / HTTP/9.9\r\n\r\n', 'POST /model/x.y/invoke HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999\r\n\r\n']) {
      expect((await raw(Buffer.from(request))).toString('latin1')).toMatch(/^HTTP\/1\.1 400 /);
    }
    expect(await alive()).toBe(200);
  });

  it('refuses every JSON type on every runtime operation with a 4xx and no stack trace', async () => {
    const paths = [
      '/model/amazon.titan-text-express-v1/invoke',
      '/model/us.anthropic.claude-3-7-sonnet-20250219-v1%3A0/invoke-with-response-stream',
      '/model/amazon.nova-micro-v1%3A0/converse',
      '/model/us.anthropic.claude-3-7-sonnet-20250219-v1%3A0/converse-stream',
      '/model/anthropic.claude-3-5-haiku-20241022-v1%3A0/count-tokens',
    ];
    const bodies = ['null', '[]', '123', '"text"', 'true', '{"messages":{"a":1}}', '{"inputText":{"a":1}}', '{"input":[]}', '\u0000\u00ff'];
    for (const path of paths) {
      for (const body of bodies) {
        const res = await fetch(`${t.url}${path}`, { method: 'POST', headers: { authorization: AUTH, 'content-type': 'application/json' }, body });
        const text = await res.text();
        expect(res.status, `${path} ${body}`).toBeGreaterThanOrEqual(400);
        expect(res.status, `${path} ${body}: ${text}`).toBeLessThan(500);
        expect(text).not.toMatch(/\bat .+\.(ts|js):\d+/);
      }
    }
    expect(await alive()).toBe(200);
  });
});
