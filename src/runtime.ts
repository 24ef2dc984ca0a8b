// What every operation needs to answer a request: the settings of this emulator instance and
// the responder that decides what models say.
import type { Control } from './admin/routes.js';
import type { Responder } from './responder/types.js';

export interface Settings {
  /** Region used in ARNs when the request's SigV4 scope names none. */
  region: string;
  /** Account id in ARNs the emulator makes up (inference profiles). */
  accountId: string;
  /** Base model that provisioned, custom, imported and application-profile ARNs stand for. */
  customModelId: string;
  /** Refuse requests without an Authorization header, as Bedrock does. */
  requireAuth: boolean;
  /** Pace every answer at the model's published speed (src/catalog/latency.ts) unless its Reply says otherwise. */
  realisticPacing?: boolean;
}

export interface Runtime {
  settings: Settings;
  respond: Responder;
  /** One log line per request; silent when undefined. */
  log?: (line: string) => void;
  /** Failures of the emulator or of a responder: shown at every level but silent (issue 9). */
  warn?: (line: string) => void;
  /** Request and response bodies, stacks: `--log-level debug` only. */
  debug?: (line: string) => void;
  /** Rules and journal (issue 9): the admin API and the journal are mounted when set. */
  control?: Control;
}

export const DEFAULT_SETTINGS: Settings = {
  region: 'us-east-1',
  accountId: '123456789012',
  customModelId: 'anthropic.claude-3-haiku-20240307-v1:0',
  requireAuth: true,
};
