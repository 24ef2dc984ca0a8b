// Start-up benchmark (issue #2): time from spawning the process to the first answered request
// (an InvokeModel over HTTP/1.1), for
//   - a bare node:http server (the reference; target: emulator ≤ 1.3 × this),
//   - the emulator's bin, dist/bin/cli.cjs (BENCH_BIN=path measures another build of it).
// Runs alternate so both see the same machine load; medians are printed. The machine is noisy
// (2 cores): compare ratios from one run, not milliseconds across runs.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import http from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, process.env.BENCH_BIN ?? 'dist/bin/cli.cjs');
const BARE = `const s=require('node:http').createServer((q,r)=>{q.resume();q.on('end',()=>r.end('{}'))});
s.listen(0,'127.0.0.1',()=>console.log('listening on http://127.0.0.1:'+s.address().port))`;
const BODY = JSON.stringify({ inputText: 'hello', textGenerationConfig: { maxTokenCount: 16 } });
const AUTH = 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/us-east-1/bedrock/aws4_request, SignedHeaders=host, Signature=0';

/** Spawns `args`, waits for its "listening on URL" line, sends one InvokeModel, returns ms. */
function timeToFirstAnswer(args) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    let sent = false;
    child.stdout.on('data', (data) => {
      out += data;
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (!url || sent) return;
      sent = true;
      const req = http.request(`${url}/model/amazon.titan-text-express-v1/invoke`, { method: 'POST', headers: { authorization: AUTH, 'content-type': 'application/json' } }, (res) => {
        res.resume();
        res.on('end', () => {
          const ms = performance.now() - started;
          child.kill();
          res.statusCode === 200 ? resolve(ms) : reject(new Error(`status ${res.statusCode}`));
        });
      });
      req.on('error', reject);
      req.end(BODY);
    });
    child.on('error', reject);
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const runs = { bare: [], emulator: [] };
for (let i = 0; i < RUNS; i++) {
  runs.bare.push(await timeToFirstAnswer(['-e', BARE]));
  runs.emulator.push(await timeToFirstAnswer([bin, '--port', '0', '--log-level', 'silent']));
}
const [b, e] = [median(runs.bare), median(runs.emulator)];
console.log(`start-up to first answered request, median of ${RUNS} runs (node ${process.version}, NODE_EXTRA_CA_CERTS ${process.env.NODE_EXTRA_CA_CERTS ? 'set' : 'unset'}):`);
console.log(`  bare node:http server  ${b.toFixed(1)} ms`);
console.log(`  bedrock-emulator       ${e.toFixed(1)} ms  (${(e / b).toFixed(2)} × bare; target ≤ 1.30)`);
// The bin runs from a V8 code cache the build makes (emulator/bin.cjs); say whether there was one.
const cache = readdirSync(dirname(bin)).find((f) => f.endsWith('.v8-cache'));
console.log(`  (code cache: ${cache ?? 'none; the bin compiled as it went'})`);
