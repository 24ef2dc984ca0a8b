// Keeps the README true: every model of the catalog is listed, every CLI option is documented,
// and CI runs the README's test command.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { USAGE } from '../emulator/config.js';
import { MODELS } from '../src/catalog/index.js';
import { KNOWN_DIFFERENCES } from './replay/known-differences.js';
import { emulatorDescribe } from './support/markers.js';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
const readme = read('README.md');

emulatorDescribe('README', () => {
  it('lists every model of the catalog, and no other', () => {
    const section = readme.slice(readme.indexOf('## Models'), readme.indexOf('\n## ', readme.indexOf('## Models') + 1));
    const listed = [...section.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual(MODELS.map((m) => m.modelId).sort());
  });

  it('lists every capture the emulator knowingly answers differently', () => {
    for (const capture of Object.keys(KNOWN_DIFFERENCES)) expect(readme, capture).toContain(`\`${capture}\``);
  });

  it('documents every command-line option', () => {
    for (const option of USAGE.match(/--[a-z-]+/g) ?? []) expect(readme, option).toContain(option);
  });

  it('names the test command that CI runs', () => {
    expect(readme).toContain('npm test ');
    expect(read('.ci/run')).toMatch(/^npm test$/m);
  });
});
