import { afterAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../../testing/tempDirs';
import { runCrashRounds } from './testing/crashHarness';

const dirs = tempDirs();
afterAll(() => dirs.cleanup());

describe('a crash during saves', () => {
  // 100 kills, each at a random moment after 0–3 finished saves, land in every phase of a save
  // (before the recovery copy, between it and the rename, after the rename); more rounds are
  // `npm run soak`'s job, not every CI run's (200 kills took 40 s of a quiet CI machine).
  it('leaves every note whole (old or new version) and unsaved edits in the recovery copy, over 100 kills', async () => {
    const report = await runCrashRounds({ workDir: dirs.make('crash-'), rounds: 100 });
    expect(report.violations).toEqual([]);
    expect(report.rounds).toBe(100);
    // The kills must really land inside saves, including after the recovery copy was written.
    expect(report.killedMidSave).toBeGreaterThan(75);
    expect(report.killedAfterDraft).toBeGreaterThan(10);
    expect(report.savesDone).toBeGreaterThan(100);
  }, 180_000);
});
