import { defineConfig } from 'vitest/config';

// `npm run test:crash`: kills a real server process mid-load; apart from the ordinary suite, which it would slow.
export default defineConfig({
  test: {
    include: ['test/crash/**/*.test.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 90_000,
  },
});
