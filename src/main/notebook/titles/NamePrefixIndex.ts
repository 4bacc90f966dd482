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
  /** For visitCommon: per item, how many of the query's words it has a key for, in the query `tallied` says. */
  private tally: Uint8Array | null = null;
  private tallied: Uint32Array | null = null;

  private constructor(
    readonly items: readonly T[],
    private readonly keys: string[],
    private readonly owners: Int32Array,
    /** Per key: FLAG_START when it is a whole name, FLAG_ALIAS when that name is not the item's first. */
    private readonly flags: Uint8Array,
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
      this.tallied?.fill(0);
      this.stamp = 1;
    }
  }

  /**
   * Visits every item with a name that is `q`, starts with it, or has words starting with
   * each of `q`'s words (a superset of the matcher's tiers 1–4: the caller matches each).
   * Work: the keys starting with `q`, and the items with a key starting with each of `q`'s
   * words (counted over each word's keys; only those are matched).
   */
  direct(q: PreparedQuery, visit: (item: T) => void, limit = Infinity, options: { aliasesLast?: boolean } = {}): void {
    const whole = this.range(q.folded);
    // A short query in a large glossary ("b": thousands of names start with it): the closest
    // whole names are enough, as no word-prefix match can rank above `limit` prefix matches.
    if (
      whole[1] - whole[0] > Math.max(4 * limit, MIN_SELECT) &&
      this.visitClosestStarts(q.folded, whole, limit, options.aliasesLast ?? true, visit)
    )
      return;
    this.visitRange(whole, visit);
    const ranges = q.words
      .map((word) => this.range(word))
      .sort((a, b) => a[1] - a[0] - (b[1] - b[0]))
      .slice(0, MAX_WORDS);
    if (ranges.length === 1) this.visitRange(ranges[0]!, visit);
    else if (ranges.length > 1) this.visitCommon(ranges, visit);
  }

  /**
   * Visits the owners found in every range (smallest first): an item matches the word
   * tiers only if each query word starts a word of one of its names. Counting owners
   * through typed arrays costs far less than matching each item of the smallest range ("hi
   * pl": "pl" starts 10,000 names in a dictionary, few of which have a word starting "hi").
   */
  private visitCommon(ranges: Array<[number, number]>, visit: (item: T) => void): void {
    const stamp = this.stamp;
    const tally = (this.tally ??= new Uint8Array(this.items.length));
    const tallied = (this.tallied ??= new Uint32Array(this.items.length));
    const owners = this.owners;
    const [first, ...others] = ranges;
    for (let at = first![0]; at < first![1]; at++) {
      const owner = owners[at]!;
      tallied[owner] = stamp;
      tally[owner] = 1;
    }
    let need = 1;
    for (const [from, to] of others) {
      for (let at = from; at < to; at++) {
        const owner = owners[at]!;
        if (tallied[owner] === stamp && tally[owner] === need) tally[owner] = need + 1;
      }
      need++;
    }
    for (let at = first![0]; at < first![1]; at++) {
      const owner = owners[at]!;
      if (tallied[owner] !== stamp || tally[owner] !== need || this.seen[owner] === stamp) continue;
      this.seen[owner] = stamp;
      visit(this.items[owner]!);
    }
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
   * first, titles before aliases when `aliasesLast`, shorter, alphabetical), the order the
   * caller ranks prefix matches in; true when that gave `limit` items or more.
   */
  private visitClosestStarts(
    query: string,
    [from, to]: [number, number],
    limit: number,
    aliasesLast: boolean,
    visit: (item: T) => void,
  ): boolean {
    const want = 2 * limit;
    const aliasMask = aliasesLast ? FLAG_ALIAS : 0;
    const rankOf = (at: number) =>
      (this.keys[at] === query ? 0 : 1 << 30) + ((this.flags[at]! & aliasMask) << 29) + this.keys[at]!.length;
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
    // Names equal to the last one kept tie on everything the keys tell; the caller breaks
    // such ties by what only it knows (a document's key), so it gets them all (homonyms:
    // "bank" is 18 entries' title). Equal keys sit next to each other.
    const last = best.length === want ? best[want - 1]! : -1;
    if (last >= 0) {
      const rank = rankOf(last);
      const tied = (at: number) =>
        this.keys[at] === this.keys[last] && this.flags[at]! & FLAG_START && rankOf(at) === rank && !best.includes(at);
      for (let at = last - 1; at >= from && this.keys[at] === this.keys[last]; at--) if (tied(at)) best.push(at);
      for (let at = last + 1; at < to && this.keys[at] === this.keys[last]; at++) if (tied(at)) best.push(at);
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

  /** For the builder (KeyCollector). */
  static fromSorted<T>(items: readonly T[], keys: string[], owners: Int32Array, flags: Uint8Array): NamePrefixIndex<T> {
    return new NamePrefixIndex(items, keys, owners, flags);
  }
}

const FLAG_START = 1;
const FLAG_ALIAS = 2;
/** Query words intersected (the most selective): more only narrow what the matcher rules out anyway. */
const MAX_WORDS = 8;
/**
 * Below this many keys for the whole query (and 4 × the caller's limit), every one is
 * visited; above, the closest whole names (visitClosestStarts), which rank as the caller
 * would rank them: matching a few hundred names costs little, 2,000 cost a keystroke's
 * budget on a loaded machine (each prepared, matched and compared).
 */
const MIN_SELECT = 128;

/** Folds names and collects their word keys, a slice of items at a time. */
class KeyCollector<T> {
  private readonly keys: string[] = [];
  private readonly owners: number[] = [];
  private readonly flags: number[] = [];
  private next = 0;

  constructor(
    private readonly items: readonly T[],
    private readonly namesOf: (item: T) => readonly string[],
  ) {}

  /** Collects up to `count` more items; true when every item is in. */
  collect(count: number): boolean {
    const end = Math.min(this.items.length, this.next + count);
    for (; this.next < end; this.next++) {
      const names = this.namesOf(this.items[this.next]!);
      for (let n = 0; n < names.length; n++) {
        const folded = foldTitleName(names[n]!);
        if (folded === '') continue;
        const alias = n > 0 ? FLAG_ALIAS : 0;
        this.add(folded, this.next, FLAG_START | alias);
        const spans = wordSpans(folded);
        for (let i = 0; i < spans.length; i += 2)
          if (spans[i] !== 0) this.add(folded.slice(spans[i]), this.next, alias);
      }
    }
    return this.next >= this.items.length;
  }

  private add(key: string, owner: number, flags: number): void {
    this.keys.push(key);
    this.owners.push(owner);
    this.flags.push(flags);
  }

  finish(): NamePrefixIndex<T> {
    const order = new Int32Array(this.keys.length);
    for (let i = 0; i < order.length; i++) order[i] = i;
    const keys = this.keys;
    order.sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : this.owners[a]! - this.owners[b]!));
    const sortedKeys = new Array<string>(order.length);
    const owners = new Int32Array(order.length);
    const flags = new Uint8Array(order.length);
    for (let i = 0; i < order.length; i++) {
      sortedKeys[i] = keys[order[i]!]!;
      owners[i] = this.owners[order[i]!]!;
      flags[i] = this.flags[order[i]!]!;
    }
    return NamePrefixIndex.fromSorted(this.items, sortedKeys, owners, flags);
  }
}
