import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** Tests run on the sources of the workspace packages; no build is needed for them. */
const alias = {
  '@veche/domain': here('./packages/domain/src/index.ts'),
  '@veche/protocol': here('./packages/protocol/src/index.ts'),
};

/**
 * One project per test tier. `scripts/test.mjs` runs them one after another, decides which
 * tiers can run here, and sums the counts.
 */
export default defineConfig({
  resolve: { alias },
  test: {
    // 2 cores: vitest's default here would be one worker.
    maxWorkers: 2,
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'domain',
          include: ['packages/domain/src/**/*.test.ts', 'packages/protocol/src/**/*.test.ts'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'web',
          include: ['packages/web/src/**/*.test.{ts,tsx}'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'tooling',
          include: ['scripts/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'storage',
          include: ['packages/server/src/storage/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'server',
          include: ['packages/server/test/**/*.test.ts', 'packages/server/src/**/*.test.ts'],
          exclude: [
            'packages/server/src/storage/**',
            'packages/server/test/postgres-restart.test.ts',
          ],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          // Restarts the machine's PostgreSQL: alone, after every other tier that uses it.
          name: 'faults',
          include: ['packages/server/test/postgres-restart.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          maxWorkers: 1,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'browser',
          include: ['e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          maxWorkers: 1,
        },
      },
    ],
  },
});
