/**
 * Word boundaries, the same for every matcher: a word is a run of letters, digits and
 * combining marks, of any script ("glutamate", "5ht2a", "α", "大脳", "é" written as e +
 * U+0301). Everything else (spaces, punctuation, symbols, emoji) is between words. Folded
 * text (see fold.ts) has no combining marks, so there a word is a run of letters and digits.
 */

// 0 = not computed yet, 1 = word character, 2 = not.
const bmpClass = new Uint8Array(65536);
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;

for (let code = 0; code < 128; code++) {
  const isWord = (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  bmpClass[code] = isWord ? 1 : 2;
}

/** True for a code point that belongs to a word: a letter, digit or combining mark. */
export function isWordCodePoint(code: number): boolean {
  if (code < 65536) {
    let known = bmpClass[code]!;
    if (known === 0) {
      // Lone surrogates are never word characters.
      known = code >= 0xd800 && code <= 0xdfff ? 2 : WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
      bmpClass[code] = known;
    }
    return known === 1;
  }
  return WORD_CHAR.test(String.fromCodePoint(code));
}

/** True when `char` (one character, or the start of a string) belongs to a word; false for undefined. */
export function isWordChar(char: string | undefined): boolean {
  return char !== undefined && char !== '' && isWordCodePoint(char.codePointAt(0)!);
}

/**
 * True when the UTF-16 unit at `index` belongs to a word; a surrogate pair counts as its
 * code point, whichever half `index` points at.
 */
export function isWordUnitAt(text: string, index: number): boolean {
  const unit = text.charCodeAt(index);
  if (unit < 0xd800 || unit > 0xdfff) return isWordCodePoint(unit);
  // A lone surrogate is never part of a word; codePointAt gives it back as itself.
  if (unit <= 0xdbff) return isWordCodePoint(text.codePointAt(index)!);
  if (index === 0) return false;
  const high = text.charCodeAt(index - 1);
  return high >= 0xd800 && high <= 0xdbff && isWordCodePoint(text.codePointAt(index - 1)!);
}

/** The words of `text` as [start, end) offsets, flattened: [start0, end0, start1, end1, …]. */
export function wordSpans(text: string): number[] {
  const spans: number[] = [];
  let start = -1;
  for (let index = 0; index < text.length;) {
    const code = text.codePointAt(index)!;
    const width = code > 0xffff ? 2 : 1;
    if (isWordCodePoint(code)) {
      if (start < 0) start = index;
    } else if (start >= 0) {
      spans.push(start, index);
      start = -1;
    }
    index += width;
  }
  if (start >= 0) spans.push(start, text.length);
  return spans;
}

/** The words of `text`, in order, repeats included. */
export function wordsOf(text: string): string[] {
  const spans = wordSpans(text);
  const words: string[] = [];
  for (let i = 0; i < spans.length; i += 2) words.push(text.slice(spans[i], spans[i + 1]));
  return words;
}

/** The distinct words of `text` (of folded text, for word filters and mentions). */
export function distinctWords(text: string): Set<string> {
  return new Set(wordsOf(text));
}
