import { diff3Merge } from 'node-diff3';

/** What a three-way merge of a note's text came to. */
export type MergeOutcome =
  /** The changes of both sides fit together: `text` holds all of them. */
  | { clean: true; text: string }
  /** Both sides changed the same words (or inserted at the same place): no text is chosen. */
  | { clean: false; conflicts: number };

/**
 * Merges two versions of a text that were both derived from `base`: `ours` (the editor's
 * unsaved edits) and `theirs` (what another program wrote to the file meanwhile), the way
 * `diff3` and Git do, with a finer second pass:
 *
 * 1. Lines: `diff3` over the lines (line endings kept, so CRLF and a missing final newline
 *    survive). Lines changed by one side only are taken from that side; lines changed the
 *    same way by both are taken once.
 * 2. Words: where both sides changed the same or neighbouring lines, the stretch is merged
 *    again over words, whitespace runs and punctuation runs. A word is never split: it is
 *    one token, taken whole from one side.
 *
 * Only a truly overlapping change is a conflict: both sides changed the same word, or
 * inserted text at the same place (which cannot be ordered), or one side changed a word
 * the other deleted. A clean merge never drops text either side added.
 *
 * Pure and synchronous. Stretches too long to diff word by word (over MAX_WORD_TOKENS)
 * count as conflicts rather than risk a long stall.
 */
export function mergeText(base: string, ours: string, theirs: string): MergeOutcome {
  if (ours === theirs || theirs === base) return { clean: true, text: ours };
  if (ours === base) return { clean: true, text: theirs };

  let text = '';
  let conflicts = 0;
  for (const region of mergeRegions(splitLines(base), splitLines(ours), splitLines(theirs))) {
    if (region.ok) {
      text += region.ok.join('');
      continue;
    }
    const words = mergeWords(region.o.join(''), region.a.join(''), region.b.join(''));
    if (words === null) conflicts++;
    else text += words;
  }
  return conflicts > 0 ? { clean: false, conflicts } : { clean: true, text };
}

/** Longest stretch (in tokens, all three sides together) merged word by word. */
export const MAX_WORD_TOKENS = 60_000;

/** The lines of `text`, each with its line ending (the last one may have none). */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+/g) ?? [];
}

/**
 * Words (letters, marks, digits, `_`, and apostrophes inside a word), runs of whitespace
 * and runs of other characters. Concatenated they give the text back.
 */
export function tokenize(text: string): string[] {
  return text.match(/[\p{L}\p{M}\p{N}_]+(?:['’][\p{L}\p{M}\p{N}_]+)*|\s+|[^\s\p{L}\p{M}\p{N}_]+/gu) ?? [];
}

function mergeWords(base: string, ours: string, theirs: string): string | null {
  const o = tokenize(base);
  const a = tokenize(ours);
  const b = tokenize(theirs);
  if (o.length + a.length + b.length > MAX_WORD_TOKENS) return null;
  let text = '';
  for (const region of mergeRegions(o, a, b)) {
    if (!region.ok) return null;
    text += region.ok.join('');
  }
  return text;
}

type Region = { ok: string[] } | { ok?: never; o: string[]; a: string[]; b: string[] };

/**
 * diff3's merge regions of `a` (ours) and `b` (theirs) against `o` (base). The items that
 * occur exactly once in each of the three, in the same order in all three, are stable
 * anchors (patience diff): diff3 runs on the stretches between them. Its longest-common-
 * subsequence step costs time with the square of repeated items (the blank lines between
 * paragraphs, the spaces between words), so without anchors a long note with two distant
 * edits would take minutes; with them, each stretch is small.
 */
function* mergeRegions(o: string[], a: string[], b: string[]): Generator<Region> {
  let [oAt, aAt, bAt] = [0, 0, 0];
  for (const [oAnchor, aAnchor, bAnchor] of [...uniqueAnchors(o, a, b), [o.length, a.length, b.length] as const]) {
    const [oPart, aPart, bPart] = [o.slice(oAt, oAnchor), a.slice(aAt, aAnchor), b.slice(bAt, bAnchor)];
    if (oPart.length + aPart.length + bPart.length > 0) {
      for (const region of diff3Merge(aPart, oPart, bPart, { excludeFalseConflicts: true })) {
        if (region.ok) yield { ok: region.ok };
        else yield { o: region.conflict!.o, a: region.conflict!.a, b: region.conflict!.b };
      }
    }
    if (oAnchor < o.length) yield { ok: [o[oAnchor]!] };
    [oAt, aAt, bAt] = [oAnchor + 1, aAnchor + 1, bAnchor + 1];
  }
}

/**
 * Positions `[inO, inA, inB]` of items found exactly once in each sequence, increasing in
 * all three (the longest such chain found by two longest-increasing-subsequence passes).
 */
function uniqueAnchors(o: string[], a: string[], b: string[]): Array<readonly [number, number, number]> {
  const seen = new Map<string, { o: number; a: number; b: number; count: [number, number, number] }>();
  const count = (items: string[], side: 0 | 1 | 2) => {
    items.forEach((item, index) => {
      let entry = seen.get(item);
      if (!entry) seen.set(item, (entry = { o: -1, a: -1, b: -1, count: [0, 0, 0] }));
      entry.count[side]++;
      if (side === 0) entry.o = index;
      else if (side === 1) entry.a = index;
      else entry.b = index;
    });
  };
  count(o, 0);
  count(a, 1);
  count(b, 2);
  const candidates = [...seen.values()]
    .filter((entry) => entry.count[0] === 1 && entry.count[1] === 1 && entry.count[2] === 1)
    .sort((x, y) => x.o - y.o);
  const inA = longestIncreasing(candidates, (entry) => entry.a);
  return longestIncreasing(inA, (entry) => entry.b).map((entry) => [entry.o, entry.a, entry.b] as const);
}

/** The longest subsequence of `items` along which `key` increases (patience sorting, O(n log n)). */
function longestIncreasing<T>(items: T[], key: (item: T) => number): T[] {
  const tails: number[] = [];
  const previous: number[] = [];
  items.forEach((item, index) => {
    const value = key(item);
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (key(items[tails[middle]!]!) < value) low = middle + 1;
      else high = middle;
    }
    previous[index] = low > 0 ? tails[low - 1]! : -1;
    tails[low] = index;
  });
  const chain: T[] = [];
  for (let index = tails[tails.length - 1] ?? -1; index >= 0; index = previous[index]!) chain.push(items[index]!);
  return chain.reverse();
}
