import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

export default defineConfig({
  // WxtVitest does not apply the Preact plugin from wxt.config, so it is added here too.
  plugins: [WxtVitest(), preact()],
  test: {
    environment: 'happy-dom',
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/unit/setup.ts'],
    globals: true,
    // A few tests compare against a brute-force oracle or commit many chunks: a second or two
    // on a quiet machine, but CI's machine is shared and can be ten times slower. A timeout
    // there says nothing about correctness (the bench reports speed), so it is generous.
    testTimeout: 60_000,
  },
});
