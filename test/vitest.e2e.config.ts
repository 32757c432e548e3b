import { defineConfig } from 'vitest/config';

// End-to-end tests: the built renderer served locally, driven in Debian's Chromium.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/support/e2e-server.ts'],
    // Two cores: one browser at a time keeps timings honest and runs stable.
    fileParallelism: false,
    testTimeout: 120_000,
    // A real browser on a busy two-core machine: give polled expectations time to settle.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    hookTimeout: 60_000,
  },
});
