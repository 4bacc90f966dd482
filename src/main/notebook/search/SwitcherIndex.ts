import type { DocRef } from '@shared/domain/docRef';
import type { SwitcherItem } from '@shared/domain/search';
import {
  allowsTypos,
  directTier,
  matchRanges,
  MatchTier,
  prepareName,
  prepareQuery,
  subsequenceScore,
  typoScore,
  type PreparedName,
  type PreparedQuery,
} from '@shared/titles/matchTitle';
import { NamePrefixIndex } from '../titles/NamePrefixIndex';
import { baseKeysFor, type EntryNameKeys, type NameKeys } from '../titles/NameKeys';

/**
 * Up to this many reference entries a query tries every document (every tier complete, as
 * the tests pin down; a vault of 50,000 notes too); above, it uses a sorted name index (a
 * dictionary-sized reference pack).
 */
export const SWITCHER_FULL_SCAN_LIMIT = 20_000;
/** With the name index: documents the looser tiers (inside a word, letters in order, typos) try at most. */
export const SWITCHER_LOOSE_CAP = 250;

/** A document the quick switcher can offer. */
export interface SwitcherEntry {
  key: string;
  ref: DocRef;
  kind: 'entry' | 'note';
  title: string;
  folder: string;
  aliases: readonly string[];
  /** ISO modification time for notes; '' for entries. */
  modified: string;
}

/** A document with its names prepared for matching when first matched (not at start-up: 160,000 names). */
class Prepared {
  private prepared: PreparedName[] | null = null;
  /** The query that last tried it (see SwitcherIndex.query): tried once per query, no set kept. */
  mark = 0;

  constructor(readonly entry: SwitcherEntry) {}

  /** The title first, then the aliases. */
  get names(): PreparedName[] {
    return (this.prepared ??= [this.entry.title, ...this.entry.aliases.filter((a) => a.trim() !== '')].map(
      prepareName,
    ));
  }

  /** Folded title, for alphabetical ties without localeCompare. */
  get sortKey(): string {
    return this.names[0]!.folded;
  }
}

const namesOf = (item: Prepared): string[] => [item.entry.title, ...item.entry.aliases];

/** A match, without its ranges (computed for the winners only). */
interface Candidate {
  item: Prepared;
  tier: MatchTier;
  /** Higher is better, within a tier. */
  score: number;
  name: number;
  recent: number;
}

/**
 * The quick switcher over note and entry titles and aliases. Matching is the shared title
 * matcher's (shared/titles/matchTitle.ts), every tier including typos: the whole name, a
 * prefix, word prefixes (in order, then any order), a substring, the letters in order
 * ("ggr" → "GABA Glutamate Ratio"), words with typos. Within a tier: the better score,
 * then titles over aliases, recently opened documents, shorter names, alphabetical order.
 *
 * Runs in the main thread, so the hot path allocates nothing per title and keeps only
 * the best `limit` candidates; matched ranges are worked out for those alone. The looser
 * tiers are tried only when the closer ones leave room.
 *
 * Above SWITCHER_FULL_SCAN_LIMIT reference entries (a 120,000-entry pack), the exact, prefix and
 * word-prefix tiers come from a sorted name index (NamePrefixIndex, built in slices in the
 * background after start-up, or at the first query), so they stay complete and ranked as
 * below the limit; the looser tiers then try every note but at most SWITCHER_LOOSE_CAP
 * entries near the query in name order (the same ones for the same query). Documents set
 * after the index was built are tried in full until the next rebuild.
 */
export class SwitcherIndex {
  private readonly items = new Map<string, Prepared>();
  private index: NamePrefixIndex<Prepared> | null = null;
  /** Documents set since the index's snapshot (not in it). */
  private readonly added = new Set<Prepared>();
  /** Documents of the snapshot replaced or deleted since. */
  private stale = 0;
  private building = 0;
  private warmTimer: ReturnType<typeof setTimeout> | null = null;
  private queries = 0;
  /** Reference entries among the documents: the name index is for them (see fullScanLimit). */
  private entryCount = 0;
  private readonly fullScanLimit: number;
  private readonly looseCap: number;
  private readonly entryNames: EntryNameKeys | undefined;

  /**
   * The limits are for tests: the defaults are SWITCHER_FULL_SCAN_LIMIT and SWITCHER_LOOSE_CAP.
   * `entryNames`: the glossary's name keys made once (see PackLibrary.loadNameKeys), used
   * when the documents begin with its entries (as SearchService sets them), so building the
   * name index folds only the notes' names.
   */
  constructor(options: { fullScanLimit?: number; looseCap?: number; entryNames?: EntryNameKeys } = {}) {
    this.fullScanLimit = options.fullScanLimit ?? SWITCHER_FULL_SCAN_LIMIT;
    this.looseCap = options.looseCap ?? SWITCHER_LOOSE_CAP;
    this.entryNames = options.entryNames;
  }

  get size(): number {
    return this.items.size;
  }

  set(entry: SwitcherEntry): void {
    const item = new Prepared(entry);
    const old = this.items.get(entry.key);
    if (old && !this.added.delete(old)) this.stale++;
    if (old?.entry.kind === 'entry') this.entryCount--;
    if (entry.kind === 'entry') this.entryCount++;
    this.items.set(entry.key, item);
    if (this.index || this.building) this.added.add(item);
    this.warmSoon();
  }

  delete(key: string): void {
    const old = this.items.get(key);
    if (!old) return;
    if (!this.added.delete(old)) this.stale++;
    if (old.entry.kind === 'entry') this.entryCount--;
    this.items.delete(key);
  }

  /** Builds the name index now if the documents need one and it is missing (tests, the benchmark). */
  indexNowIfLarge(): void {
    if (this.entryCount > this.fullScanLimit) this.indexNow();
  }

  /** Starts building the name index in the background once documents stop arriving. */
  private warmSoon(): void {
    if (this.entryCount <= this.fullScanLimit || this.warmTimer || this.building) return;
    if (this.index && !this.needsRebuild()) return;
    this.warmTimer = setTimeout(() => {
      this.warmTimer = null;
      void this.buildInBackground();
    }, 200);
    this.warmTimer.unref?.();
  }

  private needsRebuild(): boolean {
    return this.added.size + this.stale > Math.max(2000, this.items.size / 10);
  }

  private async buildInBackground(): Promise<void> {
    const run = ++this.building;
    const keys = (await this.entryNames?.load()) ?? null;
    if (this.building !== run) return;
    const snapshot = [...this.items.values()];
    // Until the new index is in, the old one (if any) still needs these beside it.
    const covered = [...this.added];
    const staleBefore = this.stale;
    const built = await NamePrefixIndex.buildInSlices(
      snapshot,
      namesOf,
      () => this.building !== run,
      undefined,
      this.baseKeys(snapshot, keys),
    );
    if (built && this.building === run) {
      this.index = built;
      this.building = 0;
      for (const item of covered) this.added.delete(item);
      this.stale = Math.max(0, this.stale - staleBefore);
    }
  }

  /** The name index, built now if there is none yet (or it grew stale). */
  private indexNow(): NamePrefixIndex<Prepared> {
    if (this.index && (this.building || !this.needsRebuild())) return this.index;
    this.building = 0;
    const snapshot = [...this.items.values()];
    this.added.clear();
    this.stale = 0;
    this.index = NamePrefixIndex.build(snapshot, namesOf, this.baseKeys(snapshot, this.entryNames?.ready()));
    return this.index;
  }

  private baseKeys(snapshot: readonly Prepared[], keys: NameKeys | null | undefined): NameKeys | undefined {
    return baseKeysFor(this.entryNames, keys, snapshot, ({ entry }) =>
      entry.ref.kind === 'entry' ? { id: entry.ref.id, title: entry.title, aliases: entry.aliases } : null,
    );
  }

  has(key: string): boolean {
    return this.items.has(key);
  }

  /**
   * The best `limit` documents for `query`; for a blank query, `recent` documents (that
   * still exist) first, then notes by modification time, newest first.
   */
  query(query: string, options: { limit: number; recent: readonly string[] }): SwitcherItem[] {
    const limit = Math.max(0, options.limit);
    if (limit === 0) return [];
    const q = prepareQuery(query);
    if (q === null) return this.recentFirst(options.recent, limit);
    const recentRank = new Map(options.recent.map((key, index) => [key, index]));
    const best = new TopK(limit);
    let matched = 0;
    const consider = (item: Prepared, tier: MatchTier, score: number, name: number) => {
      matched++;
      best.offer({ item, tier, score, name, recent: recentRank.get(item.entry.key) ?? Infinity });
    };

    const rest: Prepared[] = [];
    const direct = (item: Prepared) => {
      if (!this.bestOf(item, (name) => directTier(name, q), consider)) rest.push(item);
    };
    if (this.entryCount <= this.fullScanLimit) {
      for (const item of this.items.values()) direct(item);
    } else {
      const index = this.indexNow();
      const run = ++this.queries;
      /** Tries a live document once in this query (the index may hold replaced or deleted ones). */
      const tryOnce = (item: Prepared) => {
        if (item.mark === run || this.items.get(item.entry.key) !== item) return;
        item.mark = run;
        direct(item);
      };
      // Recently opened documents rank above others of their tier: tried whatever the index picks.
      for (const key of options.recent) {
        const item = this.items.get(key);
        if (item) tryOnce(item);
      }
      index.begin();
      index.direct(q, tryOnce, limit);
      for (const item of this.added) tryOnce(item);
      if (matched < limit) {
        // The looser tiers, and substrings: every note (the user's own, as below the limit),
        // and the reference entries of a bounded stretch of names near the query.
        for (const item of this.items.values()) {
          if (item.entry.kind === 'note' && item.mark !== run) {
            item.mark = run;
            direct(item);
          }
        }
        index.scan(q.folded, this.looseCap, tryOnce);
      }
    }
    // Looser tiers only matter when the closer ones leave room.
    if (matched < limit && q.words.join('').length >= 2) {
      const still: Prepared[] = [];
      for (const item of rest) {
        if (!this.bestOf(item, (name) => subsequenceScore(name, q.words), consider, MatchTier.Subsequence)) {
          still.push(item);
        }
      }
      if (matched < limit && allowsTypos(q)) {
        for (const item of still) this.bestOf(item, (name) => typoScore(name, q.words), consider, MatchTier.Typo);
      }
    }
    return best.sorted().map((candidate) => this.toItem(candidate, q));
  }

  /**
   * Tries every name of an item; reports the best match, if any. `test` returns a tier
   * (or, with `fixedTier`, a score), or null for no match: numbers, so the hot path
   * allocates nothing per name.
   */
  private bestOf(
    item: Prepared,
    test: (name: PreparedName) => number | null,
    consider: (item: Prepared, tier: MatchTier, score: number, name: number) => void,
    fixedTier?: MatchTier,
  ): boolean {
    let bestTier: number = Infinity;
    let bestScore = -Infinity;
    let bestName = -1;
    const names = item.names;
    for (let i = 0; i < names.length; i++) {
      const result = test(names[i]!);
      if (result === null) continue;
      const tier = fixedTier ?? result;
      const score = fixedTier === undefined ? 0 : result;
      if (tier < bestTier || (tier === bestTier && score > bestScore)) {
        bestTier = tier;
        bestScore = score;
        bestName = i;
      }
    }
    if (bestName < 0) return false;
    consider(item, bestTier as MatchTier, bestScore, bestName);
    return true;
  }

  private toItem(candidate: Candidate, q: PreparedQuery): SwitcherItem {
    const { item, tier, name: index } = candidate;
    const name = item.names[index]!;
    return {
      ref: item.entry.ref,
      kind: item.entry.kind,
      title: item.entry.title,
      folder: item.entry.folder,
      matchedAlias: index === 0 ? null : name.text,
      highlights: matchRanges(name, q, tier),
    };
  }

  private recentFirst(recent: readonly string[], limit: number): SwitcherItem[] {
    const out: SwitcherItem[] = [];
    const seen = new Set<string>();
    const push = (item: Prepared) => {
      seen.add(item.entry.key);
      const { ref, kind, title, folder } = item.entry;
      out.push({ ref, kind, title, folder, matchedAlias: null, highlights: [] });
    };
    for (const key of recent) {
      const item = this.items.get(key);
      if (item && !seen.has(key) && out.length < limit) push(item);
    }
    if (out.length < limit) {
      const newest = new TopK(limit - out.length, (a, b) => {
        const ma = a.item.entry.modified;
        const mb = b.item.entry.modified;
        if (ma !== mb) return ma > mb;
        return a.item.sortKey < b.item.sortKey;
      });
      for (const item of this.items.values()) {
        if (item.entry.kind === 'note' && !seen.has(item.entry.key)) {
          newest.offer({ item, tier: MatchTier.Exact, score: 0, name: 0, recent: 0 });
        }
      }
      for (const candidate of newest.sorted()) push(candidate.item);
    }
    return out;
  }
}

/** Better first: tier, score, titles before aliases, recently opened, shorter name, alphabetical. */
function betterMatch(a: Candidate, b: Candidate): boolean {
  if (a.tier !== b.tier) return a.tier < b.tier;
  if (a.score !== b.score) return a.score > b.score;
  const aliasA = a.name === 0 ? 0 : 1;
  const aliasB = b.name === 0 ? 0 : 1;
  if (aliasA !== aliasB) return aliasA < aliasB;
  if (a.recent !== b.recent) return a.recent < b.recent;
  const lengthA = a.item.names[a.name]!.folded.length;
  const lengthB = b.item.names[b.name]!.folded.length;
  if (lengthA !== lengthB) return lengthA < lengthB;
  if (a.item.sortKey !== b.item.sortKey) return a.item.sortKey < b.item.sortKey;
  return a.item.entry.key < b.item.entry.key;
}

/** Keeps the best `limit` candidates offered, in a heap with the worst on top. */
class TopK {
  private readonly heap: Candidate[] = [];

  constructor(
    private readonly limit: number,
    private readonly better: (a: Candidate, b: Candidate) => boolean = betterMatch,
  ) {}

  offer(candidate: Candidate): void {
    const heap = this.heap;
    if (heap.length < this.limit) {
      heap.push(candidate);
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.better(heap[parent]!, heap[i]!)) break;
        [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
        i = parent;
      }
    } else if (this.limit > 0 && this.better(candidate, heap[0]!)) {
      heap[0] = candidate;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let worst = i;
        if (left < heap.length && this.better(heap[worst]!, heap[left]!)) worst = left;
        if (right < heap.length && this.better(heap[worst]!, heap[right]!)) worst = right;
        if (worst === i) break;
        [heap[i], heap[worst]] = [heap[worst]!, heap[i]!];
        i = worst;
      }
    }
  }

  sorted(): Candidate[] {
    return [...this.heap].sort((a, b) => (this.better(a, b) ? -1 : this.better(b, a) ? 1 : 0));
  }
}
