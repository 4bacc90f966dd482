import { fold } from '@shared/text/fold';

/**
 * A list filter for long lists (a 120,000-entry reference pack): each item's texts are
 * folded once, on the first non-blank query, not on every keystroke; and while the user
 * keeps typing (each new query asks for at least what the previous one did), the next
 * result is narrowed from the previous one instead of scanning the whole list again.
 *
 * Matching is the same as {@link matchesAllWords}: every whitespace-separated word of the
 * query occurs somewhere in one of the item's texts, folded. A blank query returns `items`
 * itself (same array).
 */
export interface FilterIndex<T> {
  filter(query: string): readonly T[];
}

export function createFilterIndex<T>(
  items: readonly T[],
  searchTextOf: (item: T) => readonly string[],
): FilterIndex<T> {
  let haystacks: string[] | null = null;
  let last: { words: string[]; indexes: number[] } | null = null;

  const folded = (): string[] => (haystacks ??= items.map((item) => fold(searchTextOf(item).join('\n'))));

  return {
    filter(query) {
      const words = queryWords(query);
      if (words.length === 0) return items;
      const texts = folded();
      const from = last && narrows(last.words, words) ? last.indexes : null;
      const indexes: number[] = [];
      const keep = (index: number) => {
        const text = texts[index]!;
        for (const word of words) if (!text.includes(word)) return;
        indexes.push(index);
      };
      if (from) for (const index of from) keep(index);
      else for (let index = 0; index < texts.length; index++) keep(index);
      last = { words, indexes };
      return indexes.map((index) => items[index]!);
    },
  };
}

/** The folded, non-empty words of a query. */
export function queryWords(query: string): string[] {
  return fold(query).split(/\s+/).filter(Boolean);
}

/**
 * True when every text matching all of `next` also matches all of `previous`: each
 * previous word is contained in some next word ("ab" → "abc", "ab" → "ab c").
 */
export function narrows(previous: readonly string[], next: readonly string[]): boolean {
  return previous.every((word) => next.some((candidate) => candidate.includes(word)));
}
