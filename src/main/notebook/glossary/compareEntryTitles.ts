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
