/**
 * 120005 → "120,005": a count as the UI shows it, rounded to a whole number.
 *
 * Not `toLocaleString`: a page's first use of Intl (number formats, collators, relative
 * times) loads ICU's data, 15–40 ms of the main thread in a new Chromium page, and counts
 * are on the first screen (the glossary's heading, the welcome view): issue #15's first
 * render. The UI's text is English, so is this.
 */
export function withThousands(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "1 entry", "2,345 entries". */
export function formatCount(n: number, one: string, many: string): string {
  return `${withThousands(n)} ${n === 1 ? one : many}`;
}
