import type { EntrySummary } from '@shared/domain/glossary';

// A fixed locale keeps the order identical on every machine (and in committed test
// expectations); 'en' collation still sorts accented letters beside their base letters.
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * Orders entries by title, case- and accent-insensitively, the way the glossary is listed.
 * Titles that compare equal fall back to the id, so the order is total and stable.
 */
export function compareEntryTitles(a: EntrySummary, b: EntrySummary): number {
  return collator.compare(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Lists made in compareEntryTitles order by the code holding them (see markTitleOrdered). */
const titleOrdered = new WeakSet<readonly EntrySummary[]>();

/**
 * Records that `list` is in compareEntryTitles order (it was sorted or merged so, and is not
 * to be mutated), so the link index takes it without comparing 120,000 titles again.
 */
export function markTitleOrdered<T extends readonly EntrySummary[]>(list: T): T {
  titleOrdered.add(list);
  return list;
}

/** Whether `list` is in compareEntryTitles order: marked so, or checked in one pass. */
export function inTitleOrder(list: readonly EntrySummary[]): boolean {
  return titleOrdered.has(list) || list.every((entry, at) => at === 0 || compareEntryTitles(list[at - 1]!, entry) <= 0);
}
