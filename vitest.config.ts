import { defineConfig } from 'vitest/config';

// BEDROCK_TARGET=aws talks to real Bedrock (conformance/support/target.ts): slower calls, retries on
// throttling, so each test and hook gets longer.
const aws = process.env.BEDROCK_TARGET === 'aws';

export default defineConfig({
  test: {
    // Under BEDROCK_TARGET=aws only the conformance suite runs: the unit tests under src/ and emulator/
    // are emulator-only (and exempt from markers by path, see conformance/support/marker-reporter.ts).
    include: aws ? ['conformance/**/*.test.ts'] : ['src/**/*.test.ts', 'emulator/**/*.test.ts', 'conformance/**/*.test.ts'],
    testTimeout: aws ? 120_000 : 20_000,
    hookTimeout: aws ? 120_000 : 20_000,
    // Every test must be marked [aws] or [emulator] (conformance/support/markers.ts); this fails the run otherwise.
    reporters: ['default', './conformance/support/marker-reporter.ts'],
    // The AWS SDK warns once per process that Node 20 support ends in 2027; not our concern here.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
