const UNITS: Array<[unit: string, seconds: number, last: string, next: string]> = [
  ['year', 365 * 24 * 3600, 'last year', 'next year'],
  ['month', 30 * 24 * 3600, 'last month', 'next month'],
  ['week', 7 * 24 * 3600, 'last week', 'next week'],
  ['day', 24 * 3600, 'yesterday', 'tomorrow'],
  ['hour', 3600, '1 hour ago', 'in 1 hour'],
  ['minute', 60, '1 minute ago', 'in 1 minute'],
];

/**
 * "just now", "5 minutes ago", "yesterday", "last month", "in 2 days", … for an ISO date,
 * relative to `now`: what `Intl.RelativeTimeFormat('en', { numeric: 'auto' })` says, in the
 * UI's language. Not Intl itself: the notes list shows these on the first screen, and a
 * page's first use of Intl costs it 15–40 ms (see formatCount).
 */
export function formatRelativeTime(iso: string, now = Date.now()): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  if (Number.isNaN(seconds)) return '';
  if (Math.abs(seconds) < 45) return 'just now';
  for (const [unit, size, last, next] of UNITS) {
    if (Math.abs(seconds) < size && unit !== 'minute') continue;
    const count = Math.round(seconds / size);
    if (count === -1) return last;
    if (count === 1) return next;
    const amount = `${Math.abs(count)} ${unit}s`;
    return count < 0 ? `${amount} ago` : `in ${amount}`;
  }
  return '';
}
