/**
 * `tsx --tsconfig tsconfig.tools.json scripts/bench/preparePackState.ts <dir> [--entries N]`:
 * writes `<dir>/state` (a stored bench pack with its caches, as packsBench's `measure()`
 * prepares it) and an empty `<dir>/vault`, and keeps them, to profile the server alone:
 *
 *   node --cpu-prof out/main/serve.js --vault <dir>/vault --state-dir <dir>/state --port 0
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareBenchPackCaches, writeBenchPack } from './generatePack';

async function main() {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: preparePackState.ts <dir> [--entries N]');
  const at = process.argv.indexOf('--entries');
  const count = at >= 0 ? Number(process.argv[at + 1]) : 120_000;
  const stateDir = join(dir, 'state');
  mkdirSync(stateDir, { recursive: true });
  mkdirSync(join(dir, 'vault'), { recursive: true });
  writeFileSync(join(dir, 'vault', 'Scratch.md'), '# Scratch\n\nA note to type in.\n');
  writeBenchPack(stateDir, count);
  await prepareBenchPackCaches(stateDir);
  console.log(`prepared ${count} entries in ${stateDir}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
