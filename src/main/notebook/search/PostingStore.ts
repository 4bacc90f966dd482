import { stemKey, stemOf } from '@shared/search/stemWord';
import { scanTerms } from '@shared/search/tokenize';
import type { PackSegment } from './PackSegment';
import { buildPairFilter, termHash, type PairFilter } from './phraseBloom';
import { SortedTerms } from './SortedTerms';
import { indexOfTerm, prefixRangeOf, walkWithinDistance, type TermTable } from './TermTable';

/**
 * The documents of the full-text index and their postings: what FullTextIndex holds, and
 * the only part of it that changes as documents come and go.
 *
 * - each field has a hash map from term to postings for exact lookups, and the whole
 *   vocabulary is one sorted array (SortedTerms.ts) for prefix and typo lookups, where
 *   MiniSearch keeps a radix tree with a `Map` per node (more memory than the text at
 *   1,000 notes);
 * - a posting is one small integer in a plain array (`docId * 128 + termFrequency`),
 *   about 8 bytes, where MiniSearch's `Map` per term and field costs about 46 (our
 *   measurement at 50,000 notes: 4.2× the raw text with one field); lists are trimmed to
 *   their length once a build is done (see compact);
 * - per document, the numbers scoring needs sit in typed arrays indexed by document
 *   number (alive, is-entry, distinct terms per field).
 *
 * Removal is lazy, as in MiniSearch's `discard`: the document is marked dead, its
 * postings stay until {@link PostingStore.vacuum} compacts them (and renumbers documents).
 *
 * Reference packs' terms and postings are kept apart, read-only, in segments
 * (PackSegment.ts) read straight from their snapshots; their documents are numbered here
 * like any other, contiguously per segment. Lookups (listsOf, the term lookups) answer
 * from the live maps and every segment together.
 *
 * No text is kept: only titles, folders, tags and versions per document, and a small
 * Bloom filter of adjacent word pairs for phrase queries (see phraseBloom.ts).
 *
 * Its fields are read directly by the query planner and scorer (queryPlan.ts,
 * scorePlan.ts) and the snapshot codec (indexSnapshot.ts) in their hot loops; nothing
 * outside this folder uses it: FullTextIndex is the API.
 */

/** The indexed fields, in order; titles and aliases weigh most, then headings, then tags and body. */
export const FIELDS = ['title', 'aliases', 'headings', 'tags', 'body'] as const;
export type Field = (typeof FIELDS)[number];
export const FIELD_COUNT = FIELDS.length;

/** A document as the index receives it. */
export interface IndexDoc {
  /** 'e:<entry id>' or 'n:<note path>' (see docKeys.ts). */
  key: string;
  kind: 'entry' | 'note';
  title: string;
  folder: string;
  /** The note's version (content hash) when indexed; '' for entries. */
  version: string;
  /** Folded tags, for tag: filters. */
  tags: string[];
  /** The text of each field; lists (aliases, headings) joined by newlines. */
  fields: Record<Field, string>;
}

/** What the index keeps about a document. */
export interface StoredDoc {
  key: string;
  kind: 'entry' | 'note';
  title: string;
  folder: string;
  version: string;
  tags: string[];
  /** The aliases as title keys (see titleKey), for exact alias queries; often empty. */
  aliases: string[];
}

/**
 * A title or alias as a query would spell it: its folded words (compound parts, not their
 * joined forms) separated by single spaces. "GABA/Glutamate Ratio" → "gaba glutamate ratio".
 */
export function titleKey(text: string): string {
  let key = '';
  scanTerms(text, (term, _start, _end, joined) => {
    if (joined) return;
    key = key === '' ? term : `${key} ${term}`;
  });
  return key;
}

const NO_ALIASES: string[] = [];

/** The alias keys of a document's newline-separated aliases field. */
export function aliasKeysOf(aliases: string): string[] {
  if (aliases === '') return NO_ALIASES;
  const keys = aliases
    .split('\n')
    .map(titleKey)
    .filter((key) => key !== '');
  return keys.length === 0 ? NO_ALIASES : keys;
}

export const TF_BITS = 7;
export const TF_SCALE = 1 << TF_BITS;
export const TF_MAX = TF_SCALE - 1;
/** Document numbers stay below this so every posting is a small integer (Smi) in V8; vacuum renumbers. */
export const MAX_DOC_ID = 1 << 23;

/**
 * Lists this long keep the room they grew with (compact does not trim them). A trimmed list
 * is copied whole on its next push: at 50,000 notes a save touches dozens of lists of
 * 10,000+ postings, and those copies were most of the time a save took (p95 9–11 ms on a
 * loaded machine, against 2.5 ms untrimmed). Shorter lists cost little to copy, and
 * most of the per-term memory is in them. Lists read from the cache are built by push
 * for the same reason (see indexSnapshot.ts).
 */
export const LONG_LIST = 1024;

/** Postings of one term in one field: `docId * 128 + min(tf, 127)` in increasing docId order. */
export type Postings = number[];
/**
 * Postings as stored: most terms occur in one document only, and a lone posting is kept as
 * a bare small integer (no array to allocate); a list from the second posting on.
 */
type StoredPostings = number | Postings;

/** A document decoded from a snapshot, ready to be added (see {@link PostingStore.addDecoded}). */
export interface DecodedDoc {
  doc: StoredDoc;
  /** Distinct terms per field. */
  lengths: number[];
  bloom: PairFilter | null;
}

export class PostingStore {
  /** Per field, each term's postings. */
  private readonly postings: Array<Map<string, StoredPostings>> = FIELDS.map(() => new Map());
  /** Every term of any field of the live maps (not the segments'), for prefix and typo lookups. */
  readonly vocabulary = new SortedTerms();
  /** Reference packs' read-only terms and postings (see PackSegment). */
  readonly segments: PackSegment[] = [];
  docs: Array<StoredDoc | undefined> = [];
  blooms: Array<PairFilter | null> = [];
  /** Lowercased titles, the tie-break of equal scores. */
  sortKeys: string[] = [];
  alive = new Uint8Array(64);
  isEntry = new Uint8Array(64);
  /** Distinct terms of each document per field, at `id * FIELD_COUNT + field`. */
  lengths = new Uint32Array(64 * FIELD_COUNT);
  /** Per field, the sum of the live documents' lengths. */
  readonly totals = new Array<number>(FIELD_COUNT).fill(0);
  readonly byKey = new Map<string, number>();
  /** The next document number; every number below it is a document, live or dead. */
  nextId = 0;
  /** Live documents. */
  live = 0;
  /** Removed documents whose postings are still in memory. */
  dead = 0;
  /** Dead documents of segments: a vacuum cannot drop them (a segment's numbers are contiguous). */
  pinnedDead = 0;
  private readonly counts = new Map<string, number>();

  /** Adds a document, replacing any document with the same key. */
  add(doc: IndexDoc): void {
    if (this.byKey.has(doc.key)) this.remove(doc.key);
    if (this.nextId >= MAX_DOC_ID) this.vacuum();
    const id = this.nextId++;
    this.ensureCapacity(this.nextId);
    const hashes: number[] = [];
    const base = id * FIELD_COUNT;
    for (let f = 0; f < FIELD_COUNT; f++) {
      const counts = this.counts;
      counts.clear();
      if (f > 0) hashes.push(-1);
      scanTerms(doc.fields[FIELDS[f]!], (term, _start, _end, joined) => {
        counts.set(term, (counts.get(term) ?? 0) + 1);
        if (!joined) hashes.push(termHash(term));
      });
      this.lengths[base + f] = counts.size;
      this.totals[f]! += counts.size;
      const postings = this.postings[f]!;
      for (const [term, tf] of counts) {
        const posting = id * TF_SCALE + (tf > TF_MAX ? TF_MAX : tf);
        const stored = postings.get(term);
        if (typeof stored === 'object') {
          stored.push(posting);
        } else if (stored !== undefined) {
          postings.set(term, [stored, posting]); // the key stays the one first stored
        } else {
          const own = ownString(term);
          if (!this.isOwnKnown(term)) this.vocabulary.add(own);
          postings.set(own, posting);
        }
      }
    }
    this.counts.clear();
    this.docs[id] = {
      key: doc.key,
      kind: doc.kind,
      title: doc.title,
      folder: doc.folder,
      version: doc.version,
      tags: doc.tags,
      aliases: aliasKeysOf(doc.fields.aliases),
    };
    this.blooms[id] = buildPairFilter(hashes);
    this.sortKeys[id] = doc.title.toLowerCase();
    this.alive[id] = 1;
    this.isEntry[id] = doc.kind === 'entry' ? 1 : 0;
    this.byKey.set(doc.key, id);
    this.live++;
  }

  /** Removes a document; false when there was none with that key. */
  remove(key: string): boolean {
    const id = this.byKey.get(key);
    if (id === undefined) return false;
    this.byKey.delete(key);
    this.alive[id] = 0;
    for (let f = 0; f < FIELD_COUNT; f++) this.totals[f]! -= this.lengths[id * FIELD_COUNT + f]!;
    this.docs[id] = undefined;
    this.blooms[id] = null;
    this.sortKeys[id] = '';
    this.live--;
    this.dead++;
    if (this.segmentOf(id)) this.pinnedDead++;
    return true;
  }

  /** Dead documents a vacuum would drop. */
  get vacuumable(): number {
    return this.dead - this.pinnedDead;
  }

  /** The segment holding document `id`, if any. */
  private segmentOf(id: number): PackSegment | undefined {
    return this.segments.find((segment) => id >= segment.base && id < segment.base + segment.docCount);
  }

  /**
   * Drops the postings of removed documents and renumbers the live ones densely. Linear in
   * the size of the index; results do not change.
   */
  vacuum(): void {
    const remap = new Int32Array(this.nextId).fill(-1);
    // A segment's documents keep their places, dead or alive: its postings number them from its base.
    const kept = new Uint8Array(this.nextId);
    for (const segment of this.segments) kept.fill(1, segment.base, segment.base + segment.docCount);
    let count = 0;
    for (let id = 0; id < this.nextId; id++) if (this.alive[id] || kept[id]) remap[id] = count++;
    const docs: Array<StoredDoc | undefined> = new Array(count);
    const blooms: Array<PairFilter | null> = new Array(count);
    const sortKeys: string[] = new Array(count);
    const capacity = Math.max(64, count);
    const alive = new Uint8Array(capacity);
    const isEntry = new Uint8Array(capacity);
    const lengths = new Uint32Array(capacity * FIELD_COUNT);
    for (let id = 0; id < this.nextId; id++) {
      const to = remap[id]!;
      if (to < 0) continue;
      docs[to] = this.docs[id];
      blooms[to] = this.blooms[id] ?? null;
      sortKeys[to] = this.sortKeys[id]!;
      alive[to] = this.alive[id]!;
      isEntry[to] = this.isEntry[id]!;
      lengths.set(this.lengths.subarray(id * FIELD_COUNT, (id + 1) * FIELD_COUNT), to * FIELD_COUNT);
    }
    for (const [key, id] of this.byKey) this.byKey.set(key, remap[id]!);
    const emptied = new Set<string>();
    for (const postings of this.postings) {
      for (const [term, stored] of postings) {
        const list = typeof stored === 'number' ? [stored] : stored;
        let write = 0;
        for (const posting of list) {
          const to = remap[posting >>> TF_BITS]!;
          if (to >= 0) list[write++] = to * TF_SCALE + (posting & TF_MAX);
        }
        list.length = write;
        if (write === 0) {
          postings.delete(term);
          emptied.add(term);
        } else if (typeof stored === 'number' || write === 1) {
          postings.set(term, list[0]!);
        }
      }
    }
    if (emptied.size > 0) this.vocabulary.removeWhere((term) => emptied.has(term) && !this.isOwnKnown(term));
    for (const segment of this.segments) segment.base = segment.docCount > 0 ? remap[segment.base]! : count;
    this.compact();
    this.docs = docs;
    this.blooms = blooms;
    this.sortKeys = sortKeys;
    this.alive = alive;
    this.isEntry = isEntry;
    this.lengths = lengths;
    this.nextId = count;
    this.dead = this.pinnedDead;
  }

  /**
   * Trims every posting list to its length. Lists grow by doubling-like steps as documents
   * are added (a list of two postings holds room for seventeen); after a build that slack
   * would be a third of the index. Also sorts new terms into the vocabulary, so the first
   * query does not. Linear in the number of postings; call it when a batch of additions
   * is done.
   */
  compact(): void {
    for (const postings of this.postings) {
      for (const [term, stored] of postings) {
        if (typeof stored === 'object' && stored.length < LONG_LIST) postings.set(term, stored.slice());
      }
    }
    this.vocabulary.settle();
  }

  /** The term's postings in a field of the live maps (not the segments'), as a list. */
  ownListOf(field: number, term: string): Postings | undefined {
    const stored = this.postings[field]!.get(term);
    return typeof stored === 'number' ? [stored] : stored;
  }

  /**
   * The term's postings in each field, from the live maps and every segment (a new array
   * where both have some); undefined for a field without any, and for `skip`.
   */
  listsOf(term: string, skip = -1): Array<Postings | undefined> {
    const lists: Array<Postings | undefined> = [];
    for (let f = 0; f < FIELD_COUNT; f++) lists.push(f === skip ? undefined : this.ownListOf(f, term));
    for (const segment of this.segments) {
      const at = indexOfTerm(segment, term);
      if (at < 0) continue;
      const more = segment.listsAt(at, skip);
      for (let f = 0; f < FIELD_COUNT; f++) {
        const list = more[f];
        if (!list) continue;
        const own = lists[f];
        lists[f] = own ? own.concat(list) : list;
      }
    }
    return lists;
  }

  /** The vocabularies to look terms up in: the live one, then each segment's. */
  private tables(): TermTable[] {
    return [this.vocabulary.table(), ...this.segments];
  }

  /**
   * The known terms starting with `prefix` (itself included), each once; with `skip` (a
   * field), only terms found in another field too. With `limit`, at most that many: the
   * shortest (a completion weighs more the fewer letters it adds), equal lengths in order,
   * the same whichever vocabulary holds them.
   */
  termsWithPrefix(prefix: string, limit = Infinity, skip = -1): string[] {
    const tables = this.tables();
    const ranges = tables.map((table) => [table, ...prefixRangeOf(table, prefix)] as const);
    const total = ranges.reduce((sum, [, from, to]) => sum + to - from, 0);
    const live = tables[0]!;
    const useful = (table: TermTable, index: number): boolean =>
      skip < 0 ||
      (table === live
        ? this.postings.some((postings, f) => f !== skip && postings.has(table.termAt(index)))
        : (table as PackSegment).hasPostings(index, skip));
    if (total <= limit) {
      const found = new Set<string>();
      for (const [table, from, to] of ranges) {
        for (let i = from; i < to; i++) if (useful(table, i)) found.add(table.termAt(i));
      }
      return [...found];
    }
    // Shortest first, by length buckets: no string is made for a term of a longer bucket.
    const byLength = new Map<number, Array<[TermTable, number]>>();
    for (const [table, from, to] of ranges) {
      for (let i = from; i < to; i++) {
        const length = table.lengthAt(i);
        let bucket = byLength.get(length);
        if (!bucket) byLength.set(length, (bucket = []));
        bucket.push([table, i]);
      }
    }
    const found: string[] = [];
    for (const length of [...byLength.keys()].sort((a, b) => a - b)) {
      const terms = new Set<string>();
      for (const [table, i] of byLength.get(length)!) if (useful(table, i)) terms.add(table.termAt(i));
      for (const term of [...terms].sort()) {
        if (found.length >= limit) return found;
        found.push(term);
      }
    }
    return found;
  }

  /** The known terms within `maxDistance` edits of `word`, with their distance (see TermTable.walkWithinDistance). */
  termsWithin(word: string, maxDistance: number, transpositions: boolean): Map<string, number> {
    const found = new Map<string, number>();
    for (const table of this.tables()) {
      walkWithinDistance(table, word, maxDistance, transpositions, (index, distance) => {
        const term = table.termAt(index);
        const known = found.get(term);
        if (known === undefined || distance < known) found.set(term, distance);
      });
    }
    return found;
  }

  /**
   * The known terms whose English stem is `stem` (see stemWord.ts), each once, in
   * vocabulary order: from a pack segment's stem table when it has one (packStemTable.ts),
   * else those among the terms starting with the stem's key (stemKey) that stem to it. May
   * include terms only removed documents had, until vacuum.
   */
  termsWithStem(stem: string): string[] {
    const key = stemKey(stem);
    const found = new Set<string>();
    const tables = this.tables();
    for (const table of tables) {
      const stems = table === tables[0] ? null : (table as PackSegment).stems;
      if (stems) {
        // A pack's stem table (packStemTable.ts); its terms are checked, not trusted.
        for (const index of stems.termsOf(stem)) {
          const term = table.termAt(index);
          if (stemOf(term) === stem) found.add(term);
        }
        continue;
      }
      const [from, to] = prefixRangeOf(table, key);
      for (let i = from; i < to; i++) {
        const term = table.termAt(i);
        if (!found.has(term) && stemOf(term) === stem) found.add(term);
      }
    }
    return [...found];
  }

  /** True when some field of the live maps or a segment has postings for the term. */
  isKnown(term: string): boolean {
    return this.isOwnKnown(term) || this.segments.some((segment) => indexOfTerm(segment, term) >= 0);
  }

  /** True when some field of the live maps has postings for the term. */
  private isOwnKnown(term: string): boolean {
    return this.postings.some((postings) => postings.has(term));
  }

  /** Distinct terms of the live maps plus each segment's (a term in both counts twice). */
  get termCount(): number {
    return this.vocabulary.size + this.segments.reduce((sum, segment) => sum + segment.count, 0);
  }

  /**
   * Adds a pack's segment and its documents, numbered from {@link nextId} on in order. A
   * document whose key the store has already stays out (dead, its postings skipped).
   * @returns how many documents were added.
   */
  addSegment(segment: PackSegment, docs: readonly DecodedDoc[]): number {
    const firstId = this.nextId;
    if (firstId + docs.length >= MAX_DOC_ID) this.vacuum();
    const base = this.nextId;
    this.ensureCapacity(base + docs.length);
    let added = 0;
    docs.forEach((item, index) => {
      const id = base + index;
      if (this.byKey.has(item.doc.key)) {
        this.docs[id] = undefined;
        this.blooms[id] = null;
        this.sortKeys[id] = '';
        this.alive[id] = 0;
        this.dead++;
        this.pinnedDead++;
        return;
      }
      this.setDecoded(id, item);
      added++;
    });
    segment.base = base;
    this.segments.push(segment);
    this.nextId = base + docs.length;
    this.live += added;
    return added;
  }

  private setDecoded(id: number, item: DecodedDoc): void {
    this.docs[id] = item.doc;
    this.blooms[id] = item.bloom;
    this.sortKeys[id] = item.doc.title.toLowerCase();
    this.alive[id] = 1;
    this.isEntry[id] = item.doc.kind === 'entry' ? 1 : 0;
    for (let f = 0; f < FIELD_COUNT; f++) {
      this.lengths[id * FIELD_COUNT + f] = item.lengths[f]!;
      this.totals[f]! += item.lengths[f]!;
    }
    this.byKey.set(item.doc.key, id);
  }

  /**
   * Adds decoded documents, numbered from {@link nextId} on in order, and the postings of
   * each term per field (postings already numbered so). The caller has checked everything:
   * this cannot fail half-way.
   */
  addDecoded(docs: readonly DecodedDoc[], terms: Iterable<[string, Array<number[] | null>]>): void {
    const firstId = this.nextId;
    this.ensureCapacity(firstId + docs.length);
    docs.forEach((item, index) => this.setDecoded(firstId + index, item));
    for (const [term, lists] of terms) {
      if (!this.isOwnKnown(term)) this.vocabulary.add(term);
      for (let f = 0; f < FIELD_COUNT; f++) {
        const list = lists[f];
        if (!list) continue;
        const postings = this.postings[f]!;
        const existing = postings.get(term);
        if (typeof existing === 'object') for (const posting of list) existing.push(posting);
        else if (existing !== undefined) postings.set(term, [existing, ...list]);
        else postings.set(term, list.length === 1 ? list[0]! : list);
      }
    }
    this.nextId = firstId + docs.length;
    this.live += docs.length;
  }

  private ensureCapacity(size: number): void {
    if (size <= this.alive.length) return;
    let capacity = this.alive.length;
    while (capacity < size) capacity *= 2;
    const grow = <T extends Uint8Array | Uint32Array>(array: T, make: (n: number) => T, scale = 1): T => {
      const next = make(capacity * scale);
      next.set(array);
      return next;
    };
    this.alive = grow(this.alive, (n) => new Uint8Array(n));
    this.isEntry = grow(this.isEntry, (n) => new Uint8Array(n));
    this.lengths = grow(this.lengths, (n) => new Uint32Array(n), FIELD_COUNT);
  }
}

/**
 * A copy of `text` that shares no memory with a larger string. V8 represents a long
 * enough slice (13+ characters) as a view into its parent, so a term sliced from a note
 * and kept as a dictionary key would keep the whole note's text alive.
 */
function ownString(text: string): string {
  return text.length < 13 ? text : text.split('').join('');
}
