import { afterEach, describe, expect, it, vi } from 'vitest';
import { CacheWriter } from './CacheWriter';

afterEach(() => vi.useRealTimers());

function writer(options: { trailing?: boolean; maxWaitMs?: number; retryFailed?: boolean; fail?: boolean } = {}) {
  const writes: number[] = [];
  const logged: string[] = [];
  const cache = new CacheWriter({
    write: async () => {
      writes.push(Date.now());
      if (options.fail) throw new Error('disk full');
    },
    log: (message) => logged.push(message),
    failureMessage: 'could not write',
    ...options,
  });
  return { cache, writes, logged };
}

describe('CacheWriter', () => {
  it('writes once, a delay after the first change, when not trailing', async () => {
    vi.useFakeTimers({ now: 0 });
    const { cache, writes } = writer();
    cache.markDirty(1000);
    await vi.advanceTimersByTimeAsync(600);
    cache.markDirty(1000);
    await vi.advanceTimersByTimeAsync(500);
    expect(writes).toEqual([1000]);
  });

  it('waits for changes to stop when trailing, but never longer than maxWaitMs', async () => {
    vi.useFakeTimers({ now: 0 });
    const { cache, writes } = writer({ trailing: true, maxWaitMs: 2500 });
    for (let t = 0; t < 3000; t += 500) {
      cache.markDirty(1000);
      await vi.advanceTimersByTimeAsync(500);
    }
    expect(writes).toEqual([2500]);
  });

  it('does not schedule a write while held, and writes nothing when nothing changed', async () => {
    vi.useFakeTimers({ now: 0 });
    const { cache, writes } = writer();
    cache.hold();
    cache.markDirty(10);
    await vi.advanceTimersByTimeAsync(100);
    expect(writes).toEqual([]);
    cache.release();
    await cache.flush();
    await cache.flush();
    expect(writes).toHaveLength(1);
  });

  it('logs a failed write and retries it when asked to', async () => {
    const { cache, writes, logged } = writer({ fail: true, retryFailed: true });
    cache.markDirty(60_000);
    await cache.flush();
    expect(logged).toEqual(['could not write']);
    expect(cache.isDirty).toBe(true);
    await cache.close();
    expect(writes).toHaveLength(2);
  });
});
