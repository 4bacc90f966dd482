/**
 * The index's vocabulary as one sorted array of strings, for prefix and typo lookups.
 *
 * A radix tree (MiniSearch's `SearchableMap`) answers the same questions but costs a `Map`
 * per node: at 1,000 notes it held 4.7 MB for 18,000 terms, more than the notes' text.
 * A sorted array costs one pointer per term, and it is an implicit trie: the terms that
 * share a prefix are a contiguous run, so a prefix lookup is a binary search and a typo
 * lookup walks the runs character by character, as it would walk tree nodes, pruning a
 * run as soon as no term in it can be within the allowed distance.
 *
 * Terms added since the last lookup wait in a pending list and are merged in on the next
 * lookup, so building an index of many documents does not shift the array per new term.
 * Order is by UTF-16 code unit (JavaScript's default string order), the order the walk reads.
 */
export class SortedTerms {
  private sorted: string[] = [];
  private pending: string[] = [];

  /** How many terms there are. */
  get size(): number {
    return this.sorted.length + this.pending.length;
  }

  /** Adds a term the caller knows is not present yet. */
  add(term: string): void {
    this.pending.push(term);
  }

  /** Removes the terms `remove` accepts. Linear in the number of terms. */
  removeWhere(remove: (term: string) => boolean): void {
    this.settle();
    this.sorted = this.sorted.filter((term) => !remove(term));
  }

  /** Every term, in order. */
  all(): readonly string[] {
    this.settle();
    return this.sorted;
  }

  /** The terms that start with `prefix` (itself included when present), in order. */
  withPrefix(prefix: string): string[] {
    this.settle();
    const terms = this.sorted;
    const found: string[] = [];
    for (let i = lowerBound(terms, prefix, 0, terms.length); i < terms.length; i++) {
      const term = terms[i]!;
      if (!term.startsWith(prefix)) break;
      found.push(term);
    }
    return found;
  }

  /**
   * The terms within `maxDistance` edits of `word`, each with its distance. Edits are
   * insertions, deletions and substitutions (Levenshtein, as MiniSearch counts them), and
   * with `transpositions` also a swap of two adjacent letters as one edit (Damerau, the
   * optimal string alignment variant: "maening" is one edit from "meaning").
   */
  withinDistance(word: string, maxDistance: number, transpositions = false): Map<string, number> {
    this.settle();
    const found = new Map<string, number>();
    const terms = this.sorted;
    const width = word.length + 1;
    // Row `depth` of the edit-distance table: distances between the first `depth`
    // characters of the terms in the current run and each prefix of `word`.
    const rows: Uint16Array[] = [Uint16Array.from({ length: width }, (_, j) => j)];
    const walk = (from: number, to: number, depth: number): void => {
      const previous = rows[depth]!;
      let start = from;
      // The term that is exactly the run's shared prefix sorts first.
      if (terms[start]!.length === depth) {
        if (previous[width - 1]! <= maxDistance) found.set(terms[start]!, previous[width - 1]!);
        start++;
      }
      const row = (rows[depth + 1] ??= new Uint16Array(width));
      // For a transposition: the row before `previous`, and the run's letter there.
      const twoBack = transpositions && depth > 0 ? rows[depth - 1]! : null;
      const before = twoBack ? terms[from]!.charCodeAt(depth - 1) : -1;
      while (start < to) {
        const code = terms[start]!.charCodeAt(depth);
        const end = runEnd(terms, start, to, depth, code);
        row[0] = depth + 1;
        let best = row[0];
        for (let j = 1; j < width; j++) {
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
    if (terms.length > 0) walk(0, terms.length, 0);
    return found;
  }

  /** Merges the pending terms into the sorted array (lookups do it when needed). */
  settle(): void {
    if (this.pending.length === 0) return;
    const added = this.pending.sort();
    this.pending = [];
    const terms = this.sorted;
    if (added.length * 16 < terms.length) {
      for (const term of added) terms.splice(lowerBound(terms, term, 0, terms.length), 0, term);
      return;
    }
    const merged = new Array<string>(terms.length + added.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < terms.length && j < added.length) merged[k++] = terms[i]! < added[j]! ? terms[i++]! : added[j++]!;
    while (i < terms.length) merged[k++] = terms[i++]!;
    while (j < added.length) merged[k++] = added[j++]!;
    this.sorted = merged;
  }
}

/** The first index in [from, to) whose term is not below `value`. */
function lowerBound(terms: readonly string[], value: string, from: number, to: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The end of the run starting at `from` whose terms have `code` at `depth`. Every term in
 * [from, to) is longer than `depth` and they are sorted, so the codes there never decrease.
 */
function runEnd(terms: readonly string[], from: number, to: number, depth: number, code: number): number {
  let lo = from + 1;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]!.charCodeAt(depth) <= code) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
