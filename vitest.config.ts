import { defineConfig } from 'vitest/config';

/**
 * Server, seed, report and admin-provider tests. The database is built once (globalSetup) and
 * each file starts from a copy of it; files run one at a time in one worker, which on two cores
 * is the fastest arrangement measured (STACK-NOTES.md).
 */
export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'seeds/**/*.test.ts', 'reports/**/*.test.ts', 'admin/src/**/*.test.ts'],
    globalSetup: ['server/test/global-setup.ts'],
    maxWorkers: 1,
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
