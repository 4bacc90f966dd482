import { foldText } from '@shared/text/foldText';

/** Text folded for matching, with where each folded character came from in the original. */
export interface FoldedText {
  folded: string;
  /** For each UTF-16 unit of `folded`: the offset of the original character it came from. */
  starts: number[];
  /** For each UTF-16 unit of `folded`: the offset just after that original character. */
  ends: number[];
}

/**
 * Case and diacritic folding (see foldText) that keeps a map back to the original offsets:
 * folding changes lengths ("ﬁ" → "fi", "é" → "e" + a dropped mark), and marked characters
 * must land on the characters the user sees. Final sigma folds like sigma.
 */
export function foldWithOffsets(text: string): FoldedText {
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < text.length;) {
    const code = text.charCodeAt(i);
    const width = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? 2 : 1;
    // ASCII is by far the common case: skip Unicode normalisation for it.
    const piece = code < 0x80 ? text[i]!.toLowerCase() : foldCharacter(text.slice(i, i + width));
    for (let k = 0; k < piece.length; k++) {
      starts.push(i);
      ends.push(i + width);
    }
    folded += piece;
    i += width;
  }
  return { folded, starts, ends };
}

function foldCharacter(character: string): string {
  return foldText(character).replace(/ς/g, 'σ');
}

/** Folds a query the way foldWithOffsets folds text. */
export function foldQuery(term: string): string {
  return foldText(term).replace(/ς/g, 'σ').trim();
}
