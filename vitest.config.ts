import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'server/**/*.test.ts', 'tests/**/*.test.ts', 'app/**/*.test.ts'],
    globalSetup: ['tests/setup/global-setup.ts'],
    setupFiles: ['tests/setup/setup-test-env.ts'],
    // Browser journeys on a shared 2-core machine can take tens of seconds; a hung test still fails.
    testTimeout: 240_000,
    hookTimeout: 120_000,
    // expect.poll waits for a page to settle (a navigation, a form post); 1 s, the default, is
    // too short for a loaded 2-core machine. It still polls every 50 ms, so a fast page is fast.
    expect: { poll: { timeout: 15_000 } },
    pool: 'forks',
    // Each worker keeps its module graph between files instead of importing the whole app again
    // for every file (about 2.7 s a file, 158 files): every file still gets its own database and
    // app instance, and no file relies on module state another left behind (a full run shows it).
    isolate: false,
    reporters: process.env.CI_JSON_REPORT ? ['default', ['json', { outputFile: process.env.CI_JSON_REPORT }]] : ['default'],
  },
});
