import { describe, expect, it } from 'vitest';
import { formatRelativeTime } from './formatRelativeTime';

const now = Date.parse('2026-11-21T12:00:00Z');

describe('formatRelativeTime', () => {
  it.each([
    ['2026-11-21T11:59:50Z', 'just now'],
    ['2026-11-21T11:55:00Z', '5 minutes ago'],
    ['2026-11-21T09:00:00Z', '3 hours ago'],
    ['2026-11-20T12:00:00Z', 'yesterday'],
    ['2026-10-15T12:00:00Z', 'last month'],
  ])('%s → %s', (iso, text) => {
    expect(formatRelativeTime(iso, now, 'en')).toBe(text);
  });

  it('gives nothing for an invalid date', () => {
    expect(formatRelativeTime('not a date', now, 'en')).toBe('');
  });
});
