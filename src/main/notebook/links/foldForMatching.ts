/**
 * Text folding for finding mentions: two spellings that a reader takes for the same words
 * fold to the same string. Lowercase, diacritics removed (`Glutamáte` → `glutamate`),
 * compatibility forms decomposed (`ﬁ` → `fi`), Greek final sigma read as sigma; in names
 * and in the text searched, a run of separators (spaces, tabs, hyphens and dashes,
 * slashes, underscores) is one space, so "GABA/glutamate ratio", "GABA-glutamate ratio"
 * and "GABA glutamate ratio" are one name. Line breaks are not separators: a mention never
 * spans two lines.
 */

const SEPARATORS_ONLY = /^[\p{Zs}\t\-\u2010-\u2015\u2212/_]+$/u;
const ASCII_SEPARATORS = new Set([9, 32, 45, 47, 95]);
const SEPARATOR_RUN = /[\p{Zs}\t\-\u2010-\u2015\u2212/_]+/gu;
const MARKS = /\p{M}/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const WORDS = /[\p{L}\p{N}]+/gu;

/** Folds a string as a whole (offsets are not kept). */
export function foldForMatching(text: string): string {
  return text.normalize('NFKD').toLowerCase().replace(MARKS, '').replace(/ς/g, 'σ');
}

/** The folded form of a name to look for: folded, separator runs as one space, trimmed. */
export function foldName(name: string): string {
  return foldForMatching(name).replace(SEPARATOR_RUN, ' ').trim();
}

/** The distinct words (runs of letters and digits) of a folded text. */
export function foldedWords(folded: string): Set<string> {
  return new Set(folded.match(WORDS) ?? []);
}

/** True for a letter or digit (of folded text): what a whole-word match may not touch. */
export function isWordChar(char: string | undefined): boolean {
  return char !== undefined && WORD_CHAR.test(char);
}

/** A folded text with, for each of its code units, the range of the original it came from. */
export interface FoldedText {
  text: string;
  starts: Int32Array;
  ends: Int32Array;
}

const charCache = new Map<number, string>();

function foldChar(code: number, char: string): string {
  if (code < 128) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : char;
  let folded = charCache.get(code);
  if (folded === undefined) {
    folded = foldForMatching(char);
    if (charCache.size < 10_000) charCache.set(code, folded);
  }
  return folded;
}

/**
 * Folds `text` like {@link foldName} does a name (separator runs become one space), code
 * point by code point, remembering where each folded unit came from, so a match in the
 * folded text maps back to exact offsets of the original.
 */
export function foldWithOffsets(text: string): FoldedText {
  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let inSeparators = false;
  let index = 0;
  while (index < text.length) {
    const code = text.codePointAt(index)!;
    const width = code > 0xffff ? 2 : 1;
    const folded = foldChar(code, width === 1 ? text[index]! : text.slice(index, index + 2));
    const separator = code < 128 ? ASCII_SEPARATORS.has(code) : folded !== '' && SEPARATORS_ONLY.test(folded);
    if (separator) {
      if (inSeparators) {
        ends[ends.length - 1] = index + width;
      } else {
        out.push(' ');
        starts.push(index);
        ends.push(index + width);
        inSeparators = true;
      }
    } else if (folded !== '') {
      for (let unit = 0; unit < folded.length; unit++) {
        out.push(folded[unit]!);
        starts.push(index);
        ends.push(index + width);
      }
      inSeparators = false;
    }
    index += width;
  }
  return { text: out.join(''), starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}
