import { readFileSync } from 'node:fs';

/**
 * Timing a short operation on a shared machine. Where other jobs keep every core busy, a
 * thread that is ready to run waits in the kernel's run queue for its turn; an operation
 * that happens to span such a wait reads as slow though it did no more work. On the 2-core
 * machine our benchmarks run on, shared with five other jobs (load average 12–15), a save
 * of the search index took 0.4–0.6 ms at the median, and every one of the 10–22% of saves
 * over 3 ms had waited for a core for more than 1 ms (probed with the run-queue time
 * below): their p95 measured the machine's load, not the index.
 *
 * Linux counts each thread's run-queue time (`/proc/thread-self/schedstat`, its second
 * field, in nanoseconds, exact at the moment the thread reads it, since its waits are over
 * while it runs), so a timing can say how much of it was spent waiting for a core.
 */

const SCHEDSTAT = '/proc/thread-self/schedstat';
let available: boolean | null = null;

/** Milliseconds this thread has waited for a core since it started; null where the system does not say (not Linux). */
export function coreWaitMs(): number | null {
  if (available === false) return null;
  try {
    const fields = readFileSync(SCHEDSTAT, 'latin1').split(' ');
    const waited = Number(fields[1]);
    available = Number.isFinite(waited);
    return available ? waited / 1e6 : null;
  } catch {
    available = false;
    return null;
  }
}

/** One timing: the wall-clock time, and the part of it the thread waited for a core (0 where unknown). */
export interface Timed {
  wall: number;
  waited: number;
}

/**
 * Times `run`: wall clock, and how long of that the thread waited for a core. The two
 * readings of the wait lie inside the wall-clock span, so `wall - waited` never leaves out
 * time the operation itself ran (it counts the readings, about 0.05 ms, against it).
 */
export function timeRun(run: () => void): Timed {
  const start = performance.now();
  const before = coreWaitMs();
  run();
  const after = coreWaitMs();
  const wall = performance.now() - start;
  return { wall, waited: before === null || after === null ? 0 : Math.max(0, after - before) };
}
