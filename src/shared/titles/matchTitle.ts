/**
 * The one title matcher: how a typed query matches a short name (a note or entry title,
 * an alias, a command label) in the quick switcher, the `[[` menu and the command palette.
 * Each feature ranks its own candidates (recency, kinds, keywords), but what matches, how
 * well (the tier) and which characters are marked are decided here, the same way for all.
 *
 * Names and queries are folded with the text kit (shared/text/fold.ts) with separator runs
 * read as one space, so "GABA/glutamate", "GABA-glutamate" and "gaba glutamate" are one
 * name. Words are the kit's words. Tiers, best first:
 *
 * 1. Exact: the whole name.
 * 2. Prefix: the start of the name.
 * 3. Word prefixes in order: each query word starts a different word of the name, in the
 *    query's order ("term pot" → "Long-Term Potentiation").
 * 4. Word prefixes in any order ("note new" → "New note").
 * 5. Substring: anywhere inside ("ential" → "Potential").
 * 6. Letters in order (subsequence): each query word's letters in order, starting on a
 *    word start, favouring word starts and runs ("ltpot", "shcmd" → "SHow all CoMmanDs");
 *    a word's letters picked from the middle of a word are noise and do not match
 *    ("head" ↛ "searcH notEs AnD"), unless they occur there as they are. Words in the
 *    query's order score better than in any order.
 * 7. Typos (only when asked): each query word within the search's typo budget (one typo
 *    from 5 letters, two from 8; see maxEdits) of a different word, the last one also of a
 *    word's start.
 *
 * The hot path (matchName) allocates nothing per name; ranges are worked out for the
 * winners only (matchRanges).
 */
import { maxEdits } from '../search/parseQuery';
import { fold, foldWithOffsets, joinSeparators, sourceRange } from '../text/fold';
import { isWordUnitAt, wordSpans } from '../text/words';

/** How a name matched, best first. */
export const MatchTier = {
  Exact: 0,
  Prefix: 1,
  WordPrefixInOrder: 2,
  WordPrefix: 3,
  Substring: 4,
  Subsequence: 5,
  Typo: 6,
} as const;
export type MatchTier = (typeof MatchTier)[keyof typeof MatchTier];

/** A name made ready for matching (see prepareName). */
export interface PreparedName {
  /** The name as given. */
  text: string;
  /** Folded, separator runs as one space, trimmed. */
  folded: string;
  /** How many folded units the trim removed from the start (to map offsets back). */
  lead: number;
  /** Word spans in `folded`, as [start, end) pairs flattened. */
  words: Int32Array;
  /** 1 where a word starts in `folded`. */
  wordStart: Uint8Array;
  /** Per word, a bit per letter it holds (code & 31): words missing too many of a query word's letters skip the typo check. */
  wordLetters: Int32Array;
}

/** A query made ready for matching (see prepareQuery). */
export interface PreparedQuery {
  /** Folded like names are. */
  folded: string;
  /** Its words. */
  words: string[];
}

/** A match: its tier and, within the tier, a score (higher is better). */
export interface NameMatch {
  tier: MatchTier;
  score: number;
}

export interface MatchOptions {
  /** Allow the typo tier. Default false. */
  typos?: boolean;
}

/** Folds a name or query: the kit's fold, separator runs as one space; `lead` is what trimming removed at the start. */
function foldForTitles(text: string): { folded: string; lead: number } {
  const joined = joinSeparators(fold(text));
  const start = joined.trimStart();
  return { folded: start.trimEnd(), lead: joined.length - start.length };
}

/** A name folded as prepareName folds it (see PreparedName.folded), without the rest: for sorted name indexes. */
export function foldTitleName(text: string): string {
  return foldForTitles(text).folded;
}

/** Prepares a name for matching; do it once per name and keep the result. */
export function prepareName(text: string): PreparedName {
  const { folded, lead } = foldForTitles(text);
  const spans = wordSpans(folded);
  const wordStart = new Uint8Array(folded.length);
  const letters = new Int32Array(spans.length / 2);
  for (let i = 0; i < spans.length; i += 2) {
    wordStart[spans[i]!] = 1;
    letters[i / 2] = letterMask(folded, spans[i]!, spans[i + 1]!);
  }
  return { text, folded, lead, words: Int32Array.from(spans), wordStart, wordLetters: letters };
}

/** Prepares a query; null when it is blank (nothing to match). */
export function prepareQuery(query: string): PreparedQuery | null {
  const { folded } = foldForTitles(query);
  if (folded === '') return null;
  const spans = wordSpans(folded);
  const words: string[] = [];
  for (let i = 0; i < spans.length; i += 2) words.push(folded.slice(spans[i], spans[i + 1]));
  return { folded, words };
}

function letterMask(text: string, from: number, to: number): number {
  let mask = 0;
  for (let i = from; i < to; i++) mask |= 1 << (text.charCodeAt(i) & 31);
  return mask;
}

function bitCount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * The tier of an exact, prefix, word-prefix or substring match (tiers 1–5), or null.
 * Cheap: features try it on every name before the looser tiers.
 */
export function directTier(name: PreparedName, q: PreparedQuery): MatchTier | null {
  const text = name.folded;
  const at = text.indexOf(q.folded);
  if (at === 0) return text.length === q.folded.length ? MatchTier.Exact : MatchTier.Prefix;
  // Most names hold none of the query: one native search each rules the word tiers out.
  const words = q.words;
  let wordsThere = words.length > 0;
  for (let i = 0; i < words.length && wordsThere; i++) wordsThere = text.includes(words[i]!);
  if (wordsThere) {
    if (wordPrefixes(name, words, true, null)) return MatchTier.WordPrefixInOrder;
    // With one word, "any order" is "in order".
    if (words.length > 1 && wordPrefixes(name, words, false, null)) return MatchTier.WordPrefix;
  }
  return at > 0 ? MatchTier.Substring : null;
}

/**
 * How `name` matches `q`: the best tier that applies (see the module comment) and its
 * score, or null.
 */
export function matchName(name: PreparedName, q: PreparedQuery, options: MatchOptions = {}): NameMatch | null {
  const tier = directTier(name, q);
  if (tier !== null) return { tier, score: 0 };
  return subsequenceMatch(name, q) ?? (options.typos === true ? typoMatch(name, q) : null);
}

/**
 * The tier of the best match without typos, or null: what matchName gives without
 * scoring the letters-in-order tier (cheaper, for features that order matches only by tier).
 */
export function matchTier(name: PreparedName, q: PreparedQuery): MatchTier | null {
  return directTier(name, q) ?? (hasSubsequence(name, q.words) ? MatchTier.Subsequence : null);
}

/** The letters-in-order tier alone, for features that try it only when the direct tiers leave room. */
export function subsequenceMatch(name: PreparedName, q: PreparedQuery): NameMatch | null {
  const score = subsequenceScore(name, q.words);
  return score === null ? null : { tier: MatchTier.Subsequence, score };
}

/** The typo tier alone (see subsequenceMatch); null when no query word is long enough to allow a typo. */
export function typoMatch(name: PreparedName, q: PreparedQuery): NameMatch | null {
  if (!allowsTypos(q)) return null;
  const score = typoScore(name, q.words);
  return score === null ? null : { tier: MatchTier.Typo, score };
}

/** True when some query word is long enough for a typo (see maxEdits); else the typo tier matches nothing new. */
export function allowsTypos(q: PreparedQuery): boolean {
  return q.words.some((word) => maxEdits(word) > 0);
}

/** True when each query word is the prefix of a different name word (in order when asked); collects ranges. */
function wordPrefixes(
  name: PreparedName,
  words: readonly string[],
  inOrder: boolean,
  ranges: Array<[number, number]> | null,
): boolean {
  const count = name.words.length / 2;
  if (words.length > count) return false;
  let used = 0;
  let from = 0;
  for (const word of words) {
    let found = -1;
    for (let i = inOrder ? from : 0; i < count; i++) {
      if (i < 31 && used & (1 << i)) continue;
      const start = name.words[2 * i]!;
      if (name.words[2 * i + 1]! - start >= word.length && name.folded.startsWith(word, start)) {
        found = i;
        break;
      }
    }
    if (found < 0) return false;
    if (found < 31) used |= 1 << found;
    from = found + 1;
    ranges?.push([name.words[2 * found]!, name.words[2 * found]! + word.length]);
  }
  return true;
}

/** Out-of-order words cost this much against the same letters in order. */
const ANY_ORDER_PENALTY = 5;

/**
 * Every query word's letters in order within the name (see the module comment), the
 * words in the query's order if they can be, else in any order. Scored by letters on word
 * starts (+3) and in runs (+2), minus gaps. Null when some word's letters are not there.
 */
export function subsequenceScore(
  name: PreparedName,
  words: readonly string[],
  ranges: Array<[number, number]> | null = null,
): number | null {
  // Placed in any order, each word needs only to be placeable on its own.
  if (!hasSubsequence(name, words)) return null;
  let score = 0;
  let from = 0;
  const mark = ranges?.length ?? 0;
  for (const word of words) {
    const placed = placeWord(name, word, from, ranges);
    if (placed === null) {
      score = NaN;
      break;
    }
    score += placed.score;
    from = placed.end;
  }
  if (!Number.isNaN(score)) return score;
  if (ranges) ranges.length = mark;
  score = -ANY_ORDER_PENALTY;
  for (const word of words) {
    const placed = placeWord(name, word, 0, ranges);
    if (placed === null) return null;
    score += placed.score;
  }
  return score;
}

/**
 * True when the letters-in-order tier matches (subsequenceScore is not null), without
 * placing or scoring anything: each word's letters are there in order from one of its
 * word starts, or the word occurs whole.
 */
export function hasSubsequence(name: PreparedName, words: readonly string[]): boolean {
  if (words.length === 0) return false;
  for (const word of words) if (!isPlaceable(name, word)) return false;
  return true;
}

/**
 * Can `word` be placed on its own (see placeWord)? Its first word start holding the
 * word's first letter is the one to try: what follows any later one, follows it too.
 * One pass, no allocation: this runs for every name on every keystroke.
 */
function isPlaceable(name: PreparedName, word: string): boolean {
  const text = name.folded;
  // The string alone, not name.wordStart: one memory access less per name, on the hot path.
  const first = word[0]!;
  let at = text.indexOf(first);
  while (at > 0 && isWordUnitAt(text, at - 1)) at = text.indexOf(first, at + 1);
  if (at < 0) return text.includes(word);
  let matched = 1;
  for (at++; at < text.length && matched < word.length; at++) {
    if (text.charCodeAt(at) === word.charCodeAt(matched)) matched++;
  }
  return matched === word.length || text.includes(word);
}

/**
 * Places one word's letters in `name.folded[from…]`: starting on a word start where it
 * can, else where the word occurs whole. Returns the score and where its last letter ended.
 */
function placeWord(
  name: PreparedName,
  word: string,
  from: number,
  ranges: Array<[number, number]> | null,
): { score: number; end: number } | null {
  const text = name.folded;
  if (from > 0 && !hasLettersInOrder(text, word, from)) return null;
  const first = word[0]!;
  for (let start = text.indexOf(first, from); start >= 0; start = text.indexOf(first, start + 1)) {
    if (!name.wordStart[start]) continue;
    const mark = ranges?.length ?? 0;
    // Preferring word starts can strand a later letter; then plain leftmost placement, which cannot.
    const placed = placeLetters(name, word, start, true, ranges) ?? placeLetters(name, word, start, false, ranges);
    if (placed !== null) return placed;
    if (ranges) ranges.length = mark;
  }
  const whole = text.indexOf(word, from);
  if (whole < 0) return null;
  ranges?.push([whole, whole + word.length]);
  return { score: 2 * (word.length - 1), end: whole + word.length };
}

function hasLettersInOrder(text: string, word: string, from: number): boolean {
  let at = from;
  for (let i = 0; i < word.length; i++) {
    at = text.indexOf(word[i]!, at);
    if (at < 0) return text.includes(word);
    at++;
  }
  return true;
}

function placeLetters(
  name: PreparedName,
  word: string,
  start: number,
  preferWordStarts: boolean,
  ranges: Array<[number, number]> | null,
): { score: number; end: number } | null {
  const text = name.folded;
  const mark = ranges?.length ?? 0;
  let score = 3;
  let previous = start;
  ranges?.push([start, start + 1]);
  for (let q = 1; q < word.length; q++) {
    const char = word[q]!;
    let position = -1;
    if (text[previous + 1] === char) position = previous + 1;
    else {
      if (preferWordStarts) {
        for (let i = text.indexOf(char, previous + 1); i >= 0; i = text.indexOf(char, i + 1)) {
          if (name.wordStart[i]) {
            position = i;
            break;
          }
        }
      }
      if (position < 0) position = text.indexOf(char, previous + 1);
    }
    if (position < 0) {
      if (ranges) ranges.length = mark;
      return null;
    }
    if (name.wordStart[position]) score += 3;
    if (position === previous + 1) score += 2;
    else score -= Math.min(3, (position - previous - 1) / 4);
    ranges?.push([position, position + 1]);
    previous = position;
  }
  return { score, end: previous + 1 };
}

/**
 * Every query word within its typo budget of a different name word (the last may match a
 * word's start): minus the total typos, or null.
 */
export function typoScore(
  name: PreparedName,
  words: readonly string[],
  ranges: Array<[number, number]> | null = null,
): number | null {
  const count = name.words.length / 2;
  let used = 0;
  let score = 0;
  for (let w = 0; w < words.length; w++) {
    const word = words[w]!;
    const edits = maxEdits(word);
    const last = w === words.length - 1;
    const letters = letterMask(word, 0, word.length);
    let found = false;
    for (let i = 0; i < count && !found; i++) {
      if (i < 31 && used & (1 << i)) continue;
      // Each letter of the query word missing from the name word costs at least one edit.
      if (bitCount(letters & ~name.wordLetters[i]!) > edits) continue;
      const start = name.words[2 * i]!;
      const end = name.words[2 * i + 1]!;
      let distance = editDistanceWithin(word, name.folded, start, end, edits);
      if (distance > edits && last && end - start > word.length) {
        distance = editDistanceWithin(word, name.folded, start, start + word.length, edits);
      }
      if (distance <= edits) {
        found = true;
        if (i < 31) used |= 1 << i;
        score -= distance;
        ranges?.push([start, end]);
      }
    }
    if (!found) return null;
  }
  return score;
}

let previousRow = new Int32Array(64);
let currentRow = new Int32Array(64);

/** Edit distance between `a` and `text[from, to)` when at most `max`, else `max + 1`; no allocation. */
function editDistanceWithin(a: string, text: string, from: number, to: number, max: number): number {
  const n = to - from;
  if (Math.abs(a.length - n) > max) return max + 1;
  if (n + 1 > previousRow.length) {
    previousRow = new Int32Array(2 * (n + 1));
    currentRow = new Int32Array(2 * (n + 1));
  }
  let prev = previousRow;
  let curr = currentRow;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    let rowMin = i;
    const code = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const substitute = prev[j - 1]! + (code === text.charCodeAt(from + j - 1) ? 0 : 1);
      const value = Math.min(substitute, prev[j]! + 1, curr[j - 1]! + 1);
      curr[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    const swap = prev;
    prev = curr;
    curr = swap;
  }
  return Math.min(prev[n]!, max + 1);
}

/**
 * The characters of `name.text` a match marks, as sorted [start, end) offsets, merged where
 * they touch. Call it for the few matches shown.
 */
export function matchRanges(name: PreparedName, q: PreparedQuery, tier: MatchTier): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  switch (tier) {
    case MatchTier.Exact:
      ranges.push([0, name.folded.length]);
      break;
    case MatchTier.Prefix:
      ranges.push([0, q.folded.length]);
      break;
    case MatchTier.WordPrefixInOrder:
    case MatchTier.WordPrefix:
      wordPrefixes(name, q.words, tier === MatchTier.WordPrefixInOrder, ranges);
      break;
    case MatchTier.Substring: {
      const at = name.folded.indexOf(q.folded);
      ranges.push([at, at + q.folded.length]);
      break;
    }
    case MatchTier.Subsequence:
      subsequenceScore(name, q.words, ranges);
      break;
    default:
      typoScore(name, q.words, ranges);
  }
  if (ranges.length === 0) return [];
  // Back to the name as written: folding changed lengths and trimming moved the start.
  const folded = foldWithOffsets(name.text, { joinSeparators: true });
  const original = ranges
    .filter(([start, end]) => end > start)
    .map(([start, end]) => sourceRange(folded, start + name.lead, end + name.lead))
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const range of original) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push(range);
  }
  return merged;
}

/** A match of one label, for lists short enough to match without preparing names. */
export interface TitleMatch {
  /**
   * Higher is better; comparable between matches of the same query: the tier first, then
   * the score within it, then the shorter label.
   */
  score: number;
  /** The characters of the label the match marks (see matchRanges). */
  ranges: Array<[number, number]>;
}

/**
 * Matches `query` against one label (see the module comment); null when it does not
 * match. A blank query matches with score 0, marking nothing.
 */
export function matchTitle(query: string, label: string, options: MatchOptions = {}): TitleMatch | null {
  const q = prepareQuery(query);
  if (q === null) return { score: 0, ranges: [] };
  const name = prepareName(label);
  const match = matchName(name, q, options);
  if (match === null) return null;
  const within = Math.max(-999, Math.min(999, match.score - name.folded.length * 0.01));
  return { score: (MatchTier.Typo + 1 - match.tier) * 2000 + within, ranges: matchRanges(name, q, match.tier) };
}
