/**
 * English word forms for search: the Porter2 (Snowball English) stem of a folded term,
 * from wink-porter2-stemmer, so "releasing", "released" and "release" meet at "releas".
 *
 * Only plain a–z words of 4 letters or more are stemmed. Anything else (digits, compounds'
 * joined forms with digits, other scripts, short words) has no stem and matches only as
 * itself, exactly as before: a stemmer made for English must not conflate words of other
 * languages or codes like "5ht2a". docs/search.md says how other languages are handled.
 */
import stem from 'wink-porter2-stemmer';

/** Bump when the stemming rule changes (caches holding stems are rebuilt). */
export const STEMMER_VERSION = 1;

const STEMMABLE = /^[a-z]{4,}$/;

/** The English stem of a folded term, or null when the term is not stemmed (see above). */
export function stemOf(term: string): string | null {
  if (!STEMMABLE.test(term)) return null;
  return stem(term);
}
