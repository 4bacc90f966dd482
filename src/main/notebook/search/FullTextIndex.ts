import { maxEdits, tagMatches, type ParsedQuery, type QueryItem } from '@shared/search/parseQuery';
import { scanTerms } from '@shared/search/tokenize';
import type { SearchScope } from '@shared/domain/search';
import { CorruptDataError, type ByteReader, type ByteWriter } from './bytes';
import {
  buildPairFilter,
  mayContainPhrase,
  pairFilterBytes,
  pairFilterOf,
  termHash,
  type PairFilter,
} from './phraseBloom';
import { SortedTerms } from './SortedTerms';

/**
 * The full-text index of notes and glossary entries.
 *
 * It is MiniSearch's design with a leaner memory layout and a top-k executor:
 * - each field has a hash map from term to postings for exact lookups, and the whole
 *   vocabulary is one sorted array (SortedTerms.ts) for prefix and typo lookups, where
 *   MiniSearch keeps a radix tree with a `Map` per node (more memory than the text at
 *   1,000 notes);
 * - scoring is MiniSearch's BM25+ (k = 1.2, b = 0.7, d = 0.5, field length = distinct
 *   terms, prefix weight 0.375 and typo weight 0.45 scaled by the length difference),
 *   with per-field boosts; a test checks the scores against MiniSearch's own `search`;
 * - but a posting is one small integer in a plain array (`docId * 128 + termFrequency`),
 *   about 8 bytes, where MiniSearch's `Map` per term and field costs about 46 (our
 *   measurement at 50,000 notes: 4.2× the raw text with one field); lists are trimmed to
 *   their length once a build is done (see compact); and a query scores
 *   into dense typed arrays and selects the top hits with a heap instead of building
 *   and sorting an object per match (400 ms for a 2-letter prefix at 50,000 notes).
 *
 * Removal is lazy, as in MiniSearch's `discard`: the document is marked dead, its
 * postings stay until {@link vacuum} compacts them (and renumbers documents). Scores
 * count only live documents, so an updated index ranks exactly like a fresh build.
 *
 * No text is kept: only titles, folders, tags and versions per document, and a small
 * Bloom filter of adjacent word pairs for phrase queries (see phraseBloom.ts).
 */

/** The indexed fields, in order; titles and aliases weigh most, then headings, then tags and body. */
export const FIELDS = ['title', 'aliases', 'headings', 'tags', 'body'] as const;
export type Field = (typeof FIELDS)[number];
const FIELD_COUNT = FIELDS.length;
const BODY = FIELDS.indexOf('body');

/** Relative weight of a match in each field. Tuned on the judged query set (see ranking.test.ts). */
export const DEFAULT_BOOSTS: Readonly<Record<Field, number>> = {
  title: 6,
  aliases: 5,
  headings: 2.5,
  tags: 1.5,
  body: 1,
};

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
}

export interface IndexHit {
  key: string;
  kind: 'entry' | 'note';
  title: string;
  folder: string;
  score: number;
}

export interface IndexSearchResult {
  /** The best matches, best first. */
  hits: IndexHit[];
  /** Every matching document. Phrase matches are counted through the pair filter (≈1% may be false). */
  total: number;
}

export interface IndexSearchOptions {
  scope?: SearchScope;
  /** How many hits to return. Default 30. */
  limit?: number;
}

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

const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const TF_BITS = 7;
const TF_SCALE = 1 << TF_BITS;
const TF_MAX = TF_SCALE - 1;
/** A phrase's last word being typed is checked against at most this many completions (else not at all). */
const MAX_CHECKED_COMPLETIONS = 64;
/** Document numbers stay below this so every posting is a small integer (Smi) in V8; vacuum renumbers. */
const MAX_DOC_ID = 1 << 23;

/** Postings of one term in one field: `docId * 128 + min(tf, 127)` in increasing docId order. */
type Postings = number[];
/**
 * Postings as stored: most terms occur in one document only, and a lone posting is kept as
 * a bare small integer (no array to allocate); a list from the second posting on.
 */
type StoredPostings = number | Postings;

interface Expansion {
  term: string;
  /** Per field, the term's postings; none for the body where a short prefix skips it (see bodyPrefixMinLength). */
  lists: Array<Postings | undefined>;
  weight: number;
  /** Typos in the match (0 for exact and prefix matches): documents needing fewer typos rank first. */
  typos: number;
}

type Plan =
  | { kind: 'terms'; expansions: Expansion[]; cost: number }
  | { kind: 'and'; children: Plan[]; cost: number }
  | { kind: 'or'; children: Plan[]; cost: number }
  | {
      kind: 'phrase';
      words: string[];
      prefixLast: boolean;
      /** For a phrase ending in a word being typed: the completions of that word, when few enough to check. */
      lastTerms: string[] | null;
      inner: Plan;
      cost: number;
    };

/** A set of documents with scores, in dense arrays reused between queries. */
class DocSet {
  mark: Int32Array;
  score: Float64Array;
  /** How many typos the document's best match of each query word needed, summed over the words. */
  typos: Uint8Array;
  ids: number[] = [];
  epoch = 1;

  constructor(capacity: number) {
    this.mark = new Int32Array(capacity);
    this.score = new Float64Array(capacity);
    this.typos = new Uint8Array(capacity);
  }

  reset(capacity: number): void {
    if (this.mark.length < capacity) {
      this.mark = new Int32Array(capacity);
      this.score = new Float64Array(capacity);
      this.typos = new Uint8Array(capacity);
      this.epoch = 0;
    }
    this.epoch++;
    if (this.epoch >= 0x3fffffff) {
      this.mark.fill(0);
      this.epoch = 1;
    }
    this.ids.length = 0;
  }

  has(id: number): boolean {
    return this.mark[id] === this.epoch;
  }

  add(id: number, score: number, typos: number): void {
    if (this.mark[id] !== this.epoch) {
      this.mark[id] = this.epoch;
      this.score[id] = score;
      this.typos[id] = typos;
      this.ids.push(id);
    } else {
      this.score[id]! += score;
      if (typos < this.typos[id]!) this.typos[id] = typos;
    }
  }

  retain(keep: (id: number) => boolean): void {
    let write = 0;
    for (const id of this.ids) {
      if (keep(id)) this.ids[write++] = id;
      else this.mark[id] = 0;
    }
    this.ids.length = write;
  }
}

export class FullTextIndex {
  private readonly boosts: number[];
  private readonly bodyPrefixMinLength: number;
  /** Per field, each term's postings. */
  private readonly postings: Array<Map<string, StoredPostings>> = FIELDS.map(() => new Map());
  /** Every term of any field, for prefix and typo lookups. */
  private readonly vocabulary = new SortedTerms();
  private docs: Array<StoredDoc | undefined> = [];
  private blooms: Array<PairFilter | null> = [];
  private sortKeys: string[] = [];
  private alive = new Uint8Array(64);
  private isEntry = new Uint8Array(64);
  private lengths = new Uint32Array(64 * FIELD_COUNT);
  private readonly totals = new Array<number>(FIELD_COUNT).fill(0);
  private readonly byKey = new Map<string, number>();
  private nextId = 0;
  private live = 0;
  private dead = 0;
  private readonly pool: DocSet[] = [];
  private readonly counts = new Map<string, number>();

  constructor(options: FullTextIndexOptions = {}) {
    const boosts = { ...DEFAULT_BOOSTS, ...options.boosts };
    this.boosts = FIELDS.map((field) => boosts[field]);
    this.bodyPrefixMinLength = options.bodyPrefixMinLength ?? 3;
  }

  /** Live documents. */
  get size(): number {
    return this.live;
  }

  /** Removed documents whose postings are still in memory (see vacuum). */
  get deadCount(): number {
    return this.dead;
  }

  /** Distinct terms in the dictionary (including terms only dead documents had, until vacuum). */
  get termCount(): number {
    return this.vocabulary.size;
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  /** What is stored about a live document, or undefined. */
  get(key: string): StoredDoc | undefined {
    const id = this.byKey.get(key);
    return id === undefined ? undefined : this.docs[id];
  }

  /** Keys of every live document, in indexing order. */
  keys(): string[] {
    return [...this.byKey.keys()];
  }

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
          if (!this.isKnown(term)) this.vocabulary.add(own);
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
    return true;
  }

  /** True when enough removed documents linger that a vacuum pays off. */
  get shouldVacuum(): boolean {
    return this.dead >= 64 && this.dead >= this.live * 0.05;
  }

  /**
   * Drops the postings of removed documents and renumbers the live ones densely. Linear in
   * the size of the index; results do not change.
   */
  vacuum(): void {
    const remap = new Int32Array(this.nextId).fill(-1);
    let count = 0;
    for (let id = 0; id < this.nextId; id++) if (this.alive[id]) remap[id] = count++;
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
      alive[to] = 1;
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
    if (emptied.size > 0) this.vocabulary.removeWhere((term) => emptied.has(term) && !this.isKnown(term));
    this.compact();
    this.docs = docs;
    this.blooms = blooms;
    this.sortKeys = sortKeys;
    this.alive = alive;
    this.isEntry = isEntry;
    this.lengths = lengths;
    this.nextId = count;
    this.dead = 0;
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
      for (const [term, stored] of postings) if (typeof stored === 'object') postings.set(term, stored.slice());
    }
    this.vocabulary.settle();
  }

  /** The term's postings in a field, as a list. */
  private listOf(field: number, term: string): Postings | undefined {
    const stored = this.postings[field]!.get(term);
    return typeof stored === 'number' ? [stored] : stored;
  }

  /** True when some field has postings for the term. */
  private isKnown(term: string): boolean {
    return this.postings.some((postings) => postings.has(term));
  }

  /**
   * Finds the documents matching a parsed query (see parseQuery for the language), best
   * first: documents needing fewer typos first (exact and prefix matches need none), then
   * by score, ties by title. Never throws for a well-formed ParsedQuery.
   */
  search(query: ParsedQuery, options: IndexSearchOptions = {}): IndexSearchResult {
    const limit = Math.max(0, options.limit ?? 30);
    const allowed = this.allowedMask(query, options.scope ?? 'all');
    let ids: number[];
    let set: DocSet | null = null;
    if (query.clauses.length === 0) {
      if (query.tags.length === 0 && query.scope === null) return { hits: [], total: 0 };
      ids = [];
      for (let id = 0; id < this.nextId; id++) if (this.alive[id] && (!allowed || allowed[id])) ids.push(id);
    } else {
      const plan = this.plan(query);
      set = this.evaluate(plan, null, allowed);
      ids = set.ids;
    }
    const total = ids.length;
    const top = this.selectTop(ids, limit, set);
    const hits = top.map((id) => {
      const doc = this.docs[id]!;
      return { key: doc.key, kind: doc.kind, title: doc.title, folder: doc.folder, score: set ? set.score[id]! : 0 };
    });
    if (set) this.release(set);
    return { hits, total };
  }

  // ---- query planning -------------------------------------------------------------

  private plan(query: ParsedQuery): Plan {
    // A short prefix alone would scan nearly every body for little use; next to other
    // words, which narrow the documents first, it is cheap and expected.
    const alone = query.clauses.length === 1;
    return this.and(query.clauses.map((clause) => this.or(clause.map((item) => this.planItem(item, alone)))));
  }

  private planItem(item: QueryItem, alone = false): Plan {
    if (item.kind === 'phrase') {
      const last = item.words.length - 1;
      const leaves = item.words.map((word, i) => this.terms(word, item.prefix && i === last, false, false));
      return this.phrase(item.words, item.prefix, leaves);
    }
    const last = item.parts.length - 1;
    const shortPrefixes = alone && item.parts.length === 1;
    const parts = item.parts.map((part, i) => this.terms(part, item.prefix && i === last, !item.exact, shortPrefixes));
    if (parts.length === 1) return parts[0]!;
    // A compound: its joined form, or its parts next to each other (the pair filter decides).
    const joined = this.terms(item.parts.join(''), item.prefix, false, false);
    return this.or([joined, this.phrase(item.parts, item.prefix, parts)]);
  }

  private phrase(words: string[], prefixLast: boolean, leaves: Plan[]): Plan {
    const inner = this.and(leaves);
    const last = leaves[leaves.length - 1]!;
    let lastTerms: string[] | null = null;
    if (prefixLast && words.length > 1 && last.kind === 'terms' && last.expansions.length <= MAX_CHECKED_COMPLETIONS) {
      lastTerms = last.expansions.map((expansion) => expansion.term);
    }
    return { kind: 'phrase', words, prefixLast, lastTerms, inner, cost: inner.cost };
  }

  private and(children: Plan[]): Plan {
    if (children.length === 1) return children[0]!;
    return { kind: 'and', children, cost: Math.min(...children.map((c) => c.cost)) };
  }

  private or(children: Plan[]): Plan {
    if (children.length === 1) return children[0]!;
    return { kind: 'or', children, cost: children.reduce((sum, c) => sum + c.cost, 0) };
  }

  /** The dictionary terms a query word part stands for, with their weights (MiniSearch's rules). */
  private terms(part: string, prefix: boolean, fuzzy: boolean, limitShortPrefix: boolean): Plan {
    const expansions: Expansion[] = [];
    let cost = 0;
    const expand = (term: string, weight: number, typos: number, skipBody: boolean) => {
      const lists = FIELDS.map((_, f) => (f === BODY && skipBody ? undefined : this.listOf(f, term)));
      for (const list of lists) cost += list?.length ?? 0;
      expansions.push({ term, lists, weight, typos });
    };
    if (this.isKnown(part)) expand(part, 1, 0, false);
    let completions: Set<string> | null = null;
    if (prefix) {
      completions = new Set();
      const skipBody = limitShortPrefix && part.length < this.bodyPrefixMinLength;
      for (const term of this.vocabulary.withPrefix(part)) {
        if (term === part) continue;
        completions.add(term);
        const distance = term.length - part.length;
        expand(term, (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * distance), 0, skipBody);
      }
    }
    const edits = fuzzy ? maxEdits(part) : 0;
    if (edits > 0) {
      for (const [term, distance] of this.vocabulary.withinDistance(part, edits)) {
        if (distance === 0 || completions?.has(term)) continue;
        expand(term, (FUZZY_WEIGHT * term.length) / (term.length + distance), distance, false);
      }
    }
    return { kind: 'terms', expansions, cost };
  }

  // ---- evaluation -------------------------------------------------------------------

  private acquire(): DocSet {
    const set = this.pool.pop() ?? new DocSet(this.nextId);
    set.reset(Math.max(this.nextId, 1));
    return set;
  }

  private release(set: DocSet): void {
    if (this.pool.length < 8) this.pool.push(set);
  }

  /** Evaluates a plan over documents in `within` (all when null) that `allowed` lets through. */
  private evaluate(plan: Plan, within: DocSet | null, allowed: Uint8Array | null): DocSet {
    switch (plan.kind) {
      case 'terms':
        return this.scoreTerms(plan.expansions, within, allowed);
      case 'or': {
        const result = this.evaluate(plan.children[0]!, within, allowed);
        for (let i = 1; i < plan.children.length; i++) {
          const other = this.evaluate(plan.children[i]!, within, allowed);
          for (const id of other.ids) result.add(id, other.score[id]!, other.typos[id]!);
          this.release(other);
        }
        return result;
      }
      case 'and': {
        // Most selective first; later ones only look at what is left.
        const children = [...plan.children].sort((a, b) => a.cost - b.cost);
        let result = this.evaluate(children[0]!, within, allowed);
        for (let i = 1; i < children.length && result.ids.length > 0; i++) {
          const next = this.evaluate(children[i]!, result, allowed);
          for (const id of next.ids) {
            next.score[id]! += result.score[id]!;
            next.typos[id] = Math.min(255, next.typos[id]! + result.typos[id]!);
          }
          this.release(result);
          result = next;
        }
        return result;
      }
      case 'phrase': {
        const result = this.evaluate(plan.inner, within, allowed);
        const before = plan.words[plan.words.length - 2]!;
        result.retain((id) => {
          const bloom = this.blooms[id] ?? null;
          if (!mayContainPhrase(bloom, plan.words, plan.prefixLast)) return false;
          return (
            plan.lastTerms === null || plan.lastTerms.some((term) => mayContainPhrase(bloom, [before, term], false))
          );
        });
        return result;
      }
    }
  }

  private scoreTerms(expansions: Expansion[], within: DocSet | null, allowed: Uint8Array | null): DocSet {
    const result = this.acquire();
    const n = this.live;
    if (n === 0) return result;
    const alive = this.alive;
    const lengths = this.lengths;
    const countDead = this.dead > 0;
    const { k, b, d } = BM25;
    for (const expansion of expansions) {
      const typos = expansion.typos;
      for (let f = 0; f < FIELD_COUNT; f++) {
        const list = expansion.lists[f];
        const boost = this.boosts[f]!;
        if (!list || boost === 0) continue;
        let df = list.length;
        if (countDead) {
          df = 0;
          for (const posting of list) df += alive[posting >>> TF_BITS]!;
          if (df === 0) continue;
        }
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        const average = this.totals[f]! / n;
        const factor = expansion.weight * boost * idf;
        for (const posting of list) {
          const id = posting >>> TF_BITS;
          if (alive[id] === 0) continue;
          if (allowed !== null && allowed[id] === 0) continue;
          if (within !== null && !within.has(id)) continue;
          const tf = posting & TF_MAX;
          const length = lengths[id * FIELD_COUNT + f]!;
          const norm = average > 0 ? 1 - b + (b * length) / average : 1;
          result.add(id, factor * (d + (tf * (k + 1)) / (tf + k * norm)), typos);
        }
      }
    }
    return result;
  }

  // ---- filters and selection ----------------------------------------------------------

  /** Documents the scope, tag filters and exclusions let through; null when nothing is filtered. */
  private allowedMask(query: ParsedQuery, scope: SearchScope): Uint8Array | null {
    const wantScope = scope === 'all' ? query.scope : query.scope && query.scope !== scope ? 'none' : scope;
    if (wantScope === null && query.tags.length === 0 && query.excludeTags.length === 0 && query.exclude.length === 0) {
      return null;
    }
    const mask = new Uint8Array(Math.max(this.nextId, 1));
    for (let id = 0; id < this.nextId; id++) {
      if (!this.alive[id]) continue;
      if (wantScope === 'none') continue;
      if (wantScope === 'glossary' && !this.isEntry[id]) continue;
      if (wantScope === 'notes' && this.isEntry[id]) continue;
      if (query.tags.length > 0 || query.excludeTags.length > 0) {
        const tags = this.docs[id]!.tags;
        if (!query.tags.every((filter) => tags.some((tag) => tagMatches(tag, filter)))) continue;
        if (query.excludeTags.some((name) => tags.some((tag) => tagMatches(tag, name)))) continue;
      }
      mask[id] = 1;
    }
    for (const item of query.exclude) {
      const excluded = this.evaluate(this.planExclusion(item), null, mask);
      for (const id of excluded.ids) mask[id] = 0;
      this.release(excluded);
    }
    return mask;
  }

  /** Exclusions match exactly: no prefix, no typos. */
  private planExclusion(item: QueryItem): Plan {
    return this.planItem(item.kind === 'word' ? { ...item, prefix: false, exact: true } : { ...item, prefix: false });
  }

  private selectTop(ids: number[], limit: number, set: DocSet | null): number[] {
    const better = (a: number, b: number): boolean => {
      if (set) {
        const typosA = set.typos[a]!;
        const typosB = set.typos[b]!;
        if (typosA !== typosB) return typosA < typosB;
        const scoreA = set.score[a]!;
        const scoreB = set.score[b]!;
        if (scoreA !== scoreB) return scoreA > scoreB;
      }
      const titleA = this.sortKeys[a]!;
      const titleB = this.sortKeys[b]!;
      if (titleA !== titleB) return titleA < titleB;
      return this.docs[a]!.key < this.docs[b]!.key;
    };
    if (limit === 0 || ids.length === 0) return [];
    // A heap of the best `limit` so far, worst on top.
    const heap: number[] = [];
    const worse = (i: number, j: number) => better(heap[j]!, heap[i]!);
    const siftUp = (start: number) => {
      let i = start;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!worse(i, parent)) break;
        [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
        i = parent;
      }
    };
    const siftDown = () => {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let worst = i;
        if (left < heap.length && worse(left, worst)) worst = left;
        if (right < heap.length && worse(right, worst)) worst = right;
        if (worst === i) return;
        [heap[i], heap[worst]] = [heap[worst]!, heap[i]!];
        i = worst;
      }
    };
    for (const id of ids) {
      if (heap.length < limit) {
        heap.push(id);
        siftUp(heap.length - 1);
      } else if (better(id, heap[0]!)) {
        heap[0] = id;
        siftDown();
      }
    }
    return heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
  }

  // ---- snapshots (the cache) ----------------------------------------------------------

  /**
   * Writes the documents `include` accepts, with their postings, compactly (documents
   * renumbered densely, postings delta-encoded). See indexCache.ts for the file around it.
   */
  writeSnapshot(out: ByteWriter, include: (doc: StoredDoc) => boolean): void {
    const ordinal = new Int32Array(this.nextId).fill(-1);
    const ids: number[] = [];
    for (let id = 0; id < this.nextId; id++) {
      const doc = this.docs[id];
      if (this.alive[id] && doc && include(doc)) {
        ordinal[id] = ids.length;
        ids.push(id);
      }
    }
    // Strings go in two blocks (decoding thousands of small strings one by one is slow).
    const records = ids.map((id) => {
      const doc = this.docs[id]!;
      const lengths = Array.from(this.lengths.subarray(id * FIELD_COUNT, (id + 1) * FIELD_COUNT));
      return [doc.key, doc.kind === 'entry' ? 0 : 1, doc.title, doc.folder, doc.version, doc.tags, lengths];
    });
    out.string(JSON.stringify(records));
    for (const id of ids) out.bytes(pairFilterBytes(this.blooms[id] ?? null));
    const terms: Array<[string, Array<Postings | undefined>]> = [];
    for (const term of this.vocabulary.all()) {
      const lists = FIELDS.map((_, f) => this.listOf(f, term));
      if (lists.some((list) => list?.some((posting) => ordinal[posting >>> TF_BITS]! >= 0))) terms.push([term, lists]);
    }
    // Terms never hold whitespace (see tokenize), so a newline separates them.
    out.string(terms.map(([term]) => term).join('\n'));
    for (const [, lists] of terms) {
      for (let f = 0; f < FIELD_COUNT; f++) {
        const list = lists[f];
        let count = 0;
        if (list) for (const posting of list) if (ordinal[posting >>> TF_BITS]! >= 0) count++;
        out.varint(count);
        if (count === 0) continue;
        let previous = 0;
        for (const posting of list!) {
          const at = ordinal[posting >>> TF_BITS]!;
          if (at < 0) continue;
          out.varint(at - previous);
          out.varint(posting & TF_MAX);
          previous = at;
        }
      }
    }
  }

  /**
   * Adds the documents of a snapshot that `accept` wants (and that are not in the index
   * already), with their postings. Returns how many were added.
   * @throws CorruptDataError when the bytes are not a well-formed snapshot; the index is
   *   then unchanged.
   */
  readSnapshot(input: ByteReader, accept: (doc: StoredDoc) => boolean): number {
    let records: unknown;
    try {
      records = JSON.parse(input.string());
    } catch (error) {
      if (error instanceof CorruptDataError) throw error;
      throw new CorruptDataError('document table is not JSON');
    }
    if (!Array.isArray(records)) throw new CorruptDataError('document table is not a list');
    const docCount = records.length;
    const docs: Array<{ doc: StoredDoc; lengths: number[]; bloom: PairFilter | null } | null> = [];
    const keys = new Set<string>();
    for (const record of records as unknown[]) {
      const doc = storedDocOf(record);
      // Two documents under one key would leave a ghost hit once one of them is removed.
      if (keys.has(doc.doc.key)) throw new CorruptDataError('document listed twice');
      keys.add(doc.doc.key);
      const bloomBytes = input.bytes();
      const wanted = !this.byKey.has(doc.doc.key) && accept(doc.doc);
      docs.push(wanted ? { ...doc, bloom: pairFilterOf(bloomBytes) } : null);
    }
    // Decode every posting before touching the index, so a corrupt tail changes nothing.
    const firstId = this.nextId;
    const ids = new Int32Array(docCount).fill(-1);
    let added = 0;
    for (let i = 0; i < docCount; i++) if (docs[i]) ids[i] = firstId + added++;
    if (firstId + added >= MAX_DOC_ID) throw new CorruptDataError('too many documents');
    const termText = input.string();
    const termList = termText === '' ? [] : termText.split('\n');
    const decoded: Array<[string, Array<number[] | null>]> = [];
    for (const term of termList) {
      const lists: Array<number[] | null> = [];
      let any = false;
      for (let f = 0; f < FIELD_COUNT; f++) {
        const count = input.varint();
        if (count === 0) {
          lists.push(null);
          continue;
        }
        // Each posting takes at least two bytes: a count beyond that is damage, not a list to allocate.
        if (count > input.remaining / 2) throw new CorruptDataError('posting count out of range');
        const list = new Array<number>(count);
        let kept = 0;
        let at = 0;
        for (let p = 0; p < count; p++) {
          at += input.varint();
          const tf = input.varint();
          if (at >= docCount || tf > TF_MAX) throw new CorruptDataError('posting out of range');
          const id = ids[at]!;
          if (id >= 0) list[kept++] = id * TF_SCALE + tf;
        }
        list.length = kept;
        lists.push(kept > 0 ? list : null);
        if (kept > 0) any = true;
      }
      if (any) decoded.push([term, lists]);
    }
    if (!input.done) throw new CorruptDataError('trailing data');
    this.ensureCapacity(firstId + added);
    for (let i = 0; i < docCount; i++) {
      const item = docs[i];
      if (!item) continue;
      const id = ids[i]!;
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
    for (const [term, lists] of decoded) {
      if (!this.isKnown(term)) this.vocabulary.add(term);
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
    this.nextId = firstId + added;
    this.live += added;
    return added;
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

/** A document record of a snapshot, checked. */
function storedDocOf(record: unknown): { doc: StoredDoc; lengths: number[] } {
  if (!Array.isArray(record) || record.length !== 7) throw new CorruptDataError('bad document record');
  const [key, kind, title, folder, version, tags, lengths] = record as unknown[];
  const strings = [key, title, folder, version].every((value) => typeof value === 'string');
  const tagList = Array.isArray(tags) && tags.every((tag) => typeof tag === 'string');
  const lengthList =
    Array.isArray(lengths) &&
    lengths.length === FIELD_COUNT &&
    lengths.every((n) => Number.isInteger(n) && (n as number) >= 0);
  if (!strings || !tagList || !lengthList || (kind !== 0 && kind !== 1)) {
    throw new CorruptDataError('bad document record');
  }
  return {
    doc: {
      key: key as string,
      kind: kind === 0 ? 'entry' : 'note',
      title: title as string,
      folder: folder as string,
      version: version as string,
      tags: tags as string[],
    },
    lengths: lengths as number[],
  };
}
