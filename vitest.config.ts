import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/**/*.test.ts', 'apps/server/**/*.test.ts'],
    globalSetup: ['apps/server/test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: two test files at a time, each with its own embedded database.
    maxWorkers: 2,
    pool: 'forks',
    // CI sums the counts of every pass from these JSON files (see .ci/run).
    reporters: process.env.MANYI_TEST_REPORT ? ['default', ['json', { outputFile: process.env.MANYI_TEST_REPORT }]] : ['default'],
  },
});
