// What a run would cost against real Bedrock (conformance/README.md, "What a run costs"), measured
// on the emulator. With CONFORMANCE_COST_REPORT=/path/file.jsonl, every emulator the suite starts
// wraps its responder so that each request a model answers appends one line:
//   {"test":"<vitest full name>","file":"conformance/…","model":"<base model id>","maxTokens":N,"inputTokens":N}
// maxTokens is the output limit in force: the request's, else the model's default (Conversation.maxTokens);
// inputTokens is the emulator's estimate of the input (what its usage reports).
// The emulator runs in the test's own worker, so the current test is the one that sent the request.
// conformance/bench/aws-cost.mjs sums the file up (only the [aws] tests count there).
import { appendFileSync } from 'node:fs';
import { relative } from 'node:path';
import { expect } from 'vitest';
import type { EmulatorOptions } from '../../emulator/index.js';
import { builtinFixturesDir, FixtureStore } from '../../src/responder/fixtures.js';
import { createResponder } from '../../src/responder/responder.js';
import { conversationTokens } from '../../src/responder/tokens.js';
import type { Responder } from '../../src/responder/types.js';

const REPORT = process.env.CONFORMANCE_COST_REPORT;

/**
 * CountTokens with an invokeModel body reads it through the model's family, which asks the
 * responder; Bedrock runs no model for it and charges nothing. Its handler is on the call stack.
 */
const fromCountTokens = () => /[\\/]operations[\\/]count-tokens\.[jt]s/.test(new Error().stack ?? '');

/** `options` with a recording responder when CONFORMANCE_COST_REPORT is set; as given otherwise. */
export function withCostReport(options: EmulatorOptions): EmulatorOptions {
  if (!REPORT) return options;
  // The responder startEmulator would build itself (emulator/index.ts), unless the test brings one.
  const dirs = [...(options.fixtures ? [options.fixtures] : []), builtinFixturesDir()];
  const inner: Responder = options.responder ?? createResponder(new FixtureStore(dirs));
  const responder: Responder = (conversation, modelId) => {
    if (!fromCountTokens()) {
      const { currentTestName, testPath } = expect.getState();
      const file = testPath ? relative(process.cwd(), testPath) : undefined;
      const line = { test: currentTestName ?? null, file, model: modelId, maxTokens: conversation.maxTokens, inputTokens: conversationTokens(conversation) };
      appendFileSync(REPORT, `${JSON.stringify(line)}\n`);
    }
    return inner(conversation, modelId);
  };
  return { ...options, responder };
}
