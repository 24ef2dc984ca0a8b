// Fails the run when a collected test is not marked: its full name (describe titles included) must
// carry exactly one of the tags that markers.ts puts on describe titles. Registered in vitest.config.ts.
// Vitest reports an error thrown here as an "Unhandled Reporter Error" and exits non-zero.
//
// Exempt by path: the unit tests under src/ and emulator/ (emulator/cli.test.ts spawns the bin). They
// are emulator-only by nature, the project keeps them free of the conformance helpers, and
// vitest.config.ts leaves them out of BEDROCK_TARGET=aws runs altogether.
import { relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';
import { AWS_TAG, EMULATOR_TAG } from './markers-tags.js';

export const UNIT_TEST_DIRS = ['src/', 'emulator/'];

export default class MarkerReporter implements Reporter {
  onTestModuleCollected(testModule: TestModule): void {
    const path = relative(testModule.project.config.root, testModule.moduleId).replaceAll('\\', '/');
    if (UNIT_TEST_DIRS.some((dir) => path.startsWith(dir))) return;
    const unmarked: string[] = [];
    for (const test of testModule.children.allTests()) {
      const aws = test.fullName.includes(AWS_TAG);
      const emulator = test.fullName.includes(EMULATOR_TAG);
      if (aws === emulator) unmarked.push(`  ${aws ? 'both markers' : 'no marker'}: ${test.fullName}`);
    }
    if (unmarked.length) {
      throw new Error(
        `${testModule.moduleId}: ${unmarked.length} test(s) without exactly one marker ` +
          `(wrap them in awsDescribe or emulatorDescribe from conformance/support/markers.ts):\n${unmarked.join('\n')}`,
      );
    }
  }

  /** Under BEDROCK_TARGET=aws, says once why [aws] tests were skipped (no credentials, a model missing). */
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const reasons = new Map<string, number>();
    for (const testModule of testModules) {
      for (const test of testModule.children.allTests()) {
        const result = test.result();
        if (result.state !== 'skipped' || !result.note || !test.fullName.includes(AWS_TAG)) continue;
        reasons.set(result.note, (reasons.get(result.note) ?? 0) + 1);
      }
    }
    for (const [note, count] of reasons) process.stderr.write(`\n${count} [aws] test(s) skipped: ${note}\n`);
  }
}
