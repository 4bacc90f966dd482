/**
 * The long crash soak (not run in CI): SIGKILLs a saving backend 1,000 times (or the
 * number given) and checks after every kill that each note is whole and unsaved edits
 * are in the recovery copy. Prints a summary for the README's reliability section.
 *
 *   npx tsx --tsconfig tsconfig.tools.json scripts/soakCrashes.ts [rounds]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCrashRounds } from '../src/main/notebook/vault/testing/crashHarness';

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 1000);
  const workDir = mkdtempSync(join(tmpdir(), 'sn-soak-'));
  const started = performance.now();
  try {
    const report = await runCrashRounds({
      workDir,
      rounds,
      onRound: (round) => {
        if ((round + 1) % 100 === 0) process.stdout.write(`  ${round + 1} kills…\n`);
      },
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    console.log(`Crash soak: ${report.rounds} SIGKILLs in ${seconds} s`);
    console.log(`  saves completed between kills: ${report.savesDone}`);
    console.log(`  kills during a save:           ${report.killedMidSave}`);
    console.log(`  kills after the recovery copy: ${report.killedAfterDraft}`);
    console.log(`  violations:                    ${report.violations.length}`);
    for (const violation of report.violations.slice(0, 20)) console.log(`    ${violation}`);
    process.exitCode = report.violations.length === 0 ? 0 : 1;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

void main();
