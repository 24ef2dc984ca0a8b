// Start-up benchmark (issue #2): time from spawning the process to the first answered request,
// for the emulator's bin and for a bare node:http server on the same machine, alternating runs
// so both see the same load. Prints the medians and their ratio. Target: ratio ≤ 1.3.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';

const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const bin = fileURLToPath(new URL(process.env.BENCH_BIN ?? '../../dist/bin/cli.cjs', import.meta.url));
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
const bare = [];
const emulator = [];
for (let i = 0; i < RUNS; i++) {
  bare.push(await timeToFirstAnswer(['-e', BARE]));
  emulator.push(await timeToFirstAnswer([bin, '--port', '0', '--log-level', 'silent']));
}
const [b, e] = [median(bare), median(emulator)];
console.log(`start-up to first answered request, median of ${RUNS} runs (node ${process.version}):`);
console.log(`  bare node:http server  ${b.toFixed(1)} ms`);
console.log(`  bedrock-emulator       ${e.toFixed(1)} ms`);
console.log(`  ratio                  ${(e / b).toFixed(2)}  (target ≤ 1.30)`);
