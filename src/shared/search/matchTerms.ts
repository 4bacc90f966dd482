/**
 * Which words of a text a query matches, decided exactly as the index decides it (same
 * tokenizer, same prefix and typo rules), so highlights agree with results.
 */
import { maxEdits, type ParsedQuery, type QueryItem } from './parseQuery';
import { stemOf } from './stemWord';
import { scanTerms, tokenize, type Token } from './tokenize';

/** How a term of the text matched a query word: 'stem' is another form of the word (stemWord.ts). */
export type TermMatch = 'exact' | 'prefix' | 'stem' | 'fuzzy';

/**
 * In forgiving search, a finished query word of at least this many letters also matches as
 * a prefix ("neuro" finds "neuron"), below the word being typed; shorter ones would match
 * half the vocabulary.
 */
export const WORD_PREFIX_MIN_LENGTH = 3;

let scratch = new Int32Array(96);

/**
 * The edit distance between `a` and `b` when it is at most `max`, else `max + 1`. Edits are
 * insertions, deletions, substitutions and swaps of two adjacent letters (Damerau, the
 * optimal string alignment variant, as the index counts typos). Linear in the lengths for
 * small `max`.
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  const width = n + 1;
  // Three rows in one scratch array reused by every call, at rotating offsets (highlighting
  // calls this for every word of every hit: three arrays each would be garbage at once).
  if (scratch.length < 3 * width) scratch = new Int32Array(6 * width);
  const rows = scratch;
  let twoBack = 0;
  let previous = width;
  let current = 2 * width;
  for (let j = 0; j <= n; j++) {
    rows[twoBack + j] = 0;
    rows[previous + j] = j;
    rows[current + j] = 0;
  }
  for (let i = 1; i <= a.length; i++) {
    rows[current] = i;
    let rowMin = i;
    const code = a.charCodeAt(i - 1);
    const codeBefore = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = 1; j <= n; j++) {
      let value = Math.min(
        rows[previous + j - 1]! + (code === b.charCodeAt(j - 1) ? 0 : 1),
        rows[previous + j]! + 1,
        rows[current + j - 1]! + 1,
      );
      if (i > 1 && j > 1 && code === b.charCodeAt(j - 2) && codeBefore === b.charCodeAt(j - 1)) {
        value = Math.min(value, rows[twoBack + j - 2]! + 1);
      }
      rows[current + j] = value;
      if (value < rowMin) rowMin = value;
    }
    // Distances never shrink down the rows (a swap costs no less than the substitutions it
    // replaces): no need to finish.
    if (rowMin > max) return max + 1;
    const oldest = twoBack;
    twoBack = previous;
    previous = current;
    current = oldest;
  }
  return Math.min(rows[previous + n]!, max + 1);
}

/**
 * How `term` (a folded term of a text) matches the query word part `part`, or null.
 * `prefix`: the part may match as a prefix; `fuzzy`: typos allowed (see maxEdits);
 * `stem`: the part's English stem (stemWord.ts), when other word forms match too.
 */
export function matchPart(
  part: string,
  term: string,
  prefix: boolean,
  fuzzy: boolean,
  stem: string | null = null,
): TermMatch | null {
  if (term === part) return 'exact';
  if (prefix && term.startsWith(part)) return 'prefix';
  // Porter2 never changes a word's first letter: most terms are ruled out without stemming.
  if (stem !== null && term.charCodeAt(0) === stem.charCodeAt(0) && stemOf(term) === stem) return 'stem';
  if (fuzzy) {
    const edits = maxEdits(part);
    if (edits > 0 && boundedEditDistance(part, term, edits) <= edits) return 'fuzzy';
  }
  return null;
}

interface PartRule {
  part: string;
  prefix: boolean;
  fuzzy: boolean;
  stem: string | null;
}

function rulesOf(item: QueryItem, forgiving: boolean): PartRule[] {
  if (item.kind === 'phrase') {
    return item.words.map((part, i) => ({
      part,
      prefix: item.prefix && i === item.words.length - 1,
      fuzzy: false,
      stem: null,
    }));
  }
  const rules = item.parts.map((part, i) => ({
    part,
    prefix:
      (item.prefix && i === item.parts.length - 1) ||
      (forgiving && !item.exact && item.parts.length === 1 && part.length >= WORD_PREFIX_MIN_LENGTH),
    fuzzy: !item.exact,
    stem: forgiving && !item.exact && item.parts.length === 1 ? stemOf(part) : null,
  }));
  if (item.parts.length > 1) rules.push({ part: item.parts.join(''), prefix: item.prefix, fuzzy: false, stem: null });
  return rules;
}

/**
 * Decides which terms of a document match a query's positive words and phrases (never
 * its exclusions), the way results are ranked: for each query word, only the closest
 * matches in the document count (exact and prefix matches, else the fewest typos), so
 * a document holding "glutamate" does not also light up "glutamine" for "glutamte".
 * Forgiving (the default, as the index searches): other word forms and, for finished
 * words, completions match too, so "releasing" lights up "release".
 */
export class QueryTermMatcher {
  private readonly rules: PartRule[];
  private readonly cache = new Map<string, Array<number> | null>();

  constructor(query: ParsedQuery, options: { forgiving?: boolean } = {}) {
    const forgiving = options.forgiving ?? true;
    this.rules = query.clauses.flatMap((clause) => clause.flatMap((item) => rulesOf(item, forgiving)));
  }

  /** How the folded `term` matches the query at best (exact, then prefix or stem, then typo), or null. */
  match(term: string): TermMatch | null {
    const costs = this.costs(term);
    if (!costs) return null;
    let best: TermMatch | null = null;
    costs.forEach((cost, i) => {
      if (cost < 0) return;
      const rule = this.rules[i]!;
      const kind: TermMatch =
        cost > 0
          ? 'fuzzy'
          : term === rule.part
            ? 'exact'
            : rule.prefix && term.startsWith(rule.part)
              ? 'prefix'
              : 'stem';
      if (best === null || kind === 'exact' || (kind !== 'fuzzy' && best === 'fuzzy')) best = kind;
    });
    return best;
  }

  /**
   * The terms of `text` to highlight, in order of first appearance: for each query word,
   * the terms matching it with the fewest typos found in this text.
   */
  termsIn(text: string): string[] {
    const seen = new Map<string, number[]>();
    scanTerms(text, (term) => {
      if (seen.has(term)) return;
      const costs = this.costs(term);
      if (costs) seen.set(term, costs);
    });
    const best = this.rules.map(() => Infinity);
    for (const costs of seen.values()) {
      costs.forEach((cost, i) => {
        if (cost >= 0 && cost < best[i]!) best[i] = cost;
      });
    }
    const chosen: string[] = [];
    for (const [term, costs] of seen) {
      if (costs.some((cost, i) => cost >= 0 && cost === best[i])) chosen.push(term);
    }
    return chosen;
  }

  /** Per rule: -1 when the term does not match it, else its typos (0 for exact and prefix). */
  private costs(term: string): number[] | null {
    const known = this.cache.get(term);
    if (known !== undefined) return known;
    let any = false;
    const costs = this.rules.map((rule) => {
      const found = matchPart(rule.part, term, rule.prefix, rule.fuzzy, rule.stem);
      if (found === null) return -1;
      any = true;
      return found === 'fuzzy' ? Math.max(1, boundedEditDistance(rule.part, term, maxEdits(rule.part))) : 0;
    });
    const result = any ? costs : null;
    this.cache.set(term, result);
    return result;
  }
}

/**
 * Where the words of `text` whose folded form is one of `terms` sit, as sorted,
 * non-overlapping [start, end) ranges (a compound matched as a whole is one range).
 * The UI uses this with a hit's `terms` to highlight a document it opens.
 */
export function findTermRanges(text: string, terms: Iterable<string>): Array<[number, number]> {
  const wanted = terms instanceof Set ? (terms as Set<string>) : new Set(terms);
  if (wanted.size === 0) return [];
  const ranges: Array<[number, number]> = [];
  scanTerms(text, (term, start, end) => {
    if (wanted.has(term)) ranges.push([start, end]);
  });
  return mergeRanges(ranges);
}

/** Sorts ranges and merges overlapping ones (touching ranges stay apart). */
export function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  if (ranges.length < 2) return ranges;
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [[sorted[0]![0], sorted[0]![1]]];
  for (let i = 1; i < sorted.length; i++) {
    const range = sorted[i]!;
    const last = merged[merged.length - 1]!;
    if (range[0] < last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/**
 * True when `words` (folded) occur next to each other, in order, among the word parts of
 * `text` (punctuation between them does not matter; compounds count as their parts). With
 * `prefixLast`, the last word may be the start of a longer word.
 */
export function containsPhrase(text: string, words: readonly string[], prefixLast = false): boolean {
  return phraseRanges(text, words, prefixLast, 1).length > 0;
}

/** Where the phrase occurs in `text` (see containsPhrase), up to `limit` occurrences. */
export function phraseRanges(
  text: string,
  words: readonly string[],
  prefixLast = false,
  limit = Infinity,
): Array<[number, number]> {
  return findPhrase(
    tokenize(text).filter((token) => !token.joined),
    words,
    prefixLast,
    limit,
  );
}

/** Like phraseRanges, over word parts already tokenized (tokens with `joined` false, in order). */
export function findPhrase(
  parts: readonly Token[],
  words: readonly string[],
  prefixLast = false,
  limit = Infinity,
): Array<[number, number]> {
  if (words.length === 0) return [];
  const found: Array<[number, number]> = [];
  const last = words.length - 1;
  for (let i = 0; i + last < parts.length && found.length < limit; i++) {
    let ok = true;
    for (let w = 0; w <= last; w++) {
      const term = parts[i + w]!.term;
      const word = words[w]!;
      if (term === word || (prefixLast && w === last && term.startsWith(word))) continue;
      ok = false;
      break;
    }
    if (ok) found.push([parts[i]!.start, parts[i + last]!.end]);
  }
  return found;
}

/** True when the query has phrases or compounds: matches the index can only approximate. */
export function needsTextCheck(query: ParsedQuery): boolean {
  const approximate = (item: QueryItem) => item.kind === 'phrase' || item.parts.length > 1;
  return query.clauses.some((clause) => clause.some(approximate)) || query.exclude.some(approximate);
}

/**
 * Evaluates a query's words, phrases and exclusions on a document's text exactly (the
 * index answers phrases through a filter that can be wrong about 1% of the time). Scope
 * and tag filters are not checked here. `text` should hold every field the index saw:
 * title, aliases, tags, headings and body. Forgiving (default), words match as the
 * forgiving index matches them (other forms, finished words as prefixes, swaps).
 */
export function textSatisfies(query: ParsedQuery, text: string, forgiving = true): boolean {
  const tokens = tokenize(text);
  const parts = tokens.filter((token) => !token.joined);
  const terms = new Set(tokens.map((token) => token.term));
  const present = (item: QueryItem, exact: boolean): boolean => {
    if (item.kind === 'phrase') return findPhrase(parts, item.words, item.prefix && !exact, 1).length > 0;
    const prefix = item.prefix && !exact;
    if (item.parts.length === 1) {
      const part = item.parts[0]!;
      if (terms.has(part)) return true;
      if (exact) return false;
      const loose = forgiving && !item.exact;
      const asPrefix = prefix || (loose && part.length >= WORD_PREFIX_MIN_LENGTH);
      const stem = loose ? stemOf(part) : null;
      for (const term of terms) if (matchPart(part, term, asPrefix, !item.exact, stem)) return true;
      return false;
    }
    const joined = item.parts.join('');
    if (terms.has(joined)) return true;
    if (prefix) for (const term of terms) if (term.startsWith(joined)) return true;
    return findPhrase(parts, item.parts, prefix, 1).length > 0;
  };
  return (
    query.clauses.every((clause) => clause.some((item) => present(item, false))) &&
    !query.exclude.some((item) => present(item, true))
  );
}
