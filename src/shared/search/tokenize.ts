/**
 * The tokenizer of search: how text becomes the terms the index stores and queries look
 * up. The backend indexes with it and the UI highlights with it, so both always agree on
 * what a "word" is.
 *
 * Rules:
 * - A word is a run of letters, digits and combining marks (any script).
 * - Terms are folded: lowercase, diacritics removed ("Glutamáte" → "glutamate"), and a
 *   few letters spelled out (ß → ss, æ → ae, œ → oe, ø → o, ł → l, đ → d, þ → th).
 * - Words joined by one connector character (`-` `/` `.` `_` `'` `’` `‐` `‑` `–`, and `,`
 *   between digits) form a compound: "GABA/glutamate", "5-HT2A", "well-known", "3.5",
 *   "1,000". A compound yields every part as a term AND the joined form without the
 *   connectors ("gaba", "glutamate", "gabaglutamate"), so "GABA/glutamate",
 *   "GABA glutamate" and "gabaglutamate" all find it. (The price: "3.5" is also found by
 *   "35".)
 * - Terms longer than {@link MAX_TERM_LENGTH} characters (hashes, base64 blobs) are
 *   skipped.
 */

/** Bump when any rule here changes: search caches built with other rules are rebuilt. */
export const TOKENIZER_VERSION = 1;

/** Longer terms are not indexed and never match. */
export const MAX_TERM_LENGTH = 64;

/** One term found in a text. */
export interface Token {
  /** The folded term. */
  term: string;
  /** Where the word sits in the text, as [start, end) UTF-16 offsets. */
  start: number;
  end: number;
  /**
   * True for the joined form of a compound ("gabaglutamate" spanning "GABA/glutamate"),
   * which overlaps the parts reported before it.
   */
  joined: boolean;
}

/** Called for each term in order; a compound's joined form comes right after its last part. */
export type TokenVisitor = (term: string, start: number, end: number, joined: boolean) => void;

// 0 = not computed yet, 1 = word character, 2 = not.
const bmpClass = new Uint8Array(65536);
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;

for (let code = 0; code < 128; code++) {
  const isWord = (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  bmpClass[code] = isWord ? 1 : 2;
}

function isWordCodePoint(code: number): boolean {
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

function isConnector(code: number): boolean {
  return (
    code === 45 || // -
    code === 47 || // /
    code === 46 || // .
    code === 95 || // _
    code === 39 || // '
    code === 0x2019 || // ’
    code === 0x2010 || // ‐ hyphen
    code === 0x2011 || // ‑ non-breaking hyphen
    code === 0x2013 // – en dash
  );
}

const SPELLED_OUT: Record<string, string> = {
  ß: 'ss',
  ẞ: 'ss',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  ø: 'o',
  Ø: 'o',
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
  ð: 'd',
  Ð: 'd',
  þ: 'th',
  Þ: 'th',
  ı: 'i',
};
const SPELLED_OUT_PATTERN = /[ßẞæÆœŒøØłŁđĐðÐþÞı]/g;
const MARKS = /\p{M}/gu;
// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\u0000-\u007f]/;

/**
 * Folds one word the way the index does: lowercase, without diacritics, a few letters
 * spelled out. Does not split; see {@link tokenize} for that.
 */
export function foldTerm(word: string): string {
  if (!NON_ASCII.test(word)) return word.toLowerCase();
  return word
    .replace(SPELLED_OUT_PATTERN, (char) => SPELLED_OUT[char] ?? char)
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase();
}

/**
 * Walks the terms of `text` in order without building token objects (the indexer's fast
 * path). See the module comment for the rules.
 */
export function scanTerms(text: string, visit: TokenVisitor): void {
  const length = text.length;
  let index = 0;
  // The parts of the compound being read: their folded terms and offsets.
  const parts: string[] = [];
  let compoundStart = 0;
  let lastEnd = 0;
  let allDigitsBefore = false;

  const flush = () => {
    if (parts.length > 1) {
      const joined = parts.join('');
      if (joined.length <= MAX_TERM_LENGTH) visit(joined, compoundStart, lastEnd, true);
    }
    parts.length = 0;
  };

  while (index < length) {
    let code = text.charCodeAt(index);
    let width = 1;
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < length) {
      const low = text.charCodeAt(index + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    if (!isWordCodePoint(code)) {
      // One connector between two words continues a compound; anything else ends it.
      if (parts.length > 0 && index === lastEnd && index + 1 < length) {
        const next = text.codePointAt(index + 1)!;
        const joins =
          isWordCodePoint(next) && (isConnector(code) || (code === 44 && allDigitsBefore && next >= 48 && next <= 57));
        if (joins) {
          index += width;
          continue;
        }
      }
      if (parts.length > 0) flush();
      index += width;
      continue;
    }
    // A word starts here: read it to its end.
    const start = index;
    let asciiDigitsOnly = true;
    let end = index;
    while (end < length) {
      let c = text.charCodeAt(end);
      let w = 1;
      if (c >= 0xd800 && c <= 0xdbff && end + 1 < length) {
        const low = text.charCodeAt(end + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          c = (c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
          w = 2;
        }
      }
      if (!isWordCodePoint(c)) break;
      if (c < 48 || c > 57) asciiDigitsOnly = false;
      end += w;
    }
    // A word directly after the previous one's connector continues the compound.
    if (parts.length > 0 && start !== lastEnd + 1) flush();
    if (parts.length === 0) compoundStart = start;
    const term = foldTerm(text.slice(start, end));
    if (term.length > 0 && term.length <= MAX_TERM_LENGTH) {
      visit(term, start, end, false);
      parts.push(term);
    } else {
      // An unindexable part breaks the compound (its joined form would never match a query).
      flush();
    }
    lastEnd = end;
    allDigitsBefore = asciiDigitsOnly;
    index = end;
  }
  flush();
}

/** The tokens of `text`, with offsets (see the module comment for the rules). Never throws. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  scanTerms(text, (term, start, end, joined) => tokens.push({ term, start, end, joined }));
  return tokens;
}

/** Just the terms of `text`, parts and joined forms, in order. */
export function termsOf(text: string): string[] {
  const terms: string[] = [];
  scanTerms(text, (term) => terms.push(term));
  return terms;
}
