import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.e2e.ts'],
    globalSetup: ['./global-setup.ts'],
    testTimeout: 90_000,
    hookTimeout: 180_000,
    // One browser flow at a time: two cores, one server, one Chromium.
    fileParallelism: false,
    reporters: process.env.MANYI_E2E_REPORT ? ['default', ['json', { outputFile: process.env.MANYI_E2E_REPORT }]] : ['default'],
  },
});
