import { tagMatches, type ParsedQuery } from '@shared/search/parseQuery';
import type { SearchScope } from '@shared/domain/search';
import { mayContainPhrase } from './phraseBloom';
import { FIELD_COUNT, FIELDS, TF_BITS, TF_MAX, titleKey, type Field, type PostingStore } from './PostingStore';
import type { Expansion, Plan, QueryPlanner } from './QueryPlanner';

/**
 * Runs a query over the index: the filters (scope, tags, exclusions) as a mask, the plan
 * (QueryPlanner) evaluated into dense typed arrays, the best hits selected with a heap.
 *
 * Scoring is MiniSearch's BM25+ (k = 1.2, b = 0.7, d = 0.5, field length = distinct
 * terms, prefix weight 0.375 and typo weight 0.45 scaled by the length difference, see
 * QueryPlanner), with per-field boosts; a test checks the scores against MiniSearch's own
 * `search`. Where MiniSearch builds and sorts an object per match (400 ms for a 2-letter
 * prefix at 50,000 notes), a query here scores into typed arrays reused between queries
 * and keeps only the top k. Scores count only live documents, so an updated index ranks
 * exactly like a fresh build.
 */

/** Relative weight of a match in each field. Tuned on the judged query set (see ranking.test.ts). */
export const DEFAULT_BOOSTS: Readonly<Record<Field, number>> = {
  title: 6,
  aliases: 5,
  headings: 2.5,
  tags: 1.5,
  body: 1,
};

export interface IndexHit {
  key: string;
  kind: 'entry' | 'note';
  title: string;
  folder: string;
  score: number;
  /**
   * Forgiving search, when no document had every query word: the indices of the query's
   * clauses (its AND-ed words) this document does not match. Absent when it matches all.
   */
  missing?: number[];
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
  /**
   * Search as a person would want (default true): other forms of a word (English stems)
   * weigh 0.6, finished words match as prefixes too (0.25; the word being typed 0.375),
   * an adjacent swap is one typo, and when fewer than `limit` documents have every word,
   * those with most of them follow (weighted by the rarity of the words they have; see
   * IndexHit.missing). An exact title or alias comes first. False: MiniSearch's rules
   * exactly (every word required, only the typed word a prefix, Levenshtein typos).
   */
  forgiving?: boolean;
}

const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const TITLE = FIELDS.indexOf('title');
const ALIASES = FIELDS.indexOf('aliases');

/** A forgiving search's documents matching some of the clauses (see evaluatePartial). */
interface Partial {
  set: DocSet;
  cover: Float64Array;
  matched: Uint32Array;
  clauses: number;
}

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

export class QueryScorer {
  private readonly boosts: number[];
  private readonly pool: DocSet[] = [];

  constructor(
    private readonly store: PostingStore,
    private readonly planner: QueryPlanner,
    boosts: Readonly<Record<Field, number>>,
  ) {
    this.boosts = FIELDS.map((field) => boosts[field]);
  }

  /** See FullTextIndex.search. */
  search(query: ParsedQuery, options: IndexSearchOptions = {}): IndexSearchResult {
    const store = this.store;
    const limit = Math.max(0, options.limit ?? 30);
    const forgiving = options.forgiving ?? true;
    const allowed = this.allowedMask(query, options.scope ?? 'all');
    let ids: number[];
    let set: DocSet | null = null;
    let partial: Partial | null = null;
    if (query.clauses.length === 0) {
      if (query.tags.length === 0 && query.scope === null) return { hits: [], total: 0 };
      ids = [];
      for (let id = 0; id < store.nextId; id++) if (store.alive[id] && (!allowed || allowed[id])) ids.push(id);
    } else {
      const plans = this.planner.plan(query, forgiving);
      set = this.evaluate(this.planner.all(plans), null, allowed);
      // Documents with every word rank first: only when too few have them all does it
      // pay to look for those with most of them.
      if (forgiving && plans.length > 1 && set.ids.length < limit) {
        this.release(set);
        partial = this.evaluatePartial(plans, allowed);
        set = partial.set;
      }
      ids = set.ids;
    }
    const total = ids.length;
    const exact = forgiving && set ? this.exactTitles(query, set) : null;
    const top = this.selectTop(ids, limit, set, partial, exact);
    const hits = top.map((id): IndexHit => {
      const doc = store.docs[id]!;
      const hit: IndexHit = {
        key: doc.key,
        kind: doc.kind,
        title: doc.title,
        folder: doc.folder,
        score: set ? set.score[id]! : 0,
      };
      if (partial) {
        const mask = partial.matched[id]!;
        const missing: number[] = [];
        for (let c = 0; c < partial.clauses; c++) if (c >= 32 || (mask & (1 << c)) === 0) missing.push(c);
        if (missing.length > 0) hit.missing = missing;
      }
      return hit;
    });
    if (set) this.release(set);
    return { hits, total };
  }

  /**
   * Every document matching any clause, with the sum of its clauses' scores and typos, the
   * clauses it matched (a bit each), and its coverage: the summed rarity (BM25's idf over
   * the clause's documents) of the clauses it matched.
   */
  private evaluatePartial(plans: Plan[], allowed: Uint8Array | null): Partial {
    const n = Math.max(this.store.live, 1);
    const set = this.acquire();
    const capacity = set.mark.length;
    const cover = new Float64Array(capacity);
    const matched = new Uint32Array(capacity);
    plans.forEach((plan, c) => {
      const clause = this.evaluate(plan, null, allowed);
      const df = clause.ids.length;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      for (const id of clause.ids) {
        const typos = clause.typos[id]!;
        if (set.has(id)) {
          set.score[id]! += clause.score[id]!;
          set.typos[id] = Math.min(255, set.typos[id]! + typos);
        } else {
          set.add(id, clause.score[id]!, typos);
        }
        cover[id]! += idf;
        if (c < 32) matched[id]! |= 1 << c;
      }
      this.release(clause);
    });
    return { set, cover, matched, clauses: plans.length };
  }

  /**
   * The documents whose title or an alias is exactly the query's words (a query of plain
   * words only): they rank first.
   */
  private exactTitles(query: ParsedQuery, set: DocSet): Set<number> | null {
    if (query.clauses.some((clause) => clause.length !== 1 || clause[0]!.kind !== 'word')) return null;
    const words = query.clauses.flatMap((clause) => (clause[0]!.kind === 'word' ? clause[0]!.parts : []));
    const key = words.join(' ');
    const { docs, sortKeys } = this.store;
    // Such a title or alias has the query's first word in it: only the documents with that
    // word in their title or aliases are read, not every match (100,000 in a large pack).
    const lists = this.store.listsOf(words[0] ?? '');
    let found: Set<number> | null = null;
    for (const list of [lists[TITLE], lists[ALIASES]]) {
      for (const posting of list ?? []) {
        const id = posting >>> TF_BITS;
        if (!set.has(id) || found?.has(id)) continue;
        const doc = docs[id]!;
        // Folding rarely changes a title's length much: most titles are ruled out unread.
        const close = Math.abs(sortKeys[id]!.length - key.length) <= 8 && titleKey(doc.title) === key;
        if (close || (doc.aliases.length > 0 && doc.aliases.includes(key))) (found ??= new Set()).add(id);
      }
    }
    return found;
  }

  // ---- evaluation -------------------------------------------------------------------

  private acquire(): DocSet {
    const set = this.pool.pop() ?? new DocSet(this.store.nextId);
    set.reset(Math.max(this.store.nextId, 1));
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
        const blooms = this.store.blooms;
        result.retain((id) => {
          const bloom = blooms[id] ?? null;
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
    const store = this.store;
    const n = store.live;
    if (n === 0) return result;
    const alive = store.alive;
    const lengths = store.lengths;
    const countDead = store.dead > 0;
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
        const average = store.totals[f]! / n;
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
    const store = this.store;
    const wantScope = scope === 'all' ? query.scope : query.scope && query.scope !== scope ? 'none' : scope;
    if (wantScope === null && query.tags.length === 0 && query.excludeTags.length === 0 && query.exclude.length === 0) {
      return null;
    }
    const mask = new Uint8Array(Math.max(store.nextId, 1));
    for (let id = 0; id < store.nextId; id++) {
      if (!store.alive[id]) continue;
      if (wantScope === 'none') continue;
      if (wantScope === 'glossary' && !store.isEntry[id]) continue;
      if (wantScope === 'notes' && store.isEntry[id]) continue;
      if (query.tags.length > 0 || query.excludeTags.length > 0) {
        const tags = store.docs[id]!.tags;
        if (!query.tags.every((filter) => tags.some((tag) => tagMatches(tag, filter)))) continue;
        if (query.excludeTags.some((name) => tags.some((tag) => tagMatches(tag, name)))) continue;
      }
      mask[id] = 1;
    }
    for (const item of query.exclude) {
      const excluded = this.evaluate(this.planner.planExclusion(item), null, mask);
      for (const id of excluded.ids) mask[id] = 0;
      this.release(excluded);
    }
    return mask;
  }

  private selectTop(
    ids: number[],
    limit: number,
    set: DocSet | null,
    partial: Partial | null,
    exact: Set<number> | null,
  ): number[] {
    const { sortKeys, docs } = this.store;
    const better = (a: number, b: number): boolean => {
      if (exact) {
        const exactA = exact.has(a);
        if (exactA !== exact.has(b)) return exactA;
      }
      if (partial) {
        const coverA = partial.cover[a]!;
        const coverB = partial.cover[b]!;
        if (Math.abs(coverA - coverB) > 1e-9) return coverA > coverB;
      }
      if (set) {
        const typosA = set.typos[a]!;
        const typosB = set.typos[b]!;
        if (typosA !== typosB) return typosA < typosB;
        const scoreA = set.score[a]!;
        const scoreB = set.score[b]!;
        if (scoreA !== scoreB) return scoreA > scoreB;
      }
      const titleA = sortKeys[a]!;
      const titleB = sortKeys[b]!;
      if (titleA !== titleB) return titleA < titleB;
      return docs[a]!.key < docs[b]!.key;
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
}
