import { foldTitleName, type PreparedQuery } from '@shared/titles/matchTitle';
import { wordSpans } from '@shared/text/words';

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
  ) {
    this.seen = new Uint32Array(items.length);
  }

  /** Builds the index at once. */
  static build<T>(items: readonly T[], namesOf: (item: T) => readonly string[]): NamePrefixIndex<T> {
    const collector = new KeyCollector(items, namesOf);
    collector.collect(items.length);
    return collector.finish();
  }

  /**
   * Builds the index a slice of items at a time, giving other work a turn between slices
   * (the sort at the end is one step). Resolves null when `cancelled()` turned true.
   */
  static async buildInSlices<T>(
    items: readonly T[],
    namesOf: (item: T) => readonly string[],
    cancelled: () => boolean,
    slice = 5000,
  ): Promise<NamePrefixIndex<T> | null> {
    const collector = new KeyCollector(items, namesOf);
    while (!collector.collect(slice)) {
      await new Promise((resolve) => setImmediate(resolve));
      if (cancelled()) return null;
    }
    await new Promise((resolve) => setImmediate(resolve));
    return cancelled() ? null : collector.finish();
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
  direct(q: PreparedQuery, visit: (item: T) => void): void {
    this.visitRange(this.range(q.folded), visit);
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

  /** @internal */
  static fromSorted<T>(items: readonly T[], keys: string[], owners: Int32Array): NamePrefixIndex<T> {
    return new NamePrefixIndex(items, keys, owners);
  }
}

/** Folds names and collects their word keys, a slice of items at a time. */
class KeyCollector<T> {
  private readonly keys: string[] = [];
  private readonly owners: number[] = [];
  private next = 0;

  constructor(
    private readonly items: readonly T[],
    private readonly namesOf: (item: T) => readonly string[],
  ) {}

  /** Collects up to `count` more items; true when every item is in. */
  collect(count: number): boolean {
    const end = Math.min(this.items.length, this.next + count);
    for (; this.next < end; this.next++) {
      for (const name of this.namesOf(this.items[this.next]!)) {
        const folded = foldTitleName(name);
        if (folded === '') continue;
        const spans = wordSpans(folded);
        if (spans[0] !== 0) this.add(folded, this.next);
        for (let i = 0; i < spans.length; i += 2) this.add(spans[i] === 0 ? folded : folded.slice(spans[i]), this.next);
      }
    }
    return this.next >= this.items.length;
  }

  private add(key: string, owner: number): void {
    this.keys.push(key);
    this.owners.push(owner);
  }

  finish(): NamePrefixIndex<T> {
    const order = new Int32Array(this.keys.length);
    for (let i = 0; i < order.length; i++) order[i] = i;
    const keys = this.keys;
    order.sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : this.owners[a]! - this.owners[b]!));
    const sortedKeys = new Array<string>(order.length);
    const owners = new Int32Array(order.length);
    for (let i = 0; i < order.length; i++) {
      sortedKeys[i] = keys[order[i]!]!;
      owners[i] = this.owners[order[i]!]!;
    }
    return NamePrefixIndex.fromSorted(this.items, sortedKeys, owners);
  }
}
