/**
 * Counts how many calls of an async function are in flight at once, for tests that check
 * file fan-out is bounded (an unbounded `Promise.all` over 100,000 files ends in EMFILE).
 * Each call is held for one macrotask, so calls started together do overlap.
 */
export function concurrencyProbe() {
  let inFlight = 0;
  let max = 0;
  let calls = 0;
  return {
    /** The most calls seen in flight at one time. */
    get max() {
      return max;
    },
    get calls() {
      return calls;
    },
    wrap<A extends unknown[], R>(run: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
      return async (...args: A) => {
        calls++;
        inFlight++;
        max = Math.max(max, inFlight);
        try {
          await new Promise((resolve) => setImmediate(resolve));
          return await run(...args);
        } finally {
          inFlight--;
        }
      };
    },
  };
}
