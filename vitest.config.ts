import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // SQLite files and worker threads: run files in forks so a crashing native call cannot take down the runner.
    pool: 'forks',
    maxWorkers: 2,
    fileParallelism: true,
  },
});
