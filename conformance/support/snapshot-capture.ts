// Captures the answers of a test's SDK calls for its contract snapshot (snapshots.ts): a
// middleware on the clients target.ts builds. A JSON or error body is read whole and put back as a
// fresh stream; an event stream is passed through a tap that keeps a copy of the bytes as the SDK
// reads them, decoded after the test.
import { PassThrough, Readable } from 'node:stream';
import { expect } from 'vitest';
import { decodeEventStream, headerMap, isEventStream, withBody, type Observed } from '../replay/exchange.js';
import { AWS_TAG } from './markers-tags.js';

type Answer = () => Promise<Observed>;
/** Per test (file and full name), the answers of its SDK calls, in order. */
const answersByTest = new Map<string, Answer[]>();
const SLOT = Symbol('contractSnapshot');
const utf8 = new TextDecoder();

export const currentTest = () => {
  const { testPath, currentTestName } = expect.getState();
  return testPath && currentTestName ? { testPath, name: currentTestName, key: `${testPath}\u0000${currentTestName}` } : undefined;
};

async function readAll(body: AsyncIterable<Uint8Array> | undefined): Promise<Buffer> {
  const parts: Buffer[] = [];
  if (body) for await (const chunk of body) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts);
}

/** Watches an HTTP response: returns how to read its Observed form once the test is over. */
async function watch(response: { statusCode: number; headers: Record<string, string>; body?: any }): Promise<Answer> {
  const base: Observed = { status: response.statusCode, headers: headerMap(response.headers ?? {}) };
  if (isEventStream(base.headers.get('content-type')) && response.body) {
    const source = response.body as AsyncIterable<Uint8Array>;
    const seen: Buffer[] = [];
    let done = false;
    async function* tap() {
      for await (const chunk of source) {
        seen.push(Buffer.from(chunk));
        yield chunk;
      }
      done = true;
    }
    response.body = Readable.from(tap(), { objectMode: false });
    return async () => {
      let frames: Observed['frames'] = [];
      try {
        frames = await decodeEventStream(Buffer.concat(seen));
      } catch {
        // A stream cut mid-message: what was seen is not a whole stream anyway (incomplete below).
      }
      const observed: Observed = { ...base, frames };
      return done ? observed : { ...observed, incomplete: true };
    };
  }
  const bytes = await readAll(response.body);
  const copy = new PassThrough();
  copy.end(bytes);
  response.body = copy;
  const observed = withBody(base, utf8.decode(bytes));
  return async () => observed;
}

/**
 * Adds the snapshot middleware to a client. Only [aws] tests are watched (unless `everyTest`: the
 * mechanism's own test), so fault-injection tests see their streams untouched. The deserialize step sees every attempt's raw response; the
 * initialize step keeps only the last attempt of each call (retried throttling is not an answer).
 */
export function attachSnapshots(client: { middlewareStack: { add: (mw: any, options: any) => void } }, everyTest = false): void {
  client.middlewareStack.add(
    (next: any, context: any) => async (args: any) => {
      const test = currentTest();
      if (!test || !(everyTest || test.name.includes(AWS_TAG))) return next(args);
      const slot: { last?: Answer } = {};
      context[SLOT] = slot;
      try {
        return await next(args);
      } finally {
        if (slot.last) {
          const list = answersByTest.get(test.key) ?? [];
          list.push(slot.last);
          answersByTest.set(test.key, list);
        }
      }
    },
    { step: 'initialize', name: 'contractSnapshotCall', priority: 'high' },
  );
  client.middlewareStack.add(
    (next: any, context: any) => async (args: any) => {
      const result = await next(args);
      const slot = context[SLOT] as { last?: Answer } | undefined;
      if (slot && result?.response) slot.last = await watch(result.response);
      return result;
    },
    // Low priority: innermost in its step, so it sees the raw response before the deserializer.
    { step: 'deserialize', name: 'contractSnapshot', priority: 'low' },
  );
}

/** The answers recorded so far for the current test (and forgets them). */
export async function takeAnswers(): Promise<Observed[]> {
  const test = currentTest();
  if (!test) return [];
  const list = answersByTest.get(test.key) ?? [];
  answersByTest.delete(test.key);
  return Promise.all(list.map((a) => a()));
}
