import { fold } from '../text/fold';
import { isWordCodePoint } from '../text/words';

/**
 * The tokenizer of search: how text becomes the terms the index stores and queries look
 * up. The backend indexes with it and the UI highlights with it, so both always agree on
 * what a "word" is.
 *
 * Rules:
 * - A word is a run of letters, digits and combining marks (any script): the text kit's
 *   word (shared/text/words.ts).
 * - Terms are folded by the text kit (shared/text/fold.ts), as every matcher folds:
 *   lowercase, diacritics removed ("Glutamáte" → "glutamate"), compatibility forms
 *   decomposed, a few letters spelled out (ß → ss, æ → ae, œ → oe, ø → o, ł → l, đ → d,
 *   þ → th), final sigma as sigma.
 * - Words joined by one connector character (`-` `/` `.` `_` `'` `’` `‐` `‑` `–`, and `,`
 *   between digits) form a compound: "GABA/glutamate", "5-HT2A", "well-known", "3.5",
 *   "1,000". A compound yields every part as a term AND the joined form without the
 *   connectors ("gaba", "glutamate", "gabaglutamate"), so "GABA/glutamate",
 *   "GABA glutamate" and "gabaglutamate" all find it. (The price: "3.5" is also found by
 *   "35".)
 * - Terms longer than {@link MAX_TERM_LENGTH} characters (hashes, base64 blobs) are
 *   skipped.
 */

/**
 * Bump when any rule here changes: search caches built with other rules are rebuilt. (The
 * folding rules have their own version, FOLD_VERSION, which the caches check too.)
 */
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
    const term = fold(text.slice(start, end));
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
