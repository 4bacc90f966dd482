import search from 'approx-string-match';

/**
 * Where a passage of a text is, as the W3C Web Annotation model describes it
 * (https://www.w3.org/TR/annotation-model/#selectors): the passage with some of the text
 * around it, and its offsets. Stored with each highlight (issue #17), so the highlight can
 * be placed again when the text changes, as Hypothesis does.
 */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  /** The passage itself. */
  exact: string;
  /** Up to CONTEXT_CHARS characters before it. */
  prefix: string;
  /** Up to CONTEXT_CHARS characters after it. */
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  /** Offset of the passage's first character, in UTF-16 code units. */
  start: number;
  /** Offset just after its last character. */
  end: number;
}

export interface TextSelectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/** Characters of context kept on each side of a passage. */
export const CONTEXT_CHARS = 32;

/** The selectors of `text.slice(start, end)`. */
export function describeRange(text: string, start: number, end: number): TextSelectors {
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= text.length)) {
    throw new RangeError(`Not a passage of the text: ${start}–${end} of ${text.length} characters.`);
  }
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
      suffix: text.slice(end, end + CONTEXT_CHARS),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

/** Where a passage was placed, and how: at its stored offsets, by its exact text, or approximately. */
export interface Anchor {
  start: number;
  end: number;
  method: 'position' | 'quote' | 'fuzzy';
}

/**
 * The most differences (insertions, deletions, substitutions) a reworded passage may have
 * from its stored text and still be placed, as a share of its length. Beyond it the
 * highlight is orphaned rather than placed on text it no longer describes.
 */
export const MAX_ERROR_SHARE = 0.35;
/** Passages shorter than this are placed by their exact text only (a few letters match anywhere). */
export const MIN_FUZZY_LENGTH = 8;
/**
 * An approximate placement needs context that agrees this well (prefix and suffix, 0 to 1):
 * else a passage that was deleted would land on a near-copy of it elsewhere.
 */
const MIN_CONTEXT_SCORE = 0.6;
/**
 * A passage of at least this length whose text is this close to the stored one is placed
 * even where its context changed (a reworded passage moved to another section).
 */
const MIN_LONE_LENGTH = 20;
const MIN_LONE_QUOTE_SCORE = 0.8;
/** At most this many exact occurrences are compared (a one-word passage in a long text). */
const MAX_OCCURRENCES = 1000;

/**
 * Places a passage in `text` again: at its stored offsets if its text is still there and
 * its context agrees at least as well as anywhere else; else at the occurrence of its exact
 * text whose context and position agree best; else approximately (Myers' bit-parallel
 * search, `approx-string-match`), scoring the passage's, its prefix's and its suffix's
 * similarity and the distance from its old position, with Hypothesis's weights. Null when
 * it cannot be placed: the caller keeps it as an orphan, never drops it.
 */
export function anchor(text: string, selectors: TextSelectors): Anchor | null {
  const { exact } = selectors.quote;
  if (exact.length === 0) return null;
  const exactMatch = placeExactly(text, selectors);
  if (exactMatch) return exactMatch;
  if (exact.length < MIN_FUZZY_LENGTH) return null;
  const maxErrors = Math.min(256, Math.floor(exact.length * MAX_ERROR_SHARE));
  let best: { start: number; end: number; score: number; quoteScore: number; contextScore: number } | null = null;
  for (const match of search(text, exact, maxErrors)) {
    const quoteScore = 1 - match.errors / exact.length;
    const contextScore = contextScoreOf(text, match.start, match.end, selectors);
    const score = scoreOf(text, match.start, selectors, quoteScore, contextScore);
    if (!best || score > best.score) best = { start: match.start, end: match.end, score, quoteScore, contextScore };
  }
  if (!best) return null;
  // Its context agrees, or a long passage is nearly unchanged (moved, its context rewritten).
  const placed =
    best.contextScore >= MIN_CONTEXT_SCORE ||
    (exact.length >= MIN_LONE_LENGTH && best.quoteScore >= MIN_LONE_QUOTE_SCORE);
  if (!placed) return null;
  const refined = refineEnds(text, best, selectors, maxErrors);
  return { start: refined.start, end: refined.end, method: 'fuzzy' };
}

/** How many characters of the prefix's end and the suffix's start mark a passage's ends (see refineEnds). */
const EDGE_CONTEXT = 12;

/**
 * Moves the ends of an approximate match to where the stored context says they are. The
 * search keeps, for each end, the start with the fewest differences, so a word inserted at a
 * passage's edge ("open ion channels" → "open their ion channels") makes it drop a word of
 * the passage instead; where the prefix's last characters end near the start (and the
 * suffix's first ones begin near the end), the ends snap there, if the passage then fits
 * its selectors at least as well.
 */
function refineEnds(
  text: string,
  match: { start: number; end: number; score: number },
  selectors: TextSelectors,
  window: number,
): { start: number; end: number } {
  const { prefix, suffix, exact } = selectors.quote;
  const prefixTail = prefix.slice(-EDGE_CONTEXT);
  const suffixHead = suffix.slice(0, EDGE_CONTEXT);
  const nearest = (candidates: number[], to: number) =>
    candidates.reduce<number | null>(
      (found, at) => (found === null || Math.abs(at - to) < Math.abs(found - to) ? at : found),
      null,
    );
  const occurrences = (part: string, from: number, to: number) => {
    const found: number[] = [];
    if (part.length < 4) return found;
    const lo = Math.max(0, from);
    for (let at = text.indexOf(part, lo); at !== -1 && at <= to; at = text.indexOf(part, at + 1)) found.push(at);
    return found;
  };
  const starts = occurrences(prefixTail, match.start - window - prefixTail.length, match.start + window).map(
    (at) => at + prefixTail.length,
  );
  const ends = occurrences(suffixHead, match.end - window, match.end + window);
  const start = nearest(starts, match.start) ?? match.start;
  const end = nearest(ends, match.end) ?? match.end;
  if ((start === match.start && end === match.end) || start >= end) return match;
  const quoteScore = similarity(text.slice(start, end), exact);
  const score = scoreOf(text, start, selectors, quoteScore, contextScoreOf(text, start, end, selectors));
  return score >= match.score ? { start, end } : match;
}

function placeExactly(text: string, selectors: TextSelectors): Anchor | null {
  const { exact } = selectors.quote;
  const stored = selectors.position.start;
  let best: { start: number; score: number } | null = null;
  let found = 0;
  for (let at = text.indexOf(exact); at !== -1 && found < MAX_OCCURRENCES; at = text.indexOf(exact, at + 1)) {
    found++;
    const score = scoreOf(text, at, selectors, 1, contextScoreOf(text, at, at + exact.length, selectors));
    // On a tie the stored offsets win, then the earlier occurrence.
    if (!best || score > best.score || (score === best.score && at === stored)) best = { start: at, score };
  }
  if (!best) return null;
  return { start: best.start, end: best.start + exact.length, method: best.start === stored ? 'position' : 'quote' };
}

/** Hypothesis's weights: the passage's own text counts most, then its context (prefix, suffix), then its position. */
const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 };

/** How well a candidate fits the selectors, from 0 to 1. */
function scoreOf(
  text: string,
  start: number,
  selectors: TextSelectors,
  quoteScore: number,
  contextScore: number,
): number {
  const distance = Math.abs(start - selectors.position.start);
  const positionScore = 1 - Math.min(1, distance / Math.max(1, text.length));
  const total = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position;
  return (
    (WEIGHTS.quote * quoteScore + (WEIGHTS.prefix + WEIGHTS.suffix) * contextScore + WEIGHTS.position * positionScore) /
    total
  );
}

/** How well the text around a candidate at `start`–`end` agrees with the stored prefix and suffix, 0 to 1. */
function contextScoreOf(text: string, start: number, end: number, selectors: TextSelectors): number {
  const { prefix, suffix } = selectors.quote;
  const prefixScore = similarity(text.slice(Math.max(0, start - prefix.length), start), prefix);
  const suffixScore = similarity(text.slice(end, end + suffix.length), suffix);
  return (prefixScore + suffixScore) / 2;
}

/** 1 when `actual` is `expected`, down to 0 as they differ (edit distance over its length). */
function similarity(actual: string, expected: string): number {
  if (expected.length === 0) return 1;
  if (actual === expected) return 1;
  if (actual.length === 0) return 0;
  const matches = search(actual, expected, expected.length);
  if (matches.length === 0) return 0;
  // The search finds `expected` anywhere in `actual`; what it could not match is missing too.
  const errors = Math.min(...matches.map((match) => match.errors));
  return Math.max(0, 1 - errors / expected.length);
}
