import type { PreparedQuery } from '@shared/titles/matchTitle';
import { FLAG_ALIAS, FLAG_START, mergeNameKeys, NameKeyCollector, type NameKeys } from './NameKeys';

/**
 * Names (titles and aliases) folded as the title matcher folds them (shared/titles/
 * matchTitle.ts) and sorted by every word they hold, so that the quick switcher and the
 * `[[` menu find, by binary search, every item whose name is the query, starts with it, or
 * has words starting with the query's words (the matcher's tiers 1–4), whatever the number
 * of items: the work per keystroke is the size of the matching range, not of the glossary.
 * The looser tiers (inside a word, letters in order, typos) are left to a bounded scan
 * (see scan).
 *
 * Keys are the folded name from each word start (and from its first character), owners the
 * items they belong to. Built once over a snapshot of items; the caller keeps items added
 * later aside and rebuilds when they grow many.
 */
export class NamePrefixIndex<T> {
  private readonly seen: Uint32Array;
  private stamp = 0;

  private constructor(
    readonly items: readonly T[],
    private readonly keys: string[],
    private readonly owners: Int32Array,
    /** Per key: FLAG_START when it is a whole name, FLAG_ALIAS when that name is not the item's first. */
    private readonly flags: Uint8Array,
  ) {
    this.seen = new Uint32Array(items.length);
  }

  /**
   * Builds the index at once. With `base`, the keys of items 0…base.count-1 (the same
   * documents, in the same order: see NameKeys), only the items after them are folded.
   */
  static build<T>(items: readonly T[], namesOf: (item: T) => readonly string[], base?: NameKeys): NamePrefixIndex<T> {
    const collector = new NameKeyCollector(items.length, (at) => namesOf(items[at]!), base?.count ?? 0);
    collector.collect(items.length);
    return NamePrefixIndex.fromKeys(items, withBase(collector.finish(), base));
  }

  /**
   * Builds the index a slice of items at a time, giving other work a turn between slices
   * (the sort at the end is one step). Resolves null when `cancelled()` turned true. `base`:
   * as for build.
   */
  static async buildInSlices<T>(
    items: readonly T[],
    namesOf: (item: T) => readonly string[],
    cancelled: () => boolean,
    slice = 5000,
    base?: NameKeys,
  ): Promise<NamePrefixIndex<T> | null> {
    const collector = new NameKeyCollector(items.length, (at) => namesOf(items[at]!), base?.count ?? 0);
    while (!collector.collect(slice)) {
      await new Promise((resolve) => setImmediate(resolve));
      if (cancelled()) return null;
    }
    await new Promise((resolve) => setImmediate(resolve));
    return cancelled() ? null : NamePrefixIndex.fromKeys(items, withBase(collector.finish(), base));
  }

  /** The index over `items` with keys made before (see NameKeys); `keys.count` must be items.length. */
  static fromKeys<T>(items: readonly T[], keys: NameKeys): NamePrefixIndex<T> {
    if (keys.count !== items.length) throw new Error(`name keys of ${keys.count} items for ${items.length}`);
    return new NamePrefixIndex(items, keys.keys as string[], keys.owners, keys.flags);
  }

  get size(): number {
    return this.items.length;
  }

  /** Starts a query: each item is visited at most once until the next begin. */
  begin(): void {
    this.stamp++;
    if (this.stamp === 0xffffffff) {
      this.seen.fill(0);
      this.stamp = 1;
    }
  }

  /**
   * Visits every item with a name that is `q`, starts with it, or has words starting with
   * each of `q`'s words (a superset of the matcher's tiers 1–4: the caller matches each).
   * Work: the keys starting with `q` and those starting with `q`'s most selective word.
   */
  direct(q: PreparedQuery, visit: (item: T) => void, limit = Infinity): void {
    const whole = this.range(q.folded);
    // A short query in a large glossary ("b": thousands of names start with it): the closest
    // whole names are enough, as no word-prefix match can rank above `limit` prefix matches.
    if (whole[1] - whole[0] > Math.max(4 * limit, MIN_SELECT) && this.visitClosestStarts(q.folded, whole, limit, visit))
      return;
    this.visitRange(whole, visit);
    let best: [number, number] | null = null;
    for (const word of q.words) {
      const range = this.range(word);
      if (!best || range[1] - range[0] < best[1] - best[0]) best = range;
    }
    if (best) this.visitRange(best, visit);
  }

  /**
   * Visits at most `cap` items not visited yet in this query, in key order from where `from`
   * would sort (wrapping around): a bounded, stable pass for the looser tiers.
   */
  scan(from: string, cap: number, visit: (item: T) => void): void {
    const total = this.keys.length;
    if (total === 0 || cap <= 0) return;
    const start = this.lowerBound(from) % total;
    let visited = 0;
    for (let n = 0; n < total && visited < cap; n++) {
      const owner = this.owners[(start + n) % total]!;
      if (this.seen[owner] === this.stamp) continue;
      this.seen[owner] = this.stamp;
      visited++;
      visit(this.items[owner]!);
    }
  }

  /** Keys starting with `prefix`: [from, to). */
  range(prefix: string): [number, number] {
    const from = this.lowerBound(prefix);
    // Every string starting with `prefix` sorts before prefix + U+FFFF.
    const to = prefix === '' ? this.keys.length : this.lowerBound(`${prefix}\uffff`);
    return [from, to];
  }

  /**
   * Visits the owners of the 2 × `limit` best whole names in [from, to) by (the query itself
   * first, titles before aliases, shorter, alphabetical), the order the callers rank prefix
   * matches in; true when that gave `limit` items or more.
   */
  private visitClosestStarts(
    query: string,
    [from, to]: [number, number],
    limit: number,
    visit: (item: T) => void,
  ): boolean {
    const want = 2 * limit;
    const rankOf = (at: number) =>
      (this.keys[at] === query ? 0 : 1 << 30) + ((this.flags[at]! & FLAG_ALIAS) << 29) + this.keys[at]!.length;
    // Kept sorted, best first; `want` is small (the caller's limit).
    const best: number[] = [];
    for (let at = from; at < to; at++) {
      if (!(this.flags[at]! & FLAG_START)) continue;
      const rank = rankOf(at);
      if (best.length === want && rank >= rankOf(best[want - 1]!)) continue;
      let slot = best.length;
      while (slot > 0 && rankOf(best[slot - 1]!) > rank) slot--;
      best.splice(slot, 0, at);
      if (best.length > want) best.pop();
    }
    let visited = 0;
    for (const at of best) {
      const owner = this.owners[at]!;
      if (this.seen[owner] === this.stamp) continue;
      this.seen[owner] = this.stamp;
      visited++;
      visit(this.items[owner]!);
    }
    return visited >= limit;
  }

  private visitRange([from, to]: [number, number], visit: (item: T) => void): void {
    for (let at = from; at < to; at++) {
      const owner = this.owners[at]!;
      if (this.seen[owner] === this.stamp) continue;
      this.seen[owner] = this.stamp;
      visit(this.items[owner]!);
    }
  }

  private lowerBound(value: string): number {
    let low = 0;
    let high = this.keys.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.keys[mid]! < value) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Test and bench access to the sorted keys. */
  keyAt(at: number): string | undefined {
    return this.keys[at];
  }
}

/** Below this many keys for the whole query, every one is visited. */
const MIN_SELECT = 2000;

/** `rest` (the keys of the items after `base`'s) and `base` as one table. */
function withBase(rest: NameKeys, base: NameKeys | undefined): NameKeys {
  if (!base) return rest;
  if (rest.keys.length === 0) return { ...base, count: rest.count };
  return mergeNameKeys(
    [
      { keys: base, positions: null },
      { keys: rest, positions: null },
    ],
    rest.count,
  );
}
