import { describe, expect, it } from 'vitest';
import { formatRelativeTime } from './formatRelativeTime';

const now = Date.parse('2026-11-21T12:00:00Z');

describe('formatRelativeTime', () => {
  it.each([
    ['2026-11-21T11:59:50Z', 'just now'],
    ['2026-11-21T12:00:30Z', 'just now'],
    ['2026-11-21T11:59:00Z', '1 minute ago'],
    ['2026-11-21T11:55:00Z', '5 minutes ago'],
    ['2026-11-21T11:00:00Z', '1 hour ago'],
    ['2026-11-21T09:00:00Z', '3 hours ago'],
    ['2026-11-20T12:00:00Z', 'yesterday'],
    ['2026-11-18T12:00:00Z', '3 days ago'],
    ['2026-11-14T12:00:00Z', 'last week'],
    ['2026-10-15T12:00:00Z', 'last month'],
    ['2026-06-21T12:00:00Z', '5 months ago'],
    ['2025-11-21T12:00:00Z', 'last year'],
    ['2019-11-21T12:00:00Z', '7 years ago'],
    ['2026-11-21T12:10:00Z', 'in 10 minutes'],
    ['2026-11-22T12:00:00Z', 'tomorrow'],
    ['2026-11-25T12:00:00Z', 'in 4 days'],
  ])('%s → %s', (iso, text) => {
    expect(formatRelativeTime(iso, now)).toBe(text);
  });

  it('says what Intl.RelativeTimeFormat says in English, from a minute to years either way', () => {
    const intl = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
    const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
      ['year', 365 * 24 * 3600],
      ['month', 30 * 24 * 3600],
      ['week', 7 * 24 * 3600],
      ['day', 24 * 3600],
      ['hour', 3600],
      ['minute', 60],
    ];
    for (let seconds = 45; seconds < 20 * 365 * 24 * 3600; seconds = Math.ceil(seconds * 1.07)) {
      for (const sign of [-1, 1]) {
        const [unit, size] = units.find(([, size]) => seconds >= size) ?? units[units.length - 1]!;
        const expected = intl.format(Math.round((sign * seconds) / size), unit);
        expect(formatRelativeTime(new Date(now + sign * seconds * 1000).toISOString(), now)).toBe(expected);
      }
    }
  });

  it('gives nothing for an invalid date', () => {
    expect(formatRelativeTime('not a date', now)).toBe('');
  });
});
