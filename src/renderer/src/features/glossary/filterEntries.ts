import type { EntrySummary } from '@shared/domain/glossary';

/** Lowercases and strips diacritics so "Neurotransmitter" matches "neurotránsmitter". */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Entries whose title or an alias contains every word of the filter, in their
 * original order. An empty or blank filter keeps everything.
 */
export function filterEntries<E extends EntrySummary>(entries: E[], filter: string): E[] {
  const words = foldText(filter).split(/\s+/).filter(Boolean);
  if (words.length === 0) return entries;
  return entries.filter((entry) => {
    const haystack = foldText([entry.title, ...entry.aliases].join('\n'));
    return words.every((word) => haystack.includes(word));
  });
}
