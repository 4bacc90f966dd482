/**
 * Text folding: the one rule by which two spellings a reader takes for the same word
 * become the same string. Every matcher folds with it (search terms and tags, the quick
 * switcher, the `[[` menu, the command palette, list filters, unlinked mentions), so a
 * word that matches in one place matches in all of them.
 *
 * Code point by code point:
 * - lowercase, without locale (`I` → `i`; Turkish `İ` and `ı` both → `i`);
 * - compatibility forms decomposed (NFKD): ligatures (`ﬁ` → `fi`), full-width letters and
 *   digits (`Ａ１` → `a1`), superscripts (`²` → `2`);
 * - combining marks removed: diacritics (`é` → `e`, whether written as one code point or
 *   as `e` + U+0301), and with them the emoji presentation selectors (`❤️` → `❤`);
 * - a few letters spelled out as their usual ASCII transliteration: `ß` → `ss`, `æ` → `ae`,
 *   `œ` → `oe`, `ø` → `o`, `ł` → `l`, `đ`/`ð` → `d`, `þ` → `th`;
 * - Greek final sigma read as sigma (`ς` → `σ`).
 *
 * Everything else is kept as it is: CJK ideographs, kana and emoji stay themselves (Hangul
 * syllables decompose into their jamo, as NFKD does, so composed and decomposed Korean
 * text fold alike). Folding never looks at context, so the fold of a text is the folds of
 * its code points put end to end: a match found in folded text always maps back to whole
 * characters of the original ({@link foldWithOffsets}).
 */

/**
 * Bump whenever a rule above changes: caches and indexes that store folded text (the
 * search index and its tags, the link index's word filters) include it in their version
 * and are rebuilt when it differs.
 */
export const FOLD_VERSION = 1;

const SPELLED_OUT: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ς: 'σ',
};
const SPELLED_OUT_PATTERN = /[ßæœøłđðþıς]/g;
const MARKS = /\p{M}/gu;
// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\u0000-\u007f]/;
// eslint-disable-next-line no-control-regex
const NON_ASCII_RUN = /[^\u0000-\u007f]+/g;

const cache = new Map<number, string>();
const MAX_CACHED = 20_000;

/** The fold of one non-ASCII code point (see the module comment). */
function foldCodePoint(code: number, char: string): string {
  let folded = cache.get(code);
  if (folded === undefined) {
    // Lowercase first so uppercase forms (ẞ, Æ, Ø…) meet the spelled-out table, then again
    // after decomposing (full-width `Ａ` decomposes to `A`).
    folded = char
      .toLowerCase()
      .normalize('NFKD')
      .toLowerCase()
      .replace(MARKS, '')
      .replace(SPELLED_OUT_PATTERN, (letter) => SPELLED_OUT[letter] ?? letter);
    if (cache.size < MAX_CACHED) cache.set(code, folded);
  }
  return folded;
}

function foldNonAsciiRun(run: string): string {
  let out = '';
  for (let index = 0; index < run.length;) {
    const code = run.codePointAt(index)!;
    const width = code > 0xffff ? 2 : 1;
    out += foldCodePoint(code, width === 1 ? run[index]! : run.slice(index, index + 2));
    index += width;
  }
  return out;
}

/** Folds `text` (see the module comment). Fast for ASCII, which it only lowercases. */
export function fold(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  let out = '';
  let last = 0;
  for (const match of text.matchAll(NON_ASCII_RUN)) {
    out += text.slice(last, match.index).toLowerCase() + foldNonAsciiRun(match[0]);
    last = match.index + match[0].length;
  }
  return out + text.slice(last).toLowerCase();
}

/** A folded text with, for each of its UTF-16 units, the range of the original it came from. */
export interface FoldedText {
  /** The folded text. */
  text: string;
  /** For each unit of `text`: where the original character it came from starts. */
  starts: Int32Array;
  /** For each unit of `text`: where that original character (or separator run) ends. */
  ends: Int32Array;
}

export interface FoldOptions {
  /**
   * Treat a run of name separators (spaces, tabs, hyphens and dashes, slashes,
   * underscores: see isNameSeparator) as one space, so "GABA/glutamate", "GABA-glutamate"
   * and "GABA glutamate" fold alike. Default false.
   */
  joinSeparators?: boolean;
}

/**
 * Folds `text` like {@link fold}, remembering where each folded unit came from, so a match
 * in the folded text maps back to exact offsets of the original (see {@link sourceRange}).
 * With `joinSeparators`, the result equals {@link foldName} of the text, but untrimmed.
 */
export function foldWithOffsets(text: string, options: FoldOptions = {}): FoldedText {
  const join = options.joinSeparators === true;
  const length = text.length;
  let out = '';
  // Folding rarely grows text; when it does (ß, ligatures, a few long compatibility forms) the arrays grow.
  let starts: Int32Array = new Int32Array(length + 8);
  let ends: Int32Array = new Int32Array(length + 8);
  let size = 0;
  let inSeparators = false;
  for (let index = 0; index < length;) {
    let code = text.charCodeAt(index);
    let width = 1;
    let piece: string;
    if (code < 0x80) {
      piece = code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text[index]!;
    } else {
      code = text.codePointAt(index)!;
      width = code > 0xffff ? 2 : 1;
      piece = foldCodePoint(code, width === 1 ? text[index]! : text.slice(index, index + 2));
    }
    for (let unit = 0; unit < piece.length; unit++) {
      if (join && isNameSeparatorUnit(piece.charCodeAt(unit))) {
        if (inSeparators) {
          ends[size - 1] = index + width;
          continue;
        }
        out += ' ';
        inSeparators = true;
      } else {
        out += piece[unit]!;
        inSeparators = false;
      }
      if (size === starts.length) {
        starts = grow(starts);
        ends = grow(ends);
      }
      starts[size] = index;
      ends[size] = index + width;
      size++;
    }
    index += width;
  }
  return { text: out, starts: starts.slice(0, size), ends: ends.slice(0, size) };
}

function grow(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** The original range `[start, end)` of folded units `[from, to)` (to > from). */
export function sourceRange(folded: FoldedText, from: number, to: number): [number, number] {
  return [folded.starts[from]!, folded.ends[to - 1]!];
}

const NAME_SEPARATOR_RUN = /[\p{Zs}\t\-\u2010-\u2015\u2212/_]+/gu;
const NAME_SEPARATOR = /^[\p{Zs}\t\-\u2010-\u2015\u2212/_]$/u;

/**
 * True for a UTF-16 unit of folded text that separates the words of a name: a space
 * (any width, not a line break), a tab, a hyphen, dash or minus sign, a slash, an underscore.
 */
export function isNameSeparatorUnit(unit: number): boolean {
  if (unit < 0x80) return unit === 32 || unit === 9 || unit === 45 || unit === 47 || unit === 95;
  return NAME_SEPARATOR.test(String.fromCharCode(unit));
}

/**
 * A name (title, alias, query for one) as matchers compare it: folded, every run of
 * separators one space, trimmed. "GABA/Glutamáte  Ratio" → "gaba glutamate ratio".
 */
export function foldName(name: string): string {
  return joinSeparators(fold(name)).trim();
}

/** Folded text with every run of name separators (see isNameSeparatorUnit) as one space. */
export function joinSeparators(folded: string): string {
  return folded.replace(NAME_SEPARATOR_RUN, ' ');
}
