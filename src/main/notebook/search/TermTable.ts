/**
 * A sorted vocabulary read by position, and the two lookups the query planner needs from it
 * (a prefix range, the terms within an edit distance), written once for both kinds of
 * vocabulary the index has: the live index's array of strings (SortedTerms.ts) and a
 * reference pack's packed term block (PackSegment.ts), which holds no string per term.
 *
 * Terms are distinct and sorted by UTF-16 code unit (JavaScript's default string order).
 * The sorted table is an implicit trie: the terms sharing a prefix are a contiguous run, so
 * a prefix lookup is a binary search, and a typo lookup walks the runs character by
 * character as it would walk tree nodes, pruning a run as soon as no term in it can be
 * within the allowed distance.
 */
export interface TermTable {
  /** How many terms. */
  readonly count: number;
  /** The length (UTF-16 code units) of the term at `index`. */
  lengthAt(index: number): number;
  /** The code unit at `depth` of the term at `index` (`depth` below its length). */
  codeAt(index: number, depth: number): number;
  /** The term at `index`, as a string. */
  termAt(index: number): string;
  /** Negative, zero or positive as the term at `index` sorts before, equal to or after `value`. */
  compareAt(index: number, value: string): number;
}

/** The first index whose term is not below `value` (count when none). */
export function lowerBoundOf(table: TermTable, value: string): number {
  let lo = 0;
  let hi = table.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (table.compareAt(mid, value) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index of `term`, or -1. */
export function indexOfTerm(table: TermTable, term: string): number {
  const at = lowerBoundOf(table, term);
  return at < table.count && table.compareAt(at, term) === 0 ? at : -1;
}

/** The indices [from, to) of the terms starting with `prefix` (itself included when present). */
export function prefixRangeOf(table: TermTable, prefix: string): [number, number] {
  const from = lowerBoundOf(table, prefix);
  // Every term starting with the prefix sorts before the prefix followed by the highest code unit.
  let lo = from;
  let hi = table.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (startsWith(table, mid, prefix)) lo = mid + 1;
    else hi = mid;
  }
  return [from, lo];
}

function startsWith(table: TermTable, index: number, prefix: string): boolean {
  if (table.lengthAt(index) < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (table.codeAt(index, i) !== prefix.charCodeAt(i)) return false;
  return true;
}

/**
 * Calls `visit(index, distance)` for every term within `maxDistance` edits of `word`.
 * Edits are insertions, deletions and substitutions (Levenshtein, as MiniSearch counts
 * them), and with `transpositions` also a swap of two adjacent letters as one edit
 * (Damerau, the optimal string alignment variant: "maening" is one edit from "meaning").
 */
export function walkWithinDistance(
  table: TermTable,
  word: string,
  maxDistance: number,
  transpositions: boolean,
  visit: (index: number, distance: number) => void,
): void {
  const width = word.length + 1;
  // Row `depth` of the edit-distance table: distances between the first `depth`
  // characters of the terms in the current run and each prefix of `word`. Only the cells
  // within `maxDistance` of the diagonal are computed (Ukkonen's band): any other cell is
  // more than `maxDistance` (at least the difference in length), so it keeps `over`, which
  // decides pruning and matching the same way; the walk's results are unchanged.
  const over = maxDistance + 1;
  const rows: Uint16Array[] = [Uint16Array.from({ length: width }, (_, j) => j)];
  const walk = (from: number, to: number, depth: number): void => {
    const previous = rows[depth]!;
    let start = from;
    // The term that is exactly the run's shared prefix sorts first.
    if (table.lengthAt(start) === depth) {
      if (previous[width - 1]! <= maxDistance) visit(start, previous[width - 1]!);
      start++;
    }
    const row = (rows[depth + 1] ??= new Uint16Array(width).fill(over));
    const bandFrom = Math.max(1, depth + 1 - maxDistance);
    const bandTo = Math.min(width - 1, depth + 1 + maxDistance);
    // For a transposition: the row before `previous`, and the run's letter there.
    const twoBack = transpositions && depth > 0 ? rows[depth - 1]! : null;
    const before = twoBack ? table.codeAt(from, depth - 1) : -1;
    while (start < to) {
      const code = table.codeAt(start, depth);
      const end = runEnd(table, start, to, depth, code);
      row[0] = depth + 1;
      let best = bandFrom === 1 ? row[0] : over;
      for (let j = bandFrom; j <= bandTo; j++) {
        const substitute = previous[j - 1]! + (word.charCodeAt(j - 1) === code ? 0 : 1);
        let value = Math.min(previous[j]! + 1, row[j - 1]! + 1, substitute);
        // Pruning on the row minimum stays sound: a swap costs no less than the
        // substitution path through `previous`.
        if (twoBack && j > 1 && code === word.charCodeAt(j - 2) && before === word.charCodeAt(j - 1)) {
          value = Math.min(value, twoBack[j - 2]! + 1);
        }
        row[j] = value;
        if (value < best) best = value;
      }
      if (best <= maxDistance) walk(start, end, depth + 1);
      start = end;
    }
  };
  if (table.count > 0) walk(0, table.count, 0);
}

/**
 * The end of the run starting at `from` whose terms have `code` at `depth`. Every term in
 * [from, to) is longer than `depth` and they are sorted, so the codes there never decrease.
 */
function runEnd(table: TermTable, from: number, to: number, depth: number, code: number): number {
  let lo = from + 1;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (table.codeAt(mid, depth) <= code) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Compares the strings at `a` and `b` of a table stored as one text with their starts (each
 * string followed by one separator, `starts[i + 1]` past it), as the table's order does,
 * without making either a string.
 */
export function compareStoredStrings(text: string, starts: Uint32Array, a: number, b: number): number {
  const startA = starts[a]!;
  const startB = starts[b]!;
  const lengthA = starts[a + 1]! - startA - 1;
  const lengthB = starts[b + 1]! - startB - 1;
  const shared = Math.min(lengthA, lengthB);
  for (let i = 0; i < shared; i++) {
    const difference = text.charCodeAt(startA + i) - text.charCodeAt(startB + i);
    if (difference !== 0) return difference;
  }
  return lengthA - lengthB;
}

/** Compares the string at `index` of such a stored table with `value`, as the table's order does. */
export function compareStoredString(text: string, starts: Uint32Array, index: number, value: string): number {
  const start = starts[index]!;
  const length = starts[index + 1]! - start - 1;
  const shared = Math.min(length, value.length);
  for (let i = 0; i < shared; i++) {
    const difference = text.charCodeAt(start + i) - value.charCodeAt(i);
    if (difference !== 0) return difference;
  }
  return length - value.length;
}
