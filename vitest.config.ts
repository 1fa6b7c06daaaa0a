import { configDefaults, defineConfig } from 'vitest/config';

interface Tier {
  readonly include: string[];
  readonly exclude: string[];
}

/**
 * Two tiers of tests. `npm run test:unit` runs inside this process: no child processes, at most
 * a local server on 127.0.0.1. `npm run test:e2e` starts the bot as users do (`npm start`, the
 * CLI, deploy-commands, shards) and drives it through the fake Discord: everything in test/e2e/.
 * test/testTiers.test.ts checks that each test file is in exactly one tier and that no unit test
 * can start a process.
 */
export const TEST_TIERS: { readonly unit: Tier; readonly e2e: Tier } = {
  unit: { include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, 'test/e2e/**'] },
  e2e: { include: ['test/e2e/**/*.test.ts'], exclude: [...configDefaults.exclude] },
};

export default defineConfig({
  test: {
    // End-to-end tests start real sockets; every wait inside them is bounded, this is the backstop.
    testTimeout: 20_000,
    hookTimeout: 20_000,
    projects: [
      {
        extends: true,
        // Unit test files share one module graph, so the shipped corpus's story and WordNet are
        // built once rather than once per file (half the tier's time); no test changes module state.
        test: { name: 'unit', ...TEST_TIERS.unit, isolate: false },
      },
      { extends: true, test: { name: 'e2e', ...TEST_TIERS.e2e } },
    ],
  },
});
