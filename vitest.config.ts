import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: two test files at a time, each with its own embedded database.
    maxWorkers: 2,
    pool: 'forks',
    // CI sums the counts of every pass from these JSON files (see .ci/run): one report for all projects.
    reporters: process.env.MANYI_TEST_REPORT ? ['default', ['json', { outputFile: process.env.MANYI_TEST_REPORT }]] : ['default'],
    // `npx vitest run --project core` runs the pure core tests in seconds, without building a database;
    // `vitest run` runs both projects.
    projects: [
      { extends: true, test: { name: 'core', include: ['packages/core/**/*.test.ts', 'packages/text/**/*.test.ts', 'packages/contracts/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'server', include: ['packages/db/**/*.test.ts', 'apps/server/**/*.test.ts'], globalSetup: ['apps/server/test/global-setup.ts'] },
      },
    ],
  },
});
