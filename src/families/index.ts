// The registry of model families: one module per family, `src/families/<FamilyName>.ts`, whose
// default export is its Family. Adding a family is adding that file (and its FamilyName).
// Modules load on first use, which keeps them all off the start-up path.
import type { FamilyName } from '../catalog/types.js';
import type { Family } from './family.js';

const loaded = new Map<FamilyName, Promise<Family>>();

export function familyFor(name: FamilyName): Promise<Family> {
  let family = loaded.get(name);
  if (!family) {
    family = import(`./${name}.js`).then((module: { default: Family }) => module.default);
    loaded.set(name, family);
  }
  return family;
}
