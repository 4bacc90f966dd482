import type { DocRef } from '@shared/domain/docRef';
import { matchTier, MatchTier, prepareName, prepareQuery, type PreparedName } from '@shared/titles/matchTitle';

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

/** Match quality, best first: the title matcher's tiers, both word-prefix tiers as one. */
const EXACT = 0;
const PREFIX = 1;
const WORD_PREFIX = 2;
const SUBSTRING = 3;
const FUZZY = 4;

const QUALITY: Record<MatchTier, number> = {
  [MatchTier.Exact]: EXACT,
  [MatchTier.Prefix]: PREFIX,
  [MatchTier.WordPrefixInOrder]: WORD_PREFIX,
  [MatchTier.WordPrefix]: WORD_PREFIX,
  [MatchTier.Substring]: SUBSTRING,
  [MatchTier.Subsequence]: FUZZY,
  [MatchTier.Typo]: FUZZY + 1,
};

const preparedNames = new WeakMap<object, PreparedName[]>();
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * Ranks documents for the `[[` menu by how well the query matches their title or one of
 * their aliases, as the shared title matcher decides (shared/titles/matchTitle.ts; folded:
 * case, diacritics and separators ignored; no typos): exact, then prefix, then words of
 * the name starting with the query's words, then anywhere inside, then the query's letters
 * in order (fuzzy). Ties go to glossary entries (a curated handful, what notes cite most),
 * then to the shorter name, then alphabetically. A title beats an alias of equal quality.
 * A blank query matches nothing (the caller lists defaults).
 */
export function rankLinkSuggestions<C extends SuggestionCandidate>(
  query: string,
  candidates: Iterable<C>,
  limit: number,
): Array<RankedSuggestion<C>> {
  const q = prepareQuery(query);
  if (q === null || limit <= 0) return [];
  // Only the best `limit` are kept, in order: sorting every match (thousands for a short
  // query in a large vault) would cost more than matching them.
  const kept: Array<Scored<C>> = [];
  for (const candidate of candidates) {
    let names = preparedNames.get(candidate);
    if (!names) {
      names = [candidate.title, ...candidate.aliases].map(prepareName);
      preparedNames.set(candidate, names);
    }
    let best = -1;
    let bestQuality = Infinity;
    for (let index = 0; index < names.length; index++) {
      // A number, not a match object: this runs for every note on every keystroke.
      const tier = matchTier(names[index]!, q);
      if (tier !== null && QUALITY[tier] < bestQuality) {
        bestQuality = QUALITY[tier];
        best = index;
      }
    }
    if (best < 0) continue;
    const scored: Scored<C> = {
      candidate,
      quality: bestQuality,
      length: names[best]!.folded.length,
      alias: best === 0 ? null : candidate.aliases[best - 1]!,
    };
    if (kept.length === limit && compareScored(scored, kept[limit - 1]!) >= 0) continue;
    let at = kept.length;
    while (at > 0 && compareScored(scored, kept[at - 1]!) < 0) at--;
    kept.splice(at, 0, scored);
    if (kept.length > limit) kept.pop();
  }
  return kept.map(({ candidate, alias }) => ({ candidate, matchedAlias: alias }));
}

interface Scored<C extends SuggestionCandidate> {
  candidate: C;
  quality: number;
  length: number;
  alias: string | null;
}

/** Better first: quality, entries before notes, shorter name, title, then the reference. */
function compareScored(a: Scored<SuggestionCandidate>, b: Scored<SuggestionCandidate>): number {
  return (
    a.quality - b.quality ||
    (a.candidate.kind === b.candidate.kind ? 0 : a.candidate.kind === 'entry' ? -1 : 1) ||
    a.length - b.length ||
    collator.compare(a.candidate.title, b.candidate.title) ||
    (refKey(a.candidate.ref) < refKey(b.candidate.ref) ? -1 : refKey(a.candidate.ref) > refKey(b.candidate.ref) ? 1 : 0)
  );
}

function refKey(ref: DocRef): string {
  return ref.kind === 'note' ? `n:${ref.path}` : `e:${ref.id}`;
}
