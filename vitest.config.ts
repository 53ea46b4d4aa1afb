import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Browser and build tests start Chromium and Astro; give them room on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Tests that build write to their own temporary folders, so files may run in parallel,
    // but two cores cannot usefully run more than two heavy files at once.
    maxWorkers: 2,
    // Outputs carry timestamps from the sources; pin them so that golden files are stable.
    env: { SOURCE_DATE_EPOCH: '1700000000' },
  },
});
