import { WORD_PREFIX_MIN_LENGTH } from '@shared/search/matchTerms';
import { maxEdits, type ParsedQuery, type QueryItem } from '@shared/search/parseQuery';
import { stemOf } from '@shared/search/stemWord';
import { FIELDS, type PostingStore, type Postings } from './PostingStore';

/**
 * Turns a parsed query into a plan over the index's postings: each word part becomes the
 * dictionary terms it stands for (itself, its completions when typed as a prefix, its
 * near spellings) with MiniSearch's weights, and the plan's tree of AND, OR and phrase
 * nodes carries a cost (postings to read) so the scorer can run the most selective part
 * first. See PlanScorer for how a plan is evaluated.
 */

const BODY = FIELDS.indexOf('body');
const PREFIX_WEIGHT = 0.375;
/** Forgiving search: a finished word matching as a prefix weighs less than the word being typed. */
const WORD_PREFIX_WEIGHT = 0.25;
/** Forgiving search: another form of the word (same English stem) weighs less than the word itself. */
const STEM_WEIGHT = 0.6;
const FUZZY_WEIGHT = 0.45;
/** A phrase's last word being typed is checked against at most this many completions (else not at all). */
const MAX_CHECKED_COMPLETIONS = 64;
/**
 * Bounds on how many dictionary terms one query word stands for, so a query costs about
 * the same in a 120,000-entry pack as in a vault (where they are rarely reached): the
 * completions of the word being typed (the shortest, which weigh most), those of a
 * finished word (forgiving), and its near spellings (the closest). "b" alone has thousands
 * of completions in a dictionary, and each is a posting list to read and score.
 */
export const MAX_TYPED_COMPLETIONS = 256;
export const MAX_WORD_COMPLETIONS = 64;
export const MAX_TYPO_MATCHES = 64;
const MIN_STEM_LENGTH = 3;

export interface Expansion {
  term: string;
  /** Per field, the term's postings; none for the body where a short prefix skips it (see bodyPrefixMinLength). */
  lists: Array<Postings | undefined>;
  weight: number;
  /** Typos in the match (0 for exact and prefix matches): documents needing fewer typos rank first. */
  typos: number;
}

export type Plan =
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

export class QueryPlanner {
  /**
   * @param bodyPrefixMinLength a word typed alone matches as a prefix in the body only from
   *   this many characters (see FullTextIndexOptions).
   */
  constructor(
    private readonly store: PostingStore,
    private readonly bodyPrefixMinLength: number,
  ) {}

  /**
   * The plans of a query's clauses (at least one), to be ANDed. Forgiving (see
   * IndexSearchOptions.forgiving): other forms of a word (its English stem), finished words
   * as prefixes, and adjacent swaps as one typo; else MiniSearch's rules exactly.
   */
  plan(query: ParsedQuery, forgiving = false): Plan[] {
    // A short prefix alone would scan nearly every body for little use; next to other
    // words, which narrow the documents first, it is cheap and expected.
    const alone = query.clauses.length === 1;
    return query.clauses.map((clause) => this.or(clause.map((item) => this.planItem(item, alone, forgiving))));
  }

  /** Plans ANDed into one. */
  all(plans: Plan[]): Plan {
    return this.and(plans);
  }

  /** Exclusions match exactly: no prefix, no typos. */
  planExclusion(item: QueryItem): Plan {
    return this.planItem(item.kind === 'word' ? { ...item, prefix: false, exact: true } : { ...item, prefix: false });
  }

  private planItem(item: QueryItem, alone = false, forgiving = false): Plan {
    if (item.kind === 'phrase') {
      const last = item.words.length - 1;
      const leaves = item.words.map((word, i) => this.terms(word, { prefix: item.prefix && i === last }));
      return this.phrase(item.words, item.prefix, leaves);
    }
    const last = item.parts.length - 1;
    const shortPrefixes = alone && item.parts.length === 1;
    const loose = forgiving && !item.exact && item.parts.length === 1;
    const parts = item.parts.map((part, i) =>
      this.terms(part, {
        prefix: item.prefix && i === last,
        wordPrefix: loose && part.length >= WORD_PREFIX_MIN_LENGTH,
        fuzzy: !item.exact,
        transpositions: forgiving,
        stem: loose,
        limitShortPrefix: shortPrefixes,
      }),
    );
    if (parts.length === 1) return parts[0]!;
    // A compound: its joined form, or its parts next to each other (the pair filter decides).
    const joined = this.terms(item.parts.join(''), { prefix: item.prefix });
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

  /** The dictionary terms a query word part stands for, with their weights (MiniSearch's rules, see plan). */
  private terms(part: string, rules: TermRules): Plan {
    const store = this.store;
    const found = new Map<string, Expansion>();
    let cost = 0;
    // A term reached by several rules keeps its best weight, and no typo unless only a typo reaches it.
    const expand = (term: string, weight: number, typos: number, skipBody: boolean) => {
      const known = found.get(term);
      if (known) {
        known.weight = Math.max(known.weight, weight);
        known.typos = Math.min(known.typos, typos);
        return;
      }
      const lists = store.listsOf(term, skipBody ? BODY : -1);
      for (const list of lists) cost += list?.length ?? 0;
      found.set(term, { term, lists, weight, typos });
    };
    if (store.isKnown(part)) expand(part, 1, 0, false);
    let completions: Set<string> | null = null;
    if (rules.prefix || rules.wordPrefix) {
      completions = new Set();
      const skipBody = (rules.limitShortPrefix ?? false) && part.length < this.bodyPrefixMinLength;
      const base = rules.prefix ? PREFIX_WEIGHT : WORD_PREFIX_WEIGHT;
      const limit = rules.prefix ? MAX_TYPED_COMPLETIONS : MAX_WORD_COMPLETIONS;
      // Where a short prefix skips the body, only completions found elsewhere take a place.
      for (const term of store.termsWithPrefix(part, limit, skipBody ? BODY : -1)) {
        if (term === part) continue;
        completions.add(term);
        const distance = term.length - part.length;
        expand(term, (base * term.length) / (term.length + 0.3 * distance), 0, skipBody);
      }
    }
    const stem = rules.stem ? stemOf(part) : null;
    // A stem of one or two letters ("being" → "be") would stem every term starting with it
    // (thousands in a dictionary) to find a few function words: the word itself, its
    // completions and near spellings still match.
    if (stem !== null && stem.length >= MIN_STEM_LENGTH) {
      for (const term of store.termsWithStem(stem)) if (term !== part) expand(term, STEM_WEIGHT, 0, false);
    }
    const edits = rules.fuzzy ? maxEdits(part) : 0;
    if (edits > 0) {
      for (const [term, distance] of closest(store.termsWithin(part, edits, rules.transpositions ?? false), part)) {
        if (distance === 0 || completions?.has(term)) continue;
        expand(term, (FUZZY_WEIGHT * term.length) / (term.length + distance), distance, false);
      }
    }
    return { kind: 'terms', expansions: [...found.values()], cost };
  }
}

/** The {@link MAX_TYPO_MATCHES} near spellings closest to `word`: fewest edits, then nearest in length, then in order. */
function closest(found: Map<string, number>, word: string): Iterable<[string, number]> {
  if (found.size <= MAX_TYPO_MATCHES) return found;
  return [...found]
    .sort(
      ([a, da], [b, db]) =>
        da - db || Math.abs(a.length - word.length) - Math.abs(b.length - word.length) || (a < b ? -1 : 1),
    )
    .slice(0, MAX_TYPO_MATCHES);
}

interface TermRules {
  /** The word is being typed: it matches as a prefix (MiniSearch's weight). */
  prefix: boolean;
  /** A finished word that matches as a prefix too, at a lower weight (forgiving). */
  wordPrefix?: boolean;
  /** Typos allowed (see maxEdits). */
  fuzzy?: boolean;
  /** An adjacent swap counts as one typo (forgiving). */
  transpositions?: boolean;
  /** Other forms of the word match (forgiving). */
  stem?: boolean;
  /** See bodyPrefixMinLength. */
  limitShortPrefix?: boolean;
}
