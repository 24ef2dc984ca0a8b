// Builds the bin:
//   dist/bin/emulator.cjs  the program as one CommonJS file. One file in CommonJS starts measurably
//                          faster than the ESM build (no module graph to resolve and link: see
//                          conformance/bench/startup.mjs). Model families stay lazy inside it.
//   dist/bin/cli.cjs       the bin itself, emulator/bin.cjs: runs the program from V8's code cache.
//   dist/bin/emulator.<build>.v8-cache  that cache, made by running the program once (below).
// and the CommonJS entry of the package (issue 9: Jest's default setup `require`s it):
//   dist/emulator/index.cjs  startEmulator() and the rest of emulator/index.ts as one CommonJS
//                            file, beside tsc's ESM dist/emulator/index.js.
//   dist/emulator/msw.cjs    bedrock-emulator/msw (createBedrockHandlers), the same way; msw itself
//                            stays the user's (an optional peer dependency).
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { writeCodeCache } from './code-cache.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const out = here('../dist/bin/');

const result = await build({
  entryPoints: [here('./cli.ts')],
  write: false,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
  // fixtures.ts reads __filename in CommonJS and import.meta only in ESM.
  logOverride: { 'empty-import-meta': 'silent' },
  // The event-stream codec (with @smithy/core) is a dependency needed only once a stream opens:
  // required from node_modules then, it stays out of the file every start-up has to compile.
  external: ['@smithy/eventstream-codec'],
  // import() becomes require(): the bin runs the bundle as a vm.Script, which has no ESM loader.
  supported: { 'dynamic-import': false },
});
const code = result.outputFiles[0].text;

// The dependencies stay dependencies (hono and the codec ship CommonJS builds).
for (const entry of ['index', 'msw']) {
  await build({
    entryPoints: [here(`./${entry}.ts`)],
    outfile: here(`../dist/emulator/${entry}.cjs`),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
    logOverride: { 'empty-import-meta': 'silent' },
    packages: 'external',
    // import() becomes require(): Jest runs CommonJS in a vm context without an ESM loader, where
    // the lazy import() of node:http2 and of the codec fails ("dynamic import callback … without
    // --experimental-vm-modules"; conformance/control/jest.test.ts).
    supported: { 'dynamic-import': false },
  });
}
const buildId = createHash('sha256').update(code).digest('hex').slice(0, 16);

mkdirSync(out, { recursive: true });
for (const name of readdirSync(out)) if (name.endsWith('.v8-cache')) rmSync(out + name);
writeFileSync(out + 'emulator.cjs', `// build ${buildId}\n${code}`);
copyFileSync(here('./bin.cjs'), out + 'cli.cjs');
chmodSync(out + 'cli.cjs', 0o755);
await writeCodeCache(out + 'cli.cjs', `${out}emulator.${buildId}.v8-cache`);
