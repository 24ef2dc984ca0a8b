// Every test is marked, through the describe it sits in, as validated against AWS or emulator-only.
//
//   awsDescribe(name, fn)       "[aws] name": its assertions hold against real Bedrock (shapes, key
//                               order, event order, error types and messages from evidence). Runs on
//                               both targets; under BEDROCK_TARGET=aws its tests skip with the reason
//                               when there are no credentials or no region.
//   emulatorDescribe(name, fn)  "[emulator] name": fault injection, fixtures, catalog quirks, the
//                               emulator's canned text and token estimates, raw HTTP to its URL,
//                               request logs, the bin, the README, the capture replay, unit tests.
//                               Under BEDROCK_TARGET=aws it is describe.skip, the reason in its title.
//
// Where one describe mixes both, mark its tests one by one instead: awsIt / emulatorIt (and .each)
// prefix the test title the same way. Markers may sit at any depth. marker-reporter.ts fails the run when a collected test has neither tag
// in its full name (or has both).
import { beforeAll, beforeEach, describe, it, TestRunner } from 'vitest';
import { AWS_TAG, EMULATOR_TAG } from './markers-tags.js';
import { awsSkipReason, preflight, TARGET } from './target.js';

export { AWS_TAG, EMULATOR_TAG };
const EMULATOR_ONLY = ' (emulator-only: skipped under BEDROCK_TARGET=aws)';

type Body = (...args: any[]) => void;

function awsBody(fn: Body): Body {
  return (...args) => {
    beforeAll(async () => {
      await preflight();
    });
    beforeEach(async (ctx) => {
      const reason = await awsSkipReason();
      if (reason) ctx.skip(reason);
    });
    fn(...args);
  };
}

export type DescribeEach = typeof describe.each;
export type ItEach = typeof it.each;
type Marked<Each> = ((name: string, fn: () => void) => void) & { each: Each };
type SkipIf = (condition: unknown) => (name: string, fn: () => void) => void;

/** A describe whose tests are validated against AWS (with .each, as describe.each). */
export const awsDescribe: Marked<DescribeEach> = Object.assign((name: string, fn: () => void) => describe(AWS_TAG + name, awsBody(fn)), {
  each: ((cases: any) => (name: string, fn: Body) => describe.each(cases)(AWS_TAG + name, awsBody(fn))) as unknown as DescribeEach,
});

const emulatorSuite = () => (TARGET === 'aws' ? describe.skip : describe);
const emulatorName = (name: string) => EMULATOR_TAG + name + (TARGET === 'aws' ? EMULATOR_ONLY : '');

/** A describe whose tests hold only against the emulator (with .each and .skipIf, as describe's). */
export const emulatorDescribe: Marked<DescribeEach> & { skipIf: SkipIf } = Object.assign((name: string, fn: () => void) => emulatorSuite()(emulatorName(name), fn), {
  each: ((cases: any) => (name: string, fn: Body) => emulatorSuite().each(cases)(emulatorName(name), fn)) as unknown as DescribeEach,
  skipIf: ((condition: unknown) => (name: string, fn: () => void) => (condition ? describe.skip : emulatorSuite())(emulatorName(name), fn)) as SkipIf,
});

type TestFn = (...args: any[]) => any;

/** Wraps an AWS-validated test so that it skips, with the reason, when AWS cannot be reached. */
function awsTest(fn: TestFn): TestFn {
  return async (...args) => {
    const reason = await awsSkipReason();
    if (reason) TestRunner.getCurrentTest()!.context.skip(reason);
    return fn(...args);
  };
}

/** One test validated against AWS, in a describe that is not marked (with .each, as it.each). */
export const awsIt: ((name: string, fn: TestFn, timeout?: number) => void) & { each: ItEach } = Object.assign(
  (name: string, fn: TestFn, timeout?: number) => it(AWS_TAG + name, awsTest(fn), timeout),
  { each: ((cases: any) => (name: string, fn: TestFn) => it.each(cases)(AWS_TAG + name, awsTest(fn))) as unknown as ItEach },
);

const emulatorTest = () => (TARGET === 'aws' ? it.skip : it);

/** One emulator-only test, in a describe that is not marked (with .each, as it.each). */
export const emulatorIt: ((name: string, fn: TestFn, timeout?: number) => void) & { each: ItEach } = Object.assign(
  (name: string, fn: TestFn, timeout?: number) => emulatorTest()(emulatorName(name), fn, timeout),
  { each: ((cases: any) => (name: string, fn: TestFn) => emulatorTest().each(cases)(emulatorName(name), fn)) as unknown as ItEach },
);
