import { defineConfig } from 'vitest/config';

// Unit tests: shared/ and the main-process modules in plain Node, the repositories against
// fake-indexeddb. Fast enough to run on every change.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['test/support/unit-setup.ts'],
  },
});
