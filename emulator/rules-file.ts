// --rules FILE / startEmulator({ rulesFile }): rules read from a JSON file (one rule or a list),
// checked at start (errors name the file and the JSON path) and read again whenever the file
// changes. A reload that fails keeps the rules in force and says why in the log.
// JSON only: YAML would need a parser dependency (issue 9 asks for one only if small and kept up).
import { readFileSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { RuleStore } from '../src/rules/store.js';

function load(file: string, rules: RuleStore): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`rules file ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : (err as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new Error(`rules file ${file}: not valid JSON: ${(err as Error).message}`);
  }
  try {
    return rules.replaceFromFile(value);
  } catch (err) {
    throw new Error(`rules file ${file}: ${(err as Error).message}`);
  }
}

/** Loads the file now (throws when it is missing or invalid) and watches it; returns the watcher's closer. */
export function watchRulesFile(file: string, rules: RuleStore, log: (line: string) => void): () => void {
  const path = resolve(file);
  load(path, rules);
  let timer: NodeJS.Timeout | undefined;
  let last = readFileSync(path, 'utf8');
  const reload = () => {
    timer = undefined;
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return; // mid-replace: the next event reloads it
    }
    if (text === last) return;
    last = text;
    try {
      const ids = load(path, rules);
      log(`rules file ${path} reloaded: ${ids.length} rule(s)`);
    } catch (err) {
      log(`${(err as Error).message} (the rules in force are kept)`);
    }
  };
  // The folder is watched, not the file: editors often replace a file rather than write into it.
  const watcher: FSWatcher = watch(dirname(path), (_event, name) => {
    if (name && name !== basename(path)) return;
    clearTimeout(timer);
    timer = setTimeout(reload, 50);
  });
  watcher.unref();
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
