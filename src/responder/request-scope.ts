// What the responder may know about the request it answers, beyond the conversation: the
// operation, the model id as sent, the headers. Set at the edge (src/http/journal.ts) for the
// whole request through AsyncLocalStorage, so operations pass nothing along and know nothing of
// rules; the responder wrapper (src/rules/responder.ts) writes back which rule answered and what
// the reply was, for the journal.
import type { AsyncLocalStorage } from 'node:async_hooks';
import type { Reply } from './types.js';

export interface RequestScope {
  /** The operation's name (InvokeModel, ConverseStream, …), once routed. */
  operation(): string | undefined;
  /** The model id as the caller sent it in the path. */
  modelId(): string | undefined;
  header(name: string): string | undefined;
  /** Written by the rules wrapper: the id of the rule that answered. */
  ruleId?: string;
  /** Written by the rules wrapper: the base model the responder was asked for. */
  resolvedModelId?: string;
  /** The last reply the responder gave. */
  reply?: Reply;
  /** Written by the stream body (src/stream/response.ts): the events sent, for the journal. */
  streamEvents?: string[];
}

// node:async_hooks is fetched on the first request, not at start-up (conformance/bench).
let storage: AsyncLocalStorage<RequestScope> | undefined;
const store = () => (storage ??= new (process.getBuiltinModule('node:async_hooks').AsyncLocalStorage)<RequestScope>());

export const runInScope = <T>(scope: RequestScope, fn: () => T): T => store().run(scope, fn);

/** The request being answered, when the call comes through the HTTP edge. */
export const currentRequest = (): RequestScope | undefined => storage?.getStore();
