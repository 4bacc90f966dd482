import { walkWithinDistance, type TermTable } from './TermTable';

/**
 * The index's vocabulary as one sorted array of strings, for prefix and typo lookups.
 *
 * A radix tree (MiniSearch's `SearchableMap`) answers the same questions but costs a `Map`
 * per node: at 1,000 notes it held 4.7 MB for 18,000 terms, more than the notes' text.
 * A sorted array costs one pointer per term, and it is an implicit trie (see TermTable.ts,
 * whose lookups it uses).
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
    const table = this.table();
    const found = new Map<string, number>();
    walkWithinDistance(table, word, maxDistance, transpositions, (index, distance) =>
      found.set(table.termAt(index), distance),
    );
    return found;
  }

  /** The sorted terms as a TermTable (see TermTable.ts); valid until the next change. */
  table(): TermTable {
    this.settle();
    const terms = this.sorted;
    return {
      count: terms.length,
      lengthAt: (index) => terms[index]!.length,
      codeAt: (index, depth) => terms[index]!.charCodeAt(depth),
      termAt: (index) => terms[index]!,
      compareAt: (index, value) => {
        const term = terms[index]!;
        return term < value ? -1 : term > value ? 1 : 0;
      },
    };
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
