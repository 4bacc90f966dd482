import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = { '@shared': resolve(import.meta.dirname, 'src/shared') };

// Unit tests judge behaviour, never speed (speed is `npm run bench`'s): property tests and
// long-note tests that take 1–2 s alone must not time out on a loaded 2-core CI machine.
const timeouts = { testTimeout: 30_000, hookTimeout: 30_000 };

/**
 * Node tests that mock modules (Electron's, mostly; elsewhere named `*.isolated.test.ts`):
 * each file needs its own module cache.
 */
const ISOLATED = ['src/main/electron/**/*.test.ts', 'src/preload/**/*.test.ts', 'src/main/**/*.isolated.test.ts'];

export default defineConfig({
  resolve: { alias },
  test: {
    ...timeouts,
    // Vitest's default is one worker fewer than the cores: one worker on these 2-core machines,
    // with the other core idle while a test waits on files, child processes or timers.
    maxWorkers: 2,
    projects: [
      {
        resolve: { alias },
        test: {
          ...timeouts,
          name: 'node',
          environment: 'node',
          include: ['src/shared/**/*.test.ts', 'src/main/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: [...ISOLATED],
          // Files share their worker's module cache instead of each re-importing the code it
          // needs: two fifths less CPU for the same tests. A test file that mocks a module
          // (`vi.mock`) would leak it into the next, so those run isolated, below.
          isolate: false,
        },
      },
      {
        resolve: { alias },
        test: { ...timeouts, name: 'node-isolated', environment: 'node', include: [...ISOLATED] },
      },
      {
        resolve: { alias },
        test: {
          ...timeouts,
          name: 'dom',
          environment: 'jsdom',
          include: ['src/renderer/**/*.test.ts', 'src/renderer/**/*.test.tsx'],
        },
      },
    ],
  },
});
