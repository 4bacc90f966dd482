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

/**
 * Stems already worked out. A query stems the same words again and again (the words of
 * each hit's text for its highlights, the terms around a word's stem key in the index, the
 * next keystroke's query): Porter2 costs ~10 µs a word, a lookup ~0.1 µs. Bounded: emptied
 * when full (words of one query come back; those of long ago need not).
 */
const memo = new Map<string, string | null>();
const MEMO_SIZE = 20_000;

/** The English stem of a folded term, or null when the term is not stemmed (see above). */
export function stemOf(term: string): string | null {
  const known = memo.get(term);
  if (known !== undefined) return known;
  const result = STEMMABLE.test(term) ? stem(term) : null;
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.set(term, result);
  return result;
}

/**
 * How much of a stem the words with that stem begin with: all but its last letter (at least
 * three), all but its last two when it ends in i or e ("mani" from "many", "take" from
 * "taking", and "-ble" from "-bility" where the e stays). Porter2 rewrites at most a stem's
 * last letter otherwise ("abl" from "ability"): it replaces suffixes whose replacements agree
 * with what they replace up to their last letter. The index finds the terms with a stem among
 * the terms starting with this, so it needs no stem table (which cost 0.2× the raw text in
 * memory at 1,000 notes); every letter more rules out most of a dictionary's terms unstemmed.
 * Checked on WordNet's 98,136 words of 4+ letters: all but four of Porter2's special forms
 * ("tying", "dying", "lying", "skies") begin with their stem's key.
 */
export function stemKey(stem: string): string {
  let length = Math.min(stem.length, Math.max(3, stem.length - 1));
  if (/[ie]$/.test(stem)) length = Math.min(length, Math.max(3, stem.length - 2), stem.length - 1);
  return stem.slice(0, length);
}
