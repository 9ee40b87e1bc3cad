import { defineConfig } from 'vitest/config';

/** Browser tests: the built admin served by the real server, driven in Debian's Chromium. */
export default defineConfig({
    test: {
        root: new URL('../..', import.meta.url).pathname,
        include: ['admin/e2e/**/*.e2e.test.ts'],
        globalSetup: ['admin/e2e/global-setup.ts'],
        maxWorkers: 1,
        isolate: false,
        testTimeout: 90_000,
        hookTimeout: 120_000,
    },
});
