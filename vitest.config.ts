import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests start real sockets; every wait inside them is bounded, this is the backstop.
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
