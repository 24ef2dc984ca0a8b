#!/usr/bin/env node
// The `bedrock-emulator` bin (copied to dist/bin/cli.cjs by emulator/bundle.mjs). It runs the
// bundled program, dist/bin/emulator.cjs, from V8's code cache when the build left one that
// this Node accepts: compiling the bundle and the functions the first request needs is about a
// tenth of start-up otherwise (issue #2, `npm run bench`). Node 20 has no compile cache of its
// own (module.enableCompileCache is Node 22), hence these lines.
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { join } = require('node:path');
const { Script } = require('node:vm');

const file = join(__dirname, 'emulator.cjs');
const source = readFileSync(file, 'utf8');
// The bundle's first line names its build; a cache is only ever read for the build that made it,
// since V8 checks little more than the source length.
const build = /^\/\/ build (\w+)/.exec(source)?.[1] ?? 'unknown';
const cacheFile = join(__dirname, `emulator.${build}.v8-cache`);
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  // No cache (or an unreadable one): compile as usual.
}
// The CommonJS wrapper, as Node's own loader builds it.
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
// Set only by the build, which runs the program once and keeps what V8 compiled for the cache.
if (process.env.BEDROCK_EMULATOR_WRITE_CODE_CACHE === cacheFile) process.on('exit', () => writeFileSync(cacheFile, script.createCachedData()));
const module_ = { exports: {} };
script.runInThisContext()(module_.exports, createRequire(file), module_, file, __dirname);
