// The package's version, read from its package.json (one level above dist/, src/ or the bin).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function packageVersion(): string {
  // The bin is a CommonJS bundle, where import.meta is empty but __filename is set.
  const here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
  for (const up of ['../package.json', '../../package.json', '../../../package.json']) {
    const file = join(dirname(here), up);
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === 'bedrock-emulator' && pkg.version) return pkg.version;
  }
  return 'unknown';
}
