import { defineConfig } from 'vitest/config';

/** Browser tests: the built extension in Debian's Chromium, one file at a time. */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
