// The registry of model families: one module per family, each loaded on first use so none of
// them sits on the start-up path. Adding a family is adding its file and its line here.
import type { FamilyName } from '../catalog/types.js';
import type { Family } from './family.js';

type Loader = () => Promise<{ default: Family }>;

const LOADERS: Record<FamilyName, Loader> = {
  'anthropic-messages': () => import('./anthropic-messages.js'),
  'anthropic-text': () => import('./anthropic-text.js'),
  'titan-text': () => import('./titan-text.js'),
  'titan-embed': () => import('./titan-embed.js'),
  'nova-embed': () => import('./nova-embed.js'),
  nova: () => import('./nova.js'),
  llama: () => import('./llama.js'),
  'mistral-text': () => import('./mistral-text.js'),
  'mistral-chat': () => import('./mistral-chat.js'),
  'cohere-command': () => import('./cohere-command.js'),
  'cohere-command-r': () => import('./cohere-command-r.js'),
  'cohere-embed': () => import('./cohere-embed.js'),
  'cohere-rerank': () => import('./cohere-rerank.js'),
  'ai21-j2': () => import('./ai21-j2.js'),
  'ai21-jamba': () => import('./ai21-jamba.js'),
  deepseek: () => import('./deepseek.js'),
  openai: () => import('./openai.js'),
  palmyra: () => import('./palmyra.js'),
  'sagemaker-completions': () => import('./sagemaker-completions.js'),
};

const loaded = new Map<FamilyName, Promise<Family>>();

export function familyFor(name: FamilyName): Promise<Family> {
  let family = loaded.get(name);
  if (!family) {
    family = LOADERS[name]().then((module) => module.default);
    loaded.set(name, family);
  }
  return family;
}
