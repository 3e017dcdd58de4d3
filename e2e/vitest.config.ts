import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.e2e.ts'],
    globalSetup: ['./global-setup.ts'],
    testTimeout: 90_000,
    hookTimeout: 180_000,
    // expect.poll waits on a server round trip and a re-render: its default second is too short on a loaded machine
    // (a full CI run once saw an action's completion land after it).
    expect: { poll: { timeout: 15_000 } },
    // One browser flow at a time: two cores, one server, one Chromium.
    fileParallelism: false,
    reporters: process.env.MANYI_E2E_REPORT ? ['default', ['json', { outputFile: process.env.MANYI_E2E_REPORT }]] : ['default'],
  },
});
