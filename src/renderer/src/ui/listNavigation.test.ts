import { describe, expect, it } from 'vitest';
import { nextListIndex } from './listNavigation';

describe('nextListIndex', () => {
  it('moves by one, by a page, and to the ends, stopping at the edges', () => {
    expect(nextListIndex('ArrowDown', 2, 5)).toBe(3);
    expect(nextListIndex('ArrowDown', 4, 5)).toBe(4);
    expect(nextListIndex('ArrowUp', 0, 5)).toBe(0);
    expect(nextListIndex('PageDown', 1, 20, { page: 8 })).toBe(9);
    expect(nextListIndex('PageUp', 3, 20)).toBe(0);
    expect(nextListIndex('Home', 3, 5)).toBe(0);
    expect(nextListIndex('End', 0, 5)).toBe(4);
  });

  it('wraps around when asked', () => {
    expect(nextListIndex('ArrowDown', 4, 5, { wrap: true })).toBe(0);
    expect(nextListIndex('ArrowUp', 0, 5, { wrap: true })).toBe(4);
  });

  it('leaves other keys, Home/End in text fields, and empty lists to the caller', () => {
    expect(nextListIndex('Enter', 0, 5)).toBeNull();
    expect(nextListIndex('Home', 2, 5, { homeEnd: false })).toBeNull();
    expect(nextListIndex('ArrowDown', 0, 0)).toBeNull();
  });
});
