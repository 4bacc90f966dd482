import type { DocRef } from '@shared/domain/docRef';
import type { SwitcherItem } from '@shared/domain/search';
import { mergeRanges } from '@shared/search/matchTerms';
import { maxEdits } from '@shared/search/parseQuery';
import { fold, foldWithOffsets } from '@shared/text/fold';

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

/** How a name matched, best first. */
const Tier = {
  Exact: 0,
  Prefix: 1,
  WordPrefixInOrder: 2,
  WordPrefix: 3,
  Substring: 4,
  Subsequence: 5,
  Typo: 6,
} as const;

interface Name {
  text: string;
  /** Folded text (see fold). */
  folded: string;
  /** Word spans in `folded`, as [start, end) pairs flattened. */
  words: number[];
  /** 1 where a word starts in `folded`. */
  wordStart: Uint8Array;
  /** Per word, a bit per letter it holds (code & 31): words missing too many of a query word's letters skip the typo check. */
  wordLetters: Int32Array;
}

interface Prepared {
  entry: SwitcherEntry;
  /** The title first, then the aliases. */
  names: Name[];
  /** Folded title, for alphabetical ties without localeCompare. */
  sortKey: string;
}

/** A match, without its ranges (computed for the winners only). */
interface Candidate {
  item: Prepared;
  tier: number;
  /** Higher is better, within a tier. */
  score: number;
  name: number;
  recent: number;
}

interface Query {
  folded: string;
  words: string[];
  /** The folded query without spaces, for the subsequence tier. */
  compact: string;
}

const WORD = /[\p{L}\p{N}]+/gu;

function prepareName(text: string): Name {
  const folded = fold(text);
  const words: number[] = [];
  const wordStart = new Uint8Array(folded.length);
  const letters: number[] = [];
  for (const match of folded.matchAll(WORD)) {
    words.push(match.index, match.index + match[0].length);
    wordStart[match.index] = 1;
    letters.push(letterMask(match[0]));
  }
  return { text, folded, words, wordStart, wordLetters: Int32Array.from(letters) };
}

function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) mask |= 1 << (word.charCodeAt(i) & 31);
  return mask;
}

function bitCount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Folded ranges back to ranges of the original text. */
function toOriginal(name: Name, ranges: Array<[number, number]>): Array<[number, number]> {
  // Worked out for the few winners only, so names keep no offset maps.
  const { starts, ends } = foldWithOffsets(name.text);
  return mergeRanges(ranges.map(([s, e]) => [starts[s]!, ends[e - 1]!] as [number, number]));
}

/**
 * The quick switcher's matcher over note and entry titles and aliases. Forgiving, in
 * this order: the whole name, a prefix of it, prefixes of its words (in order, then in
 * any order), a substring, the letters in order (subsequence, favouring word starts and
 * runs: "ggr" → "GABA Glutamate Ratio"), and finally words with typos (the search rules:
 * one typo from 5 letters, two from 8). Titles win over aliases on equal terms, then
 * recently opened documents, shorter names and alphabetical order.
 *
 * Runs in the main thread, so the hot path allocates nothing per title and keeps only
 * the best `limit` candidates; matched ranges are worked out for those alone.
 */
export class SwitcherIndex {
  private readonly items = new Map<string, Prepared>();

  get size(): number {
    return this.items.size;
  }

  set(entry: SwitcherEntry): void {
    const names = [entry.title, ...entry.aliases.filter((a) => a.trim() !== '')].map(prepareName);
    this.items.set(entry.key, { entry, names, sortKey: names[0]!.folded });
  }

  delete(key: string): void {
    this.items.delete(key);
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
    const folded = fold(query.trim().replace(/\s+/g, ' '));
    if (folded === '') return this.recentFirst(options.recent, limit);
    const recentRank = new Map(options.recent.map((key, index) => [key, index]));
    const q: Query = {
      folded,
      words: [...folded.matchAll(WORD)].map((m) => m[0]),
      compact: folded.replace(/\s+/g, ''),
    };
    const best = new TopK(limit);
    let matched = 0;
    const consider = (item: Prepared, tier: number, score: number, name: number) => {
      matched++;
      best.offer({ item, tier, score, name, recent: recentRank.get(item.entry.key) ?? Infinity });
    };

    const rest: Prepared[] = [];
    for (const item of this.items.values()) {
      if (!this.bestOf(item, (name) => directTier(name, q), consider)) rest.push(item);
    }
    // Looser tiers only matter when the closer ones leave room.
    if (matched < limit && q.compact.length >= 2) {
      const still: Prepared[] = [];
      for (const item of rest) {
        if (!this.bestOf(item, (name) => subsequenceScore(name, q.compact), consider, Tier.Subsequence)) {
          still.push(item);
        }
      }
      if (matched < limit && q.words.some((w) => maxEdits(w) > 0)) {
        for (const item of still) this.bestOf(item, (name) => typoScore(name, q.words), consider, Tier.Typo);
      }
    }
    return best.sorted().map((candidate) => this.toItem(candidate, q));
  }

  /**
   * Tries every name of an item; reports the best match, if any. `test` returns a tier
   * (or, with `fixedTier`, a score), or null for no match.
   */
  private bestOf(
    item: Prepared,
    test: (name: Name) => number | null,
    consider: (item: Prepared, tier: number, score: number, name: number) => void,
    fixedTier?: number,
  ): boolean {
    let bestTier = Infinity;
    let bestScore = -Infinity;
    let bestName = -1;
    for (let i = 0; i < item.names.length; i++) {
      const result = test(item.names[i]!);
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
    consider(item, bestTier, bestScore, bestName);
    return true;
  }

  private toItem(candidate: Candidate, q: Query): SwitcherItem {
    const { item, tier, name: index } = candidate;
    const name = item.names[index]!;
    return {
      ref: item.entry.ref,
      kind: item.entry.kind,
      title: item.entry.title,
      folder: item.entry.folder,
      matchedAlias: index === 0 ? null : name.text,
      highlights: toOriginal(name, mergeRanges(rangesOf(name, q, tier))),
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
          newest.offer({ item, tier: 0, score: 0, name: 0, recent: 0 });
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

// ---- matching -------------------------------------------------------------------------------

/** The tier of an exact, prefix, word-prefix or substring match, or null. */
function directTier(name: Name, q: Query): number | null {
  const text = name.folded;
  if (text === q.folded) return Tier.Exact;
  if (text.startsWith(q.folded)) return Tier.Prefix;
  if (q.words.length > 0) {
    if (wordPrefixes(name, q.words, true, null)) return Tier.WordPrefixInOrder;
    if (wordPrefixes(name, q.words, false, null)) return Tier.WordPrefix;
  }
  if (text.includes(q.folded)) return Tier.Substring;
  return null;
}

/** True when each query word is the prefix of a different name word (in order when asked); collects ranges. */
function wordPrefixes(name: Name, words: string[], inOrder: boolean, ranges: Array<[number, number]> | null): boolean {
  const count = name.words.length / 2;
  if (words.length > count) return false;
  let used = 0;
  let from = 0;
  for (const word of words) {
    let found = -1;
    for (let i = inOrder ? from : 0; i < count; i++) {
      if (i < 31 && used & (1 << i)) continue;
      const start = name.words[2 * i]!;
      if (name.words[2 * i + 1]! - start >= word.length && name.folded.startsWith(word, start)) {
        found = i;
        break;
      }
    }
    if (found < 0) return false;
    if (found < 31) used |= 1 << found;
    from = found + 1;
    if (ranges) ranges.push([name.words[2 * found]!, name.words[2 * found]! + word.length]);
  }
  return true;
}

/**
 * The query's letters in order within the name, placed greedily but preferring word
 * starts; scored by letters on word starts and consecutive runs, minus gaps. Null when
 * the letters are not all there in order.
 */
function subsequenceScore(name: Name, compact: string, ranges: Array<[number, number]> | null = null): number | null {
  const text = name.folded;
  // Cheap rejection first: are the letters there in order at all?
  let at = 0;
  for (let q = 0; q < compact.length; q++) {
    at = text.indexOf(compact[q]!, at);
    if (at < 0) return null;
    at++;
  }
  // Preferring word starts can strand a later letter; then plain leftmost placement, which cannot.
  const preferred = placeLetters(name, compact, true, ranges);
  if (preferred !== null) return preferred;
  if (ranges) ranges.length = 0;
  return placeLetters(name, compact, false, ranges);
}

function placeLetters(
  name: Name,
  compact: string,
  preferWordStarts: boolean,
  ranges: Array<[number, number]> | null,
): number | null {
  const text = name.folded;
  let score = 0;
  let at = 0;
  let previous = -2;
  for (let q = 0; q < compact.length; q++) {
    const char = compact[q]!;
    let position = -1;
    if (previous >= 0 && text[previous + 1] === char) position = previous + 1;
    else {
      if (preferWordStarts) {
        for (let i = text.indexOf(char, at); i >= 0; i = text.indexOf(char, i + 1)) {
          if (name.wordStart[i]) {
            position = i;
            break;
          }
        }
      }
      if (position < 0) position = text.indexOf(char, at);
    }
    if (position < 0) return null;
    if (name.wordStart[position]) score += 3;
    if (position === previous + 1) score += 2;
    else if (previous >= 0) score -= Math.min(3, (position - previous - 1) / 4);
    ranges?.push([position, position + 1]);
    previous = position;
    at = position + 1;
  }
  return score;
}

/**
 * Every query word within its typo budget of a different name word (the last may match a
 * word's start): minus the total typos, or null.
 */
function typoScore(name: Name, words: string[], ranges: Array<[number, number]> | null = null): number | null {
  const count = name.words.length / 2;
  let used = 0;
  let score = 0;
  for (let w = 0; w < words.length; w++) {
    const word = words[w]!;
    const edits = maxEdits(word);
    const last = w === words.length - 1;
    const letters = letterMask(word);
    let found = false;
    for (let i = 0; i < count && !found; i++) {
      if (i < 31 && used & (1 << i)) continue;
      // Each letter of the query word missing from the name word costs at least one edit.
      if (bitCount(letters & ~name.wordLetters[i]!) > edits) continue;
      const start = name.words[2 * i]!;
      const end = name.words[2 * i + 1]!;
      let distance = editDistanceWithin(word, name.folded, start, end, edits);
      if (distance > edits && last && end - start > word.length) {
        distance = editDistanceWithin(word, name.folded, start, start + word.length, edits);
      }
      if (distance <= edits) {
        found = true;
        if (i < 31) used |= 1 << i;
        score -= distance;
        ranges?.push([start, end]);
      }
    }
    if (!found) return null;
  }
  return score;
}

let previousRow = new Int32Array(64);
let currentRow = new Int32Array(64);

/** Edit distance between `a` and `text[from, to)` when at most `max`, else `max + 1`; no allocation. */
function editDistanceWithin(a: string, text: string, from: number, to: number, max: number): number {
  const n = to - from;
  if (Math.abs(a.length - n) > max) return max + 1;
  if (n + 1 > previousRow.length) {
    previousRow = new Int32Array(2 * (n + 1));
    currentRow = new Int32Array(2 * (n + 1));
  }
  let prev = previousRow;
  let curr = currentRow;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    let rowMin = i;
    const code = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const substitute = prev[j - 1]! + (code === text.charCodeAt(from + j - 1) ? 0 : 1);
      const value = Math.min(substitute, prev[j]! + 1, curr[j - 1]! + 1);
      curr[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    const swap = prev;
    prev = curr;
    curr = swap;
  }
  return Math.min(prev[n]!, max + 1);
}

/** The matched ranges of a winning name, in its folded text. */
function rangesOf(name: Name, q: Query, tier: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  switch (tier) {
    case Tier.Exact:
      return [[0, name.folded.length]];
    case Tier.Prefix:
      return [[0, q.folded.length]];
    case Tier.WordPrefixInOrder:
      wordPrefixes(name, q.words, true, ranges);
      return ranges;
    case Tier.WordPrefix:
      wordPrefixes(name, q.words, false, ranges);
      return ranges;
    case Tier.Substring: {
      const at = name.folded.indexOf(q.folded);
      return [[at, at + q.folded.length]];
    }
    case Tier.Subsequence:
      subsequenceScore(name, q.compact, ranges);
      return ranges;
    default:
      typoScore(name, q.words, ranges);
      return ranges;
  }
}
