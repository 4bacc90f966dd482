import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeSorted } from './PackLibrary';

describe('mergeSorted', () => {
  it('merges sorted lists into the order one sort would give', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 20 }), { maxLength: 5 }), (raw) => {
        const lists = raw.map((list) => [...list].sort((a, b) => a - b));
        expect(mergeSorted(lists, (a, b) => a - b)).toEqual(lists.flat().sort((a, b) => a - b));
      }),
    );
  });

  it('copies a single list', () => {
    const list = [1, 2];
    expect(mergeSorted([list], (a, b) => a - b)).not.toBe(list);
  });
});
