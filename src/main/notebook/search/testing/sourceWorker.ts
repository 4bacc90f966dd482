import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

const ROOT = join(__dirname, '..', '..', '..', '..', '..');

/**
 * Starts the search worker from its TypeScript source (through tsx), so tests exercise
 * the real worker thread without a build. The product loads out/main/searchWorker.js.
 */
export function createSourceWorker(): Worker {
  const boot = `
process.env.TSX_TSCONFIG_PATH = ${JSON.stringify(join(ROOT, 'tsconfig.base.json'))};
require(require.resolve('tsx/cjs/api', { paths: [${JSON.stringify(ROOT)}] })).register();
require(${JSON.stringify(join(__dirname, '..', 'searchWorker.ts'))});
`;
  return new Worker(boot, { eval: true });
}

/** The worker built by `npm run build`, when it exists. */
export const BUILT_WORKER = join(ROOT, 'out', 'main', 'searchWorker.js');
