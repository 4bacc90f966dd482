import { afterAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../../testing/tempDirs';
import { runCrashRounds } from './testing/crashHarness';

const dirs = tempDirs();
afterAll(() => dirs.cleanup());

describe('a crash during saves', () => {
  it('leaves every note whole (old or new version) and unsaved edits in the recovery copy, over 200 kills', async () => {
    const report = await runCrashRounds({ workDir: dirs.make('crash-'), rounds: 200 });
    expect(report.violations).toEqual([]);
    expect(report.rounds).toBe(200);
    // The kills must really land inside saves, including after the recovery copy was written.
    expect(report.killedMidSave).toBeGreaterThan(150);
    expect(report.killedAfterDraft).toBeGreaterThan(20);
    expect(report.savesDone).toBeGreaterThan(200);
  }, 180_000);
});
