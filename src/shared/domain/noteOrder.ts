import type { NoteSummary } from './note';

// One collator for every comparison (localeCompare with options builds one per call, which
// made sorting 10,000 notes take half a second), made when first needed: a page's first use
// of Intl costs it 15–40 ms, and the page's first screen shows the backend's order unsorted.
let titleCollator: Intl.Collator | undefined;

/**
 * The notes list's order, the backend's and the page's alike: most recently modified first
 * (ISO times compare as strings); ties by title, then path, so the order is stable.
 */
export function compareByModified(a: NoteSummary, b: NoteSummary): number {
  if (a.modified !== b.modified) return a.modified < b.modified ? 1 : -1;
  const byTitle = (titleCollator ??= new Intl.Collator(undefined, { sensitivity: 'base' })).compare(a.title, b.title);
  if (byTitle !== 0) return byTitle;
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
