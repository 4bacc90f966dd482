import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = { '@shared': resolve(import.meta.dirname, 'src/shared') };

// Unit tests judge behaviour, never speed (speed is `npm run bench`'s): property tests and
// long-note tests that take 1–2 s alone must not time out on a loaded 2-core CI machine.
const timeouts = { testTimeout: 30_000, hookTimeout: 30_000 };

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
          include: [
            'src/shared/**/*.test.ts',
            'src/main/**/*.test.ts',
            'src/preload/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
        },
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
