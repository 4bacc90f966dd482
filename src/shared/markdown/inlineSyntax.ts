/**
 * Recognisers for inline Markdown constructs, shared by the inline parser and by the
 * serializer (which must know what the parser will see). Each `matchX(text, index)`
 * looks for the construct starting exactly at `index` and returns the index just past
 * it, or -1. None of them throws, and each bounds how far it looks so that a long
 * paragraph full of unmatched openers stays linear in practice.
 */

import { trimTrailing } from './lines';

/** Longest stretch a recogniser scans for a closing delimiter. */
const MAX_SCAN = 4000;

let indexedText: string | null = null;
let indexedTokens = new Map<string, number[]>();

/**
 * `text.indexOf(token, from)` in O(log n): the positions of `token` in the text being
 * parsed are collected once, so a paragraph full of unmatched openers does not search to
 * its end for each of them.
 */
function nextIndexOf(text: string, token: string, from: number): number {
  if (text !== indexedText) {
    indexedText = text;
    indexedTokens = new Map();
  }
  let positions = indexedTokens.get(token);
  if (!positions) {
    positions = [];
    for (let index = text.indexOf(token); index >= 0; index = text.indexOf(token, index + 1)) positions.push(index);
    indexedTokens.set(token, positions);
  }
  let low = 0;
  let high = positions.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (positions[middle]! < from) low = middle + 1;
    else high = middle;
  }
  return low < positions.length ? positions[low]! : -1;
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const UNICODE_WHITESPACE = /\s/u;
const UNICODE_PUNCTUATION = /[\p{P}\p{S}]/u;

export function isAsciiPunctuation(char: string | undefined): boolean {
  return char !== undefined && char.length === 1 && ASCII_PUNCTUATION.test(char);
}

/** CommonMark's Unicode whitespace; the start and end of text count as whitespace. */
export function isWhitespace(char: string | undefined): boolean {
  return char === undefined || UNICODE_WHITESPACE.test(char);
}

export function isPunctuation(char: string | undefined): boolean {
  return char !== undefined && UNICODE_PUNCTUATION.test(char);
}

/** The code point ending at `index` (exclusive), as a string ('' at the start). */
export function charBefore(text: string, index: number): string | undefined {
  if (index <= 0) return undefined;
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(index - 2, index);
  }
  return text[index - 1];
}

/** The code point starting at `index`, as a string. */
export function charAt(text: string, index: number): string | undefined {
  if (index >= text.length) return undefined;
  const code = text.codePointAt(index)!;
  return String.fromCodePoint(code);
}

/** Removes backslash escapes (a backslash before ASCII punctuation). */
export function unescapeBackslashes(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

const ENTITY = /&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/y;

/** An entity or numeric character reference (`&amp;`, `&#123;`, `&#x1F600;`). */
export function matchEntity(text: string, index: number): number {
  ENTITY.lastIndex = index;
  return ENTITY.test(text) ? ENTITY.lastIndex : -1;
}

const OPEN_TAG =
  /<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>/y;
const CLOSING_TAG = /<\/[A-Za-z][A-Za-z0-9-]*\s*>/y;
const DECLARATION = /<![A-Za-z][^>]*>/y;

/** Inline raw HTML: a tag, comment, processing instruction, declaration or CDATA section. */
export function matchRawHtml(text: string, index: number): number {
  if (text[index] !== '<') return -1;
  const next = text[index + 1];
  const window = text.slice(index, index + MAX_SCAN);
  let end = -1;
  if (next === '!') {
    if (window.startsWith('<!--')) {
      if (window.startsWith('<!-->')) end = 5;
      else if (window.startsWith('<!--->')) end = 6;
      else {
        const close = window.indexOf('-->', 4);
        end = close < 0 ? -1 : close + 3;
      }
    } else if (window.startsWith('<![CDATA[')) {
      const close = window.indexOf(']]>', 9);
      end = close < 0 ? -1 : close + 3;
    } else {
      DECLARATION.lastIndex = 0;
      end = DECLARATION.test(window) ? DECLARATION.lastIndex : -1;
    }
  } else if (next === '?') {
    const close = window.indexOf('?>', 2);
    end = close < 0 ? -1 : close + 2;
  } else if (next === '/') {
    CLOSING_TAG.lastIndex = 0;
    end = CLOSING_TAG.test(window) ? CLOSING_TAG.lastIndex : -1;
  } else {
    OPEN_TAG.lastIndex = 0;
    end = OPEN_TAG.test(window) ? OPEN_TAG.lastIndex : -1;
  }
  return end < 0 ? -1 : index + end;
}

/** An autolink: `<scheme:…>` or `<address@example.com>`. */
export interface Autolink {
  readonly end: number;
  /** The link target (`mailto:` prefixed for an email address). */
  readonly url: string;
  /** The text between the angle brackets. */
  readonly text: string;
}

// eslint-disable-next-line no-control-regex -- control characters end an autolink
const URI_AUTOLINK = /<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>\u0000-\u001f\u007f]*)>/y;
const EMAIL_AUTOLINK =
  /<([A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>/y;

export function matchAutolink(text: string, index: number): Autolink | null {
  URI_AUTOLINK.lastIndex = index;
  let match = URI_AUTOLINK.exec(text);
  if (match) return { end: URI_AUTOLINK.lastIndex, url: match[1]!, text: match[1]! };
  EMAIL_AUTOLINK.lastIndex = index;
  match = EMAIL_AUTOLINK.exec(text);
  if (match) return { end: EMAIL_AUTOLINK.lastIndex, url: `mailto:${match[1]}`, text: match[1]! };
  return null;
}

/** An Obsidian wiki link `[[…]]` (or, with `embed`, an embed `![[…]]`), on one line. */
export function matchWikiLink(text: string, index: number, embed = false): number {
  const open = embed ? '![[' : '[[';
  if (!text.startsWith(open, index)) return -1;
  const from = index + open.length;
  const close = nextIndexOf(text, ']]', from);
  if (close <= from || close - from > MAX_SCAN) return -1;
  const newline = nextIndexOf(text, '\n', from);
  if (newline >= 0 && newline < close) return -1;
  return close + 2;
}

const FOOTNOTE_REFERENCE = /\[\^[^\]\s]+\]/y;

/** A footnote reference `[^label]`. */
export function matchFootnoteReference(text: string, index: number): number {
  FOOTNOTE_REFERENCE.lastIndex = index;
  return FOOTNOTE_REFERENCE.test(text) ? FOOTNOTE_REFERENCE.lastIndex : -1;
}

/**
 * Inline math as Obsidian reads it: `$$…$$`, or `$…$` on one line where the opening `$`
 * is not followed by whitespace, the closing one not preceded by whitespace nor followed
 * by a digit.
 */
export function matchInlineMath(text: string, index: number): number {
  if (text[index] !== '$') return -1;
  if (text[index + 1] === '$') {
    const close = nextIndexOf(text, '$$', index + 2);
    if (close < 0 || close - index > MAX_SCAN || close === index + 2) return -1;
    return close + 2;
  }
  const first = text[index + 1];
  if (first === undefined || isWhitespace(first)) return -1;
  const limit = Math.min(text.length, index + MAX_SCAN);
  for (let cursor = index + 1; cursor < limit; cursor++) {
    const char = text[cursor];
    if (char === '\n') return -1;
    if (char === '\\') {
      cursor++;
      continue;
    }
    if (char === '$') {
      if (!isWhitespace(text[cursor - 1]) && !/[0-9]/.test(text[cursor + 1] ?? '')) return cursor + 1;
      return -1;
    }
  }
  return -1;
}

/** An Obsidian comment `%%…%%` (may span lines). */
export function matchComment(text: string, index: number): number {
  if (!text.startsWith('%%', index)) return -1;
  const close = nextIndexOf(text, '%%', index + 2);
  if (close < 0) return -1;
  return close + 2;
}

const TAG = /#[\p{L}\p{N}\p{M}_\-/]+/uy;

/** An Obsidian tag `#tag/sub` after whitespace or at the start; not all digits. */
export function matchTag(text: string, index: number): number {
  if (text[index] !== '#') return -1;
  const before = charBefore(text, index);
  if (before !== undefined && !isWhitespace(before) && before !== '(' && before !== '[') return -1;
  TAG.lastIndex = index;
  const match = TAG.exec(text);
  if (!match || /^#[0-9]+$/.test(match[0])) return -1;
  return TAG.lastIndex;
}

const BLOCK_ID = /\^[A-Za-z0-9-]+(?=[ \t]*(?:\n|$))/y;

/** An Obsidian block id `^abc-123` at the end of a line, after whitespace. */
export function matchBlockId(text: string, index: number): number {
  if (text[index] !== '^' || !isWhitespace(charBefore(text, index))) return -1;
  BLOCK_ID.lastIndex = index;
  return BLOCK_ID.test(text) ? BLOCK_ID.lastIndex : -1;
}

const BARE_URL = /(?:https?:\/\/|www\.)[^\s<\\]*/iy;

/**
 * A bare URL (GFM's extended autolink: `https://…`, `http://…`, `www.…`) after whitespace,
 * the start, or one of `*_~(`; trailing punctuation and unbalanced `)` are not part of it,
 * and it ends before a backslash (which escapes what follows, as in any text).
 */
export function matchBareUrl(text: string, index: number): number {
  const before = charBefore(text, index);
  if (before !== undefined && !isWhitespace(before) && !'*_~('.includes(before)) return -1;
  BARE_URL.lastIndex = index;
  const match = BARE_URL.exec(text);
  if (!match) return -1;
  let url = match[0];
  for (;;) {
    let next = trimTrailing(url, `?!.,:*_~'"`);
    if (next.endsWith(')')) {
      const open = next.split('(').length - 1;
      const close = next.split(')').length - 1;
      if (close > open) next = next.slice(0, -1);
    }
    next = next.replace(/&[A-Za-z0-9]+;$/, '');
    if (next === url) break;
    url = next;
  }
  if (/^(?:https?:\/\/|www\.)$/i.test(url) || !/[A-Za-z0-9]/.test(url.replace(/^(?:https?:\/\/|www\.)/i, ''))) {
    return -1;
  }
  return index + url.length;
}

/**
 * Index of the next backtick run of exactly a given length, for closing code spans in
 * O(log n) per lookup.
 */
export class BacktickRuns {
  private readonly byLength = new Map<number, number[]>();

  constructor(text: string) {
    let index = text.indexOf('`');
    while (index >= 0) {
      let end = index + 1;
      while (text[end] === '`') end++;
      const length = end - index;
      let list = this.byLength.get(length);
      if (!list) {
        list = [];
        this.byLength.set(length, list);
      }
      list.push(index);
      index = text.indexOf('`', end);
    }
  }

  /** Start of the first run of exactly `length` backticks at or after `from`, or -1. */
  next(length: number, from: number): number {
    const list = this.byLength.get(length);
    if (!list) return -1;
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (list[middle]! < from) low = middle + 1;
      else high = middle;
    }
    return low < list.length ? list[low]! : -1;
  }
}

/** A code span starting at `index`: its end and its content (CommonMark-normalised), or null. */
export function matchCodeSpan(
  text: string,
  index: number,
  runs: BacktickRuns,
): { end: number; content: string; length: number } | null {
  let length = 0;
  while (text[index + length] === '`') length++;
  if (length === 0) return null;
  const close = runs.next(length, index + length);
  if (close < 0) return null;
  let content = text.slice(index + length, close).replace(/\n/g, ' ');
  if (content.length >= 2 && content[0] === ' ' && content[content.length - 1] === ' ' && /[^ ]/.test(content)) {
    content = content.slice(1, -1);
  }
  return { end: close + length, content, length };
}

/**
 * The `]` that closes each `[` of a text, found in one pass: brackets nest, and a bracket
 * that is backslash-escaped or inside a code span, an autolink or raw HTML does not count.
 * Linear in the text, however many brackets it holds.
 */
export class BracketPairs {
  private readonly closeOf = new Map<number, number>();

  constructor(text: string, runs: BacktickRuns) {
    const open: number[] = [];
    for (let cursor = 0; cursor < text.length; cursor++) {
      const char = text[cursor];
      if (char === '\\') {
        cursor++;
      } else if (char === '`') {
        const span = matchCodeSpan(text, cursor, runs);
        if (span) cursor = span.end - 1;
        else while (text[cursor + 1] === '`') cursor++;
      } else if (char === '<') {
        const autolink = matchAutolink(text, cursor);
        const end = autolink ? autolink.end : matchRawHtml(text, cursor);
        if (end > 0) cursor = end - 1;
      } else if (char === '[') {
        open.push(cursor);
      } else if (char === ']') {
        const opener = open.pop();
        if (opener !== undefined) this.closeOf.set(opener, cursor);
      }
    }
  }

  /** Every `[` with its closing `]`, as [open, close] pairs (in no particular order). */
  pairs(): IterableIterator<[number, number]> {
    return this.closeOf.entries();
  }

  /** Index of the `]` closing the `[` at `index`, or -1. */
  close(index: number): number {
    return this.closeOf.get(index) ?? -1;
  }
}

/** The destination and title of an inline link `(…)`, raw (escapes not yet processed). */
export interface LinkTail {
  readonly destination: string;
  readonly pointy: boolean;
  readonly title: string | null;
  readonly end: number;
}

function skipSpaces(text: string, index: number): number {
  let cursor = index;
  let newlines = 0;
  while (cursor < text.length) {
    const char = text[cursor];
    if (char === ' ' || char === '\t') cursor++;
    else if (char === '\n' && newlines === 0) {
      newlines++;
      cursor++;
    } else break;
  }
  return cursor;
}

/** Parses `(destination "title")` starting at the `(` at `index`, or returns null. */
export function parseLinkTail(text: string, index: number): LinkTail | null {
  if (text[index] !== '(') return null;
  let cursor = skipSpaces(text, index + 1);
  let destination = '';
  let pointy = false;
  const limit = Math.min(text.length, index + MAX_SCAN);
  if (text[cursor] === '<') {
    pointy = true;
    let end = cursor + 1;
    while (end < limit) {
      const char = text[end];
      if (char === '\\' && end + 1 < text.length) end += 2;
      else if (char === '>' || char === '<' || char === '\n') break;
      else end++;
    }
    if (text[end] !== '>') return null;
    destination = text.slice(cursor + 1, end);
    cursor = end + 1;
  } else {
    let depth = 0;
    let end = cursor;
    while (end < limit) {
      const char = text[end]!;
      const code = char.charCodeAt(0);
      if (char === '\\' && isAsciiPunctuation(text[end + 1])) {
        end += 2;
        continue;
      }
      if (code <= 0x20 || code === 0x7f) break;
      if (char === '(') depth++;
      else if (char === ')') {
        if (depth === 0) break;
        depth--;
      }
      end++;
    }
    if (depth !== 0) return null;
    destination = text.slice(cursor, end);
    cursor = end;
  }
  const afterDestination = cursor;
  cursor = skipSpaces(text, cursor);
  let title: string | null = null;
  const opener = text[cursor];
  if (cursor > afterDestination && (opener === '"' || opener === "'" || opener === '(')) {
    const closer = opener === '(' ? ')' : opener;
    let end = cursor + 1;
    while (end < limit) {
      const char = text[end];
      if (char === '\\' && end + 1 < text.length) end += 2;
      else if (char === closer) break;
      else if (opener === '(' && char === '(') return null;
      else if (char === '\n' && text[end + 1] === '\n') return null;
      else end++;
    }
    if (text[end] !== closer) return null;
    title = text.slice(cursor + 1, end);
    cursor = skipSpaces(text, end + 1);
  }
  if (text[cursor] !== ')') return null;
  return { destination, pointy, title, end: cursor + 1 };
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * The URL a link destination stands for: backslash escapes removed, numeric references
 * and `&amp; &lt; &gt; &quot; &apos;` decoded. Null when it holds another named entity
 * (this module has no entity table, and an undecoded reference could hide a scheme).
 */
export function decodeLinkDestination(destination: string): string | null {
  let undecodable = false;
  const decoded = destination.replace(
    /\\([!-/:-@[-`{-~])|&(?:#([0-9]{1,7})|#[xX]([0-9A-Fa-f]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g,
    (
      whole: string,
      escaped: string | undefined,
      decimal: string | undefined,
      hex: string | undefined,
      name: string | undefined,
    ) => {
      if (escaped !== undefined) return escaped;
      if (name !== undefined) {
        const value = NAMED_ENTITIES[name];
        if (value === undefined) undecodable = true;
        return value ?? whole;
      }
      const code = decimal !== undefined ? Number(decimal) : parseInt(hex!, 16);
      return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)
        ? '\uFFFD'
        : String.fromCodePoint(code);
    },
  );
  return undecodable ? null : decoded;
}
