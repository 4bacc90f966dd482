import type { ParsedQuery } from '@shared/search/parseQuery';
import type { ByteReader, ByteWriter } from './bytes';
import { readSnapshot, writeSnapshot } from './indexSnapshot';
import { PackSegment } from './PackSegment';
import { PostingStore, type Field, type IndexDoc, type StoredDoc } from './PostingStore';
import { QueryPlanner } from './QueryPlanner';
import { DEFAULT_BOOSTS, QueryScorer, type IndexSearchOptions, type IndexSearchResult } from './QueryScorer';

export { FIELDS, type Field, type IndexDoc, type StoredDoc } from './PostingStore';
export { DEFAULT_BOOSTS, type IndexHit, type IndexSearchOptions, type IndexSearchResult } from './QueryScorer';

export interface FullTextIndexOptions {
  boosts?: Partial<Record<Field, number>>;
  /**
   * A query of one word being typed matches it as a prefix in the body only from this
   * many characters; shorter prefixes match titles, aliases, headings and tags only (a
   * 2-letter prefix would otherwise match nearly every note, at great cost and no use).
   * With other words beside it, a short prefix matches the body too. Default 3.
   */
  bodyPrefixMinLength?: number;
}

/**
 * The full-text index of notes and glossary entries.
 *
 * It is MiniSearch's design with a leaner memory layout and a top-k executor, in parts:
 * - PostingStore.ts: the documents and their postings (a posting is one small integer,
 *   the vocabulary one sorted array), with lazy removal and {@link vacuum};
 * - QueryPlanner.ts: a parsed query as the dictionary terms each word stands for (exact,
 *   prefix and typo expansions with MiniSearch's weights) in a tree of AND, OR and phrase
 *   nodes, each with its cost;
 * - QueryScorer.ts: the plan evaluated with MiniSearch's BM25+ and per-field boosts into
 *   dense typed arrays, filters as a mask, the top hits selected with a heap;
 * - indexSnapshot.ts: the binary snapshot the search cache holds.
 *
 * docs/search.md says why the engine is our own, with figures, and how MiniSearch serves
 * as its reference.
 */
export class FullTextIndex {
  private readonly store = new PostingStore();
  private readonly scorer: QueryScorer;

  constructor(options: FullTextIndexOptions = {}) {
    const planner = new QueryPlanner(this.store, options.bodyPrefixMinLength ?? 3);
    this.scorer = new QueryScorer(this.store, planner, { ...DEFAULT_BOOSTS, ...options.boosts });
  }

  /** Live documents. */
  get size(): number {
    return this.store.live;
  }

  /** Removed documents whose postings are still in memory (see vacuum). */
  get deadCount(): number {
    return this.store.dead;
  }

  /**
   * Distinct terms in the dictionary (including terms only dead documents had, until vacuum;
   * a term of the live index and of a pack segment counts once in each).
   */
  get termCount(): number {
    return this.store.termCount;
  }

  has(key: string): boolean {
    return this.store.byKey.has(key);
  }

  /** What is stored about a live document, or undefined. */
  get(key: string): StoredDoc | undefined {
    const id = this.store.byKey.get(key);
    return id === undefined ? undefined : this.store.docs[id];
  }

  /** Keys of every live document, in indexing order. */
  keys(): string[] {
    return [...this.store.byKey.keys()];
  }

  /** Adds a document, replacing any document with the same key. */
  add(doc: IndexDoc): void {
    this.store.add(doc);
  }

  /** Removes a document; false when there was none with that key. */
  remove(key: string): boolean {
    return this.store.remove(key);
  }

  /** True when enough removed documents linger that a vacuum pays off. */
  get shouldVacuum(): boolean {
    const dead = this.store.vacuumable;
    return dead >= 64 && dead >= this.store.live * 0.05;
  }

  /**
   * Drops the postings of removed documents and renumbers the live ones densely. Linear in
   * the size of the index; results do not change.
   */
  vacuum(): void {
    this.store.vacuum();
  }

  /**
   * Trims every posting list to its length. Lists grow by doubling-like steps as documents
   * are added (a list of two postings holds room for seventeen); after a build that slack
   * would be a third of the index. Also sorts new terms into the vocabulary, so the first
   * query does not. Linear in the number of postings; call it when a batch of additions
   * is done.
   */
  compact(): void {
    this.store.compact();
  }

  /**
   * Finds the documents matching a parsed query (see parseQuery for the language), best
   * first: documents needing fewer typos first (exact and prefix matches need none), then
   * by score, ties by title. Never throws for a well-formed ParsedQuery.
   */
  search(query: ParsedQuery, options: IndexSearchOptions = {}): IndexSearchResult {
    return this.scorer.search(query, options);
  }

  /**
   * Writes the documents `include` accepts, with their postings, compactly (documents
   * renumbered densely, postings delta-encoded). See indexCache.ts for the file around it.
   */
  writeSnapshot(out: ByteWriter, include: (doc: StoredDoc) => boolean): void {
    writeSnapshot(this.store, out, include);
  }

  /**
   * Adds the documents of a snapshot that `accept` wants (and that are not in the index
   * already), with their postings. Returns how many were added.
   * @throws CorruptDataError when the bytes are not a well-formed snapshot; the index is
   *   then unchanged.
   */
  readSnapshot(input: ByteReader, accept: (doc: StoredDoc) => boolean): number {
    return readSnapshot(this.store, input, accept);
  }

  /** The read-only segments of reference packs, in the order added (see addSegment). */
  get segments(): readonly PackSegment[] {
    return this.store.segments;
  }

  /**
   * Adds the documents of a snapshot as a read-only segment (see PackSegment): its terms and
   * postings stay in the snapshot's bytes, decoded when a query needs them. For a reference
   * pack, whose entries change only by an import. Documents whose key the index has already
   * are left out. Returns how many were added.
   * @throws CorruptDataError when the bytes are not a well-formed snapshot; the index is
   *   then unchanged.
   */
  addSegment(input: ByteReader): number {
    const { segment, docs } = PackSegment.read(input);
    return this.store.addSegment(segment, docs);
  }
}
