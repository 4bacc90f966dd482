/** The queries the packs bench times the quick switcher, the `[[` menu and search with (packsBench.ts, packsQueryCpu.ts). */
import { generatePackEntries } from './generatePack';

/**
 * Typeahead prefixes, whole titles, titles with two letters swapped (a typo), and two words
 * of a definition with the first in another form (word forms: "organisms" for "organism").
 */
export function queriesFrom(count: number): string[] {
  const entries = generatePackEntries(count);
  const queries: string[] = ['bank', 'b', 'ba', 'st', 'cl'];
  for (let n = 0; n < 45; n++) {
    const entry = entries[Math.floor((n * 7919) % entries.length)]!;
    const title = entry.title;
    const swapped = title.length >= 5 ? `${title.slice(0, 2)}${title[3]}${title[2]}${title.slice(4)}` : title;
    const [first = title, second = ''] = entry.definition.toLowerCase().match(/[a-z]{5,}/g) ?? [];
    const form = first.endsWith('s') && !first.endsWith('ss') ? first.slice(0, -1) : `${first}s`;
    queries.push([title.slice(0, 3), title, title.slice(0, 5), swapped, `${form} ${second}`.trim()][n % 5]!);
  }
  return queries;
}
