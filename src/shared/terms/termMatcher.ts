/**
 * Glossary terms in running text: which words of a note are a title or alias of a glossary
 * entry ("Definitions where terms appear", #17). Pure logic, no UI; docs/term-detection.md
 * says why it is built this way and what it costs at 120,000 entries.
 *
 * Words are search's words, compared as search compares them (so a term found here is a
 * term search finds, and the other way round):
 * - a text and every name are cut into words by search's tokenizer (scanTerms): runs of
 *   letters and digits of any script, folded (case, accents, ß → ss…) by the text kit;
 * - each word is then reduced to its English stem by search's stemmer (stemOf: Porter2, only
 *   a–z words of 4+ letters), so "receptors" finds "Receptor" and "inhibition" finds
 *   "inhibit" but not "inhibitory" (Porter2 gives "inhibitori");
 * - connectors inside a compound ("GABA/glutamate", "5-HT2A", "well-known") separate its
 *   words, as they do for search: the name "GABA/glutamate ratio" is the words
 *   gaba·glutamate·ratio and is found in "GABA/glutamate ratio", "GABA-glutamate ratios"
 *   and "GABA glutamate ratio". A name with a compound is also found written as one word
 *   ("5-HT2A" in "5HT2A"), and a one-word name is found as a compound's joined form
 *   ("gabaglutamate" in "GABA/glutamate"), as search finds both; a one-word name is also
 *   found as one part of a compound ("receptor" in "GABA-receptor");
 * - a possessive "'s" / "’s" is not a word ("Parkinson's disease" = parkinson·disease, so
 *   "Parkinsons disease" finds it too);
 * - the words of a multi-word name must follow one another in the text with nothing but
 *   spaces and punctuation between them, never a line break.
 *
 * Names ignored: those with no word at all ("—", "🧠"), those with a word too long for
 * search (MAX_TERM_LENGTH), and one-word names of a single character ("a", "I", "X", "α",
 * "脳"), which would underline every stray letter. Multi-word names may hold one-letter
 * words ("vitamin C").
 *
 * Matching is leftmost-longest over whole words: at each word the longest name starting
 * there wins ("GABA receptor" over "GABA"), and the next search starts after it, so
 * occurrences never overlap. A name shared by several entries (homonyms, or one entry's
 * alias equal to another's title) yields all their ids, in the order the terms were given.
 */
import { stemOf } from '../search/stemWord';
import { scanTerms } from '../search/tokenize';
import { isWordUnitAt } from '../text/words';

/** One glossary entry to look for: its id and its names (title first, then aliases). */
export interface TermSource {
  id: string;
  names: readonly string[];
}

/**
 * @internal A node of the word trie: the terms whose name ends with this word (an index
 * into `ids`, or several), and the words that may follow it in a longer name.
 */
export interface TermTrieNode {
  terms: number | number[] | undefined;
  /** The terms' ids, worked out on the first occurrence and shared by all the node's occurrences. */
  idList?: readonly string[];
  next: Map<string, TermTrieNode> | undefined;
}

/** A built matcher: reusable across texts, never changed by them (but for the nodes' id lists, a cache). */
export interface TermMatcher {
  /** Names registered: distinct (word sequence, term) pairs, ignored names not counted. */
  readonly phraseCount: number;
  /** The most words any name has. */
  readonly maxWords: number;
  /** @internal the trie's first level: a name's first word key → its node. */
  readonly root: ReadonlyMap<string, TermTrieNode>;
  /** @internal the ids of the terms, by their position in the input. */
  readonly ids: readonly string[];
}

/** One place a term appears. */
export interface TermOccurrence {
  /** [start, end) UTF-16 offsets in the text: from the first word's start to the last word's end. */
  start: number;
  end: number;
  /**
   * The ids of the entries this name belongs to (several for a shared name), without
   * repeats. Shared by every occurrence of the same name: read it, never change it.
   */
  ids: readonly string[];
}

export interface FindTermsOptions {
  /**
   * Report an occurrence only when it brings an id not reported before in this call (the
   * first occurrence of each term). Call once per section for "first occurrence per
   * section". Default false: every occurrence.
   */
  firstOnly?: boolean;
}

/** The words of a text, with the stem keys the matcher compares. */
interface Words {
  keys: string[];
  starts: number[];
  ends: number[];
  /** The joined form's key of the compound starting at word i, when word i starts one. */
  joined: Map<number, { key: string; last: number }>;
  /** For word i > 0: may a name continue from word i - 1 to word i (no line break, no word between)? */
  follows: boolean[];
}

/** The key a word is compared by: its stem, or the folded word itself when it has none. */
function keyOf(term: string): string {
  return stemOf(term) ?? term;
}

function isApostrophe(code: number): boolean {
  return code === 39 || code === 0x2019;
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13 || code === 0x2028 || code === 0x2029 || code === 0x0b || code === 0x0c;
}

/** True when nothing in text[from, to) but spaces and punctuation stands between two words. */
function gapJoins(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index);
    if (isLineBreak(code)) return false;
    // A word the tokenizer skipped (too long) is still a word between them.
    if (code >= 0x80 || (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122)) {
      if (isWordUnitAt(text, index)) return false;
    }
  }
  return true;
}

/** Cuts `text` into words as search does (see the module comment), with their stem keys. */
function wordsOf(text: string, withJoined: boolean): Words {
  const words: Words = { keys: [], starts: [], ends: [], joined: new Map(), follows: [] };
  // Where the previous word (or a possessive "'s" after it) ended: the gap to the next word starts there.
  let lastEnd = -1;
  scanTerms(text, (term, start, end, joined) => {
    if (joined) {
      // The compound's first part is the word starting where the joined form starts.
      let first = words.keys.length - 1;
      while (first > 0 && words.starts[first]! > start) first--;
      if (withJoined && first >= 0 && words.starts[first] === start) {
        words.joined.set(first, { key: keyOf(term), last: words.keys.length - 1 });
      }
      return;
    }
    // A possessive: "s" right after an apostrophe right after a word.
    if (term === 's' && start >= 2 && start - 1 === lastEnd && isApostrophe(text.charCodeAt(start - 1))) {
      lastEnd = end;
      return;
    }
    const index = words.keys.length;
    words.keys.push(keyOf(term));
    words.starts.push(start);
    words.ends.push(end);
    words.follows.push(index > 0 && gapJoins(text, lastEnd, start));
    lastEnd = end;
  });
  return words;
}

/**
 * Builds a matcher term by term, so a caller can spread the work of a large glossary over
 * several turns of its event loop (`add` a slice, yield, go on) and never hold it for the
 * whole build. `finish()` hands back the matcher; terms added later are not seen by it.
 */
export interface TermMatcherBuilder {
  add(term: TermSource): void;
  finish(): TermMatcher;
}

/** A builder for `buildTermMatcher`'s matcher, fed one term at a time (see TermMatcherBuilder). */
export function createTermMatcherBuilder(): TermMatcherBuilder {
  const root = new Map<string, TermTrieNode>();
  const ids: string[] = [];
  let maxWords = 0;
  let phraseCount = 0;

  const add = (keys: readonly string[], termIndex: number) => {
    let level = root;
    let node: TermTrieNode | undefined;
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index]!;
      node = level.get(key);
      if (node === undefined) {
        node = { terms: undefined, next: undefined };
        level.set(key, node);
      }
      if (index < keys.length - 1) level = node.next ??= new Map();
    }
    const known = node!.terms;
    if (known === undefined) node!.terms = termIndex;
    else if (typeof known === 'number') {
      if (known === termIndex) return;
      node!.terms = [known, termIndex];
    } else if (known[known.length - 1] !== termIndex) known.push(termIndex);
    else return;
    phraseCount++;
    if (keys.length > maxWords) maxWords = keys.length;
  };

  return {
    add(term) {
      const termIndex = ids.length;
      ids.push(term.id);
      for (const name of term.names) {
        const words = wordsOf(name, true);
        const count = words.keys.length;
        if (count === 0) continue;
        if (count === 1 && [...words.keys[0]!].length < 2) continue;
        // A word the tokenizer skipped (over-long) before, between or after the name's words.
        if (!namesAllWords(name, words)) continue;
        add(words.keys, termIndex);
        // Its compounds written as one word ("5-HT2A" as "5HT2A"), all together.
        if (words.joined.size > 0) {
          const joinedKeys: string[] = [];
          for (let index = 0; index < count; index++) {
            const compound = words.joined.get(index);
            if (compound) {
              joinedKeys.push(compound.key);
              index = compound.last;
            } else joinedKeys.push(words.keys[index]!);
          }
          if (joinedKeys.length > 1 || [...joinedKeys[0]!].length >= 2) add(joinedKeys, termIndex);
        }
      }
    },
    finish: () => ({ root, ids, maxWords, phraseCount }),
  };
}

/**
 * Builds the matcher for `terms` (see the module comment for the rules). Linear in the
 * names' length; the terms' ids are kept by reference, not copied.
 */
export function buildTermMatcher(terms: readonly TermSource[]): TermMatcher {
  const builder = createTermMatcherBuilder();
  for (const term of terms) builder.add(term);
  return builder.finish();
}

/** True when every word character of `name` lies in one of the words found (none was skipped). */
function namesAllWords(name: string, words: Words): boolean {
  let from = 0;
  for (let index = 0; index <= words.keys.length; index++) {
    const to = index < words.keys.length ? words.starts[index]! : name.length;
    for (let at = from; at < to; at++) {
      if (isWordUnitAt(name, at)) {
        // An apostrophe's "s" was dropped on purpose.
        const possessive =
          (name[at] === 's' || name[at] === 'S') &&
          at > 0 &&
          isApostrophe(name.charCodeAt(at - 1)) &&
          !isWordUnitAt(name, at + 1);
        if (possessive) continue;
        return false;
      }
    }
    if (index < words.keys.length) from = words.ends[index]!;
  }
  return true;
}

/**
 * The occurrences of the matcher's names in `text`, in order, never overlapping (see the
 * module comment). Offsets are into `text` as given.
 */
export function findTerms(matcher: TermMatcher, text: string, options: FindTermsOptions = {}): TermOccurrence[] {
  const found: TermOccurrence[] = [];
  if (matcher.maxWords === 0 || text.length === 0) return found;
  const words = wordsOf(text, true);
  const { keys, starts, ends, follows } = words;
  const reported = options.firstOnly === true ? new Set<number>() : null;

  const report = (node: TermTrieNode, first: number, last: number): void => {
    const value = node.terms!;
    const indexes = typeof value === 'number' ? [value] : value;
    if (reported) {
      if (indexes.every((termIndex) => reported.has(termIndex))) return;
      for (const termIndex of indexes) reported.add(termIndex);
    }
    const ids = (node.idList ??= indexes.map((termIndex) => matcher.ids[termIndex]!));
    found.push({ start: starts[first]!, end: ends[last]!, ids });
  };

  for (let index = 0; index < keys.length;) {
    const key = keys[index]!;
    let matchedLast = -1;
    let matched: TermTrieNode | undefined;
    // Down the trie as far as the words follow one another; the last name ending on the way wins.
    let node = matcher.root.get(key);
    for (let at = index; node !== undefined;) {
      if (node.terms !== undefined) {
        matched = node;
        matchedLast = at;
      }
      at++;
      if (node.next === undefined || at >= keys.length || !follows[at]) break;
      node = node.next.get(keys[at]!);
    }
    // A compound written with connectors may be a name written as one word ("5HT2A").
    const compound = words.joined.get(index);
    if (compound && compound.last > matchedLast) {
      const joined = matcher.root.get(compound.key);
      if (joined?.terms !== undefined) {
        matched = joined;
        matchedLast = compound.last;
      }
    }
    if (matched === undefined) {
      index++;
      continue;
    }
    report(matched, index, matchedLast);
    index = matchedLast + 1;
  }
  return found;
}
