/** Lowercases and strips diacritics so "Glutamáte" matches "glutamate". */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * True when every whitespace-separated word of `filter` occurs somewhere in one of the
 * `fields` (case- and diacritic-insensitive). A blank filter matches everything.
 */
export function matchesAllWords(fields: readonly string[], filter: string): boolean {
  const words = foldText(filter).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = foldText(fields.join('\n'));
  return words.every((word) => haystack.includes(word));
}
