import { fold } from './fold';

/**
 * True when every whitespace-separated word of `filter` occurs somewhere in one of the
 * `fields`, folded (see fold: case, diacritics and the rest ignored). A blank filter
 * matches everything.
 */
export function matchesAllWords(fields: readonly string[], filter: string): boolean {
  const words = fold(filter).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fold(fields.join('\n'));
  return words.every((word) => haystack.includes(word));
}
