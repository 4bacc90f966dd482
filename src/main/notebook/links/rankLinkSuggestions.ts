import type { DocRef } from '@shared/domain/docRef';
import { foldName } from '@shared/text/fold';
import { isWordChar } from '@shared/text/words';

/** A document the `[[` menu may offer. */
export interface SuggestionCandidate {
  ref: DocRef;
  kind: 'entry' | 'note';
  title: string;
  aliases: readonly string[];
}

export interface RankedSuggestion<C extends SuggestionCandidate> {
  candidate: C;
  /** The alias that matched, when it matched better than the title. */
  matchedAlias: string | null;
}

/** Match quality, best first. */
const EXACT = 0;
const PREFIX = 1;
const WORD_PREFIX = 2;
const SUBSTRING = 3;
const FUZZY = 4;

const foldedNames = new WeakMap<object, string[]>();
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * Ranks documents for the `[[` menu by how well the query matches their title or one of
 * their aliases (folded: case, diacritics and separators ignored): exact, then prefix,
 * then a word of the name starting with the query, then anywhere inside, then the
 * query's letters in order (fuzzy). Ties go to glossary entries (a curated handful, what
 * notes cite most), then to the shorter name, then alphabetically. A title beats an alias
 * of equal quality. A blank query matches nothing (the caller lists defaults).
 */
export function rankLinkSuggestions<C extends SuggestionCandidate>(
  query: string,
  candidates: Iterable<C>,
  limit: number,
): Array<RankedSuggestion<C>> {
  const q = foldName(query);
  if (q === '') return [];
  const letters = q.replace(/ /g, '');
  const scored: Array<{ candidate: C; quality: number; length: number; alias: string | null }> = [];
  for (const candidate of candidates) {
    let names = foldedNames.get(candidate);
    if (!names) {
      names = [candidate.title, ...candidate.aliases].map(foldName);
      foldedNames.set(candidate, names);
    }
    let best = -1;
    let bestQuality = Infinity;
    for (let index = 0; index < names.length; index++) {
      const quality = matchQuality(names[index]!, q, letters);
      if (quality < bestQuality) {
        bestQuality = quality;
        best = index;
      }
    }
    if (best < 0) continue;
    scored.push({
      candidate,
      quality: bestQuality,
      length: names[best]!.length,
      alias: best === 0 ? null : candidate.aliases[best - 1]!,
    });
  }
  scored.sort(
    (a, b) =>
      a.quality - b.quality ||
      (a.candidate.kind === b.candidate.kind ? 0 : a.candidate.kind === 'entry' ? -1 : 1) ||
      a.length - b.length ||
      collator.compare(a.candidate.title, b.candidate.title) ||
      (refKey(a.candidate.ref) < refKey(b.candidate.ref) ? -1 : 1),
  );
  return scored.slice(0, limit).map(({ candidate, alias }) => ({ candidate, matchedAlias: alias }));
}

/** Quality of `name` for the query `q` (both folded), or Infinity when it does not match. */
function matchQuality(name: string, q: string, letters: string): number {
  if (name === q) return EXACT;
  if (name.startsWith(q)) return PREFIX;
  const at = name.indexOf(q);
  if (at >= 0) {
    for (let index = at; index >= 0; index = name.indexOf(q, index + 1)) {
      if (!isWordChar(name[index - 1])) return WORD_PREFIX;
    }
    return SUBSTRING;
  }
  let cursor = 0;
  for (let index = 0; index < name.length && cursor < letters.length; index++) {
    if (name[index] === letters[cursor]) cursor++;
  }
  return cursor === letters.length && letters.length > 0 ? FUZZY : Infinity;
}

function refKey(ref: DocRef): string {
  return ref.kind === 'note' ? `n:${ref.path}` : `e:${ref.id}`;
}
