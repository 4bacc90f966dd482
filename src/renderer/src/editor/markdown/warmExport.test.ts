import { afterEach, describe, expect, it, vi } from 'vitest';
import { sliceBudget, WARM_SLICE_MAX_MS, WARM_SLICE_MS } from './warmExport';

let now = 1000;
afterEach(() => {
  vi.restoreAllMocks();
  delete (navigator as { scheduling?: unknown }).scheduling;
});

function withClock() {
  vi.spyOn(performance, 'now').mockImplementation(() => now);
}

describe('sliceBudget', () => {
  it('ends a slice as soon as input is waiting, and after WARM_SLICE_MAX_MS when none comes', () => {
    withClock();
    let pending = false;
    Object.defineProperty(navigator, 'scheduling', {
      value: { isInputPending: () => pending },
      configurable: true,
    });
    now = 1000;
    const hasTime = sliceBudget();
    now = 1000 + WARM_SLICE_MAX_MS - 1;
    expect(hasTime()).toBe(true);
    pending = true;
    expect(hasTime()).toBe(false);
    pending = false;
    // Nothing waiting, but the slice is long enough: the browser gets the thread back.
    now = 1000 + WARM_SLICE_MAX_MS;
    expect(hasTime()).toBe(false);
  });

  it('ends a slice after WARM_SLICE_MS where the browser cannot tell that input is waiting', () => {
    withClock();
    now = 5000;
    const hasTime = sliceBudget();
    now = 5000 + WARM_SLICE_MS - 1;
    expect(hasTime()).toBe(true);
    now = 5000 + WARM_SLICE_MS;
    expect(hasTime()).toBe(false);
  });
});
