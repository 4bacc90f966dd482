import type { TagSuggestion } from '@shared/domain/tags';
import { fold } from '@shared/text/fold';

/** Tags listed when the caller gives no limit. */
export const DEFAULT_TAG_LIMIT = 20;

/**
 * The `#` menu's choices from the notes' tags (see NotebookApi.suggestTags): each tag once
 * (case-insensitively, shown as most notes write it), kept when the query begins the tag or
 * one of its nested parts (`#cel` finds `biology/cells`), ordered by how many notes use it,
 * then tags the query begins before those it begins a part of, then by name.
 */
export function suggestTags(
  notes: Iterable<{ readonly tags: readonly string[] }>,
  query: string,
  limit = DEFAULT_TAG_LIMIT,
): TagSuggestion[] {
  const wanted = fold(query.trim().replace(/^#+/, ''));
  const found = new Map<string, { count: number; spellings: Map<string, number> }>();
  for (const note of notes) {
    for (const tag of note.tags) {
      const key = fold(tag);
      let entry = found.get(key);
      if (!entry) {
        entry = { count: 0, spellings: new Map() };
        found.set(key, entry);
      }
      entry.count++;
      entry.spellings.set(tag, (entry.spellings.get(tag) ?? 0) + 1);
    }
  }
  const ranked: Array<{ key: string; tag: string; count: number; prefix: boolean }> = [];
  for (const [key, entry] of found) {
    const prefix = key.startsWith(wanted);
    if (!prefix && !key.split('/').some((part) => part.startsWith(wanted))) continue;
    let tag = '';
    let best = -1;
    for (const [spelling, uses] of entry.spellings) {
      if (uses > best) {
        tag = spelling;
        best = uses;
      }
    }
    ranked.push({ key, tag, count: entry.count, prefix });
  }
  ranked.sort(
    (a, b) => b.count - a.count || Number(b.prefix) - Number(a.prefix) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  return ranked.slice(0, limit).map(({ tag, count }) => ({ tag, count }));
}
