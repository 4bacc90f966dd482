import { blockAt, type NoteBlock, type NoteModel } from '@shared/markdown/noteModel';
import { foldName, foldWithOffsets, sourceRange } from '@shared/text/fold';
import { isWordChar, isWordUnitAt } from '@shared/text/words';

/** A [start, end) range of a note's text. */
export interface TextSpan {
  start: number;
  end: number;
}

/** Units where mentions are looked for (prose); code, math, HTML and front matter are not. */
const PROSE = new Set<NoteBlock['kind']>(['paragraph', 'listItem', 'heading', 'quote', 'tableRow', 'footnote']);

/** A name must have at least this many letters or digits to be looked for ("I", "a" are not). */
const MIN_WORD_CHARS = 2;

/**
 * The folded names to look for (see foldName), longest first, without duplicates and
 * without names too short to mean anything.
 */
export function mentionTerms(names: readonly string[]): string[] {
  const terms = new Set<string>();
  for (const name of names) {
    const term = foldName(name);
    if ([...term].filter((char) => isWordChar(char)).length >= MIN_WORD_CHARS) terms.add(term);
  }
  return [...terms].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}

const INLINE_LINK = /!?\[[^\]\n]*\]\([^)\n]*\)/g;
const AUTOLINK = /<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>/g;
const BARE_URL = /(?:https?:\/\/|www\.)[^\s<>]+/gi;
const HTML_TAG = /<\/?[A-Za-z][^<>\n]*>/g;

/**
 * The parts of a note where no mention may be found or made, sorted by start: front
 * matter and non-prose blocks, code, wiki links, tags and comments (from the model), Markdown links and images,
 * autolinks, bare URLs and HTML tags; merged, so they are
 * disjoint and sorted.
 */
export function mentionExclusions(model: NoteModel): TextSpan[] {
  const text = model.text;
  const spans: TextSpan[] = [];
  for (const block of model.blocks) {
    if (!PROSE.has(block.kind)) spans.push({ start: block.start, end: block.end });
  }
  for (const ranges of [model.code, model.links, model.tags, model.comments]) {
    for (const range of ranges) spans.push({ start: range.start, end: range.end });
  }
  for (const pattern of [INLINE_LINK, AUTOLINK, BARE_URL, HTML_TAG]) {
    for (const match of text.matchAll(pattern)) spans.push({ start: match.index, end: match.index + match[0].length });
  }
  spans.sort((a, b) => a.start - b.start);
  const merged: TextSpan[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** True when [start, end) overlaps one of `spans` (disjoint and sorted, as mentionExclusions returns them). */
export function overlapsAny(spans: readonly TextSpan[], start: number, end: number): boolean {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (spans[middle]!.end <= start) low = middle + 1;
    else high = middle;
  }
  const span = spans[low];
  return span !== undefined && span.start < end;
}

/**
 * Whole-word, case- and diacritic-insensitive occurrences of any of `terms` (from
 * mentionTerms) in the prose of a note, outside `exclusions`, and outside units for which
 * `skipUnit` says yes (those that already link to the target). Where matches overlap, the
 * longest wins. In document order.
 */
export function findMentions(
  model: NoteModel,
  terms: readonly string[],
  exclusions: readonly TextSpan[],
  skipUnit: (block: NoteBlock) => boolean,
): TextSpan[] {
  if (terms.length === 0) return [];
  const text = model.text;
  const folded = foldWithOffsets(text, { joinSeparators: true });
  const found: TextSpan[] = [];
  for (const term of terms) {
    for (let at = folded.text.indexOf(term); at >= 0; at = folded.text.indexOf(term, at + 1)) {
      const end = at + term.length;
      if (
        (at > 0 && isWordUnitAt(folded.text, at - 1)) ||
        (end < folded.text.length && isWordUnitAt(folded.text, end))
      ) {
        continue;
      }
      const [start, stop] = sourceRange(folded, at, end);
      const unit = blockAt(model, start);
      if (!unit || !PROSE.has(unit.kind) || stop > unit.end || skipUnit(unit)) continue;
      if (overlapsAny(exclusions, start, stop)) continue;
      found.push({ start, end: stop });
    }
  }
  // Longest first; then keep what does not overlap a longer (or earlier) match.
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: TextSpan[] = [];
  for (const span of found) {
    if (!kept.some((k) => k.start < span.end && span.start < k.end)) kept.push(span);
  }
  return kept.sort((a, b) => a.start - b.start);
}
