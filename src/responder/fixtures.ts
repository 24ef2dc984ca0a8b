// Canned replies: what each model says, as plain JSON under fixtures/ (or a user's --fixtures
// directory, searched first). A model's reply comes from the first file found of
// `<modelId with ':' as '_'>.json`, `<provider prefix>.json`, `default.json`.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Drop, Fault, Pacing } from './types.js';

export interface CannedReply {
  text: string;
  /** What reasoning models "think" before answering. */
  reasoning?: string;
  /** Text the model writes before a tool call (Claude and Nova do, per the tool-use captures). */
  toolPreamble?: string;
  /** Makes every call to the model fail as scripted (see README, "Scripting failures"). */
  fault?: Fault;
  /** Paces every answer of the model (README, "Pacing and dropped connections"). */
  pacing?: Pacing;
  /** Cuts every answer's connection as scripted. */
  drop?: Drop;
}

/** The fixtures/ folder of this package, from src/ (tests), dist/src/ or the dist/bin bundle. */
export function builtinFixturesDir(): string {
  // The bin is a CommonJS bundle (start-up time), where import.meta is empty but __filename is set.
  const here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
  for (const up of ['../../fixtures', '../../../fixtures']) {
    const dir = join(dirname(here), up);
    if (existsSync(join(dir, 'default.json'))) return dir;
  }
  throw new Error('bedrock-emulator: the built-in fixtures/ folder is missing');
}

export class FixtureStore {
  private readonly cache = new Map<string, CannedReply>();
  constructor(private readonly dirs: string[]) {}

  replyFor(modelId: string): CannedReply {
    let reply = this.cache.get(modelId);
    if (!reply) {
      reply = this.load(modelId);
      this.cache.set(modelId, reply);
    }
    return reply;
  }

  private load(modelId: string): CannedReply {
    const names = [`${modelId.replaceAll(':', '_')}.json`, `${modelId.split('.')[0]}.json`, 'default.json'];
    for (const name of names) {
      for (const dir of this.dirs) {
        const file = join(dir, name);
        if (!existsSync(file)) continue;
        const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<CannedReply>;
        if (typeof data.text !== 'string') throw new Error(`fixture ${file}: "text" must be a string`);
        return {
          text: data.text,
          reasoning: typeof data.reasoning === 'string' ? data.reasoning : undefined,
          toolPreamble: typeof data.toolPreamble === 'string' ? data.toolPreamble : undefined,
          fault: data.fault,
          pacing: data.pacing,
          drop: data.drop,
        };
      }
    }
    throw new Error(`no fixture for ${modelId} and no default.json in ${this.dirs.join(', ')}`);
  }
}
