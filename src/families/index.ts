// The registry of model families: adding a family is adding a file and a line here.
import type { FamilyName } from '../catalog/types.js';
import type { Family } from './family.js';
import { titanText } from './titan-text.js';

const FAMILIES: Partial<Record<FamilyName, Family>> = {
  'titan-text': titanText,
};

export function familyFor(name: FamilyName): Family | undefined {
  return FAMILIES[name];
}
