import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/api/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    setupFiles: ['test/support/testDatabaseHooks.ts'],
  },
});
