import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'emulator/**/*.test.ts', 'conformance/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // The AWS SDK warns once per process that Node 20 support ends in 2027; not our concern here.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
