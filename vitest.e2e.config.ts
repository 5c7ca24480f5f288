import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Browser tests: the built extension in Debian's Chromium, one file at a time. */
export default defineConfig({
  // Browser tests may use the project's pure modules (the sample world's tickets, say).
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    // A file's setup starts a browser and often loads the sample data (harness.ts gives that 90 s).
    hookTimeout: 150_000,
    // expect.poll gives up after 1 s by default: on CI's shared machine (load average 30 and
    // more) an import or a worker restart can take longer than that and still be right. A poll
    // ends as soon as its assertion holds, so a longer limit costs nothing when things work.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    fileParallelism: false,
    pool: 'forks',
  },
});
