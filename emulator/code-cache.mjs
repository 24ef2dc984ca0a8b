// Makes the bin's V8 code cache: runs the bin once, sends it the requests a session usually starts
// with, and lets it write what V8 compiled on exit (emulator/bin.cjs). Without a cache the bin
// still works, only compiling as it goes, so a failure here warns and does not fail the build.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';

const AUTH = 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/us-east-1/bedrock/aws4_request, SignedHeaders=host, Signature=0';
const CLAUDE = 'anthropic.claude-3-haiku-20240307-v1:0';
const CONVERSE = { messages: [{ role: 'user', content: [{ text: 'Hello' }] }], inferenceConfig: { maxTokens: 16 } };
const WARM_UP = [
  ['/model/amazon.titan-text-express-v1/invoke', { inputText: 'Hello', textGenerationConfig: { maxTokenCount: 16 } }],
  [`/model/${CLAUDE}/invoke`, { anthropic_version: 'bedrock-2023-05-31', max_tokens: 16, messages: [{ role: 'user', content: 'Hello' }] }],
  [`/model/${CLAUDE}/invoke-with-response-stream`, { anthropic_version: 'bedrock-2023-05-31', max_tokens: 16, messages: [{ role: 'user', content: 'Hello' }] }],
  [`/model/${CLAUDE}/converse`, CONVERSE],
  [`/model/${CLAUDE}/converse-stream`, CONVERSE],
  ['/model/unknown-model/invoke', {}],
];

function post(url, body) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { authorization: AUTH, 'content-type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', resolve);
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

export async function writeCodeCache(bin, cacheFile) {
  const env = { ...process.env, BEDROCK_EMULATOR_WRITE_CODE_CACHE: cacheFile };
  const child = spawn(process.execPath, [bin, '--port', '0', '--log-level', 'silent'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  try {
    const url = await new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (data) => {
        out += data;
        const found = /listening on (http:\/\/\S+)/.exec(out)?.[1];
        if (found) resolve(found);
      });
      child.on('exit', () => reject(new Error('the bin exited before listening')));
    });
    for (const [path, body] of WARM_UP) await post(url + path, body);
  } catch (err) {
    console.warn(`warning: no code cache for the bin (${err.message}); it will start a little slower`);
  }
  child.kill('SIGTERM');
  await exited;
  if (!existsSync(cacheFile)) console.warn('warning: the bin wrote no code cache; it will start a little slower');
}
