// Builds the bin: one CommonJS file, dist/bin/cli.cjs, that `node` runs directly. One file in
// CommonJS starts measurably faster than the ESM build (no module graph to resolve and link):
// see conformance/bench/startup.mjs. Model families stay lazy inside it (esbuild wraps them).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

await build({
  entryPoints: [here('./cli.ts')],
  outfile: here('../dist/bin/cli.cjs'),
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
});
