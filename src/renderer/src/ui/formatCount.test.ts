import { describe, expect, it } from 'vitest';
import { formatCount, withThousands } from './formatCount';

describe('counts as the UI shows them', () => {
  it('group thousands with commas, as en-US does', () => {
    for (const n of [0, 7, 999, 1000, 5005, 12345, 120005, 999999, 1000000, 123456789, -4321]) {
      expect(withThousands(n)).toBe(n.toLocaleString('en-US'));
    }
  });

  it('round to a whole number', () => {
    expect(withThousands(1234.6)).toBe('1,235');
    expect(withThousands(0.2)).toBe('0');
  });

  it('name the thing counted, singular for one', () => {
    expect(formatCount(1, 'entry', 'entries')).toBe('1 entry');
    expect(formatCount(0, 'entry', 'entries')).toBe('0 entries');
    expect(formatCount(120005, 'entry', 'entries')).toBe('120,005 entries');
  });
});
