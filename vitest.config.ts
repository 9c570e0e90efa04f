import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Only unit and API tests: Playwright specs in e2e/ run under `playwright test`.
    include: ['api/**/*.test.ts', 'common/**/*.test.ts', 'client/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 20_000,
  },
});
