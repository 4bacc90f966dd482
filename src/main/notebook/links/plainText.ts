import { scanWikiLinks, type WikiLink } from '@shared/links/parseWikiLinks';
import { splitLines } from '@shared/markdown/lines';
import type { NoteUnit } from './segmentNote';

/** A unit's text as a reader sees it, and where given ranges of the source landed in it. */
export interface PlainText {
  text: string;
  /** For each range asked for, its [start, end) in `text`, or null when nothing of it shows. */
  ranges: Array<[number, number] | null>;
}

/**
 * The plain text of a unit (see segmentNote): line prefixes go (list markers and
 * checkboxes, `>` quote markers and callout types, heading `#`s, table edge pipes);
 * inline markup goes (emphasis, strikethrough and highlight delimiters, code backticks,
 * HTML tags, footnote references, backslash escapes); Markdown links and images show
 * their text, autolinks their address; wiki links show their label, else their target
 * (`Target > Heading` for a heading link); line breaks and runs of spaces become one
 * space. `marks` are [start, end) offsets of the source to follow into the result (a
 * link shows as a whole: any range inside it covers its whole display text).
 */
export function plainTextOf(
  source: string,
  unit: NoteUnit,
  marks: ReadonlyArray<readonly [number, number]> = [],
): PlainText {
  const builder = new Builder();
  const links = new Map<number, WikiLink>();
  for (const link of scanWikiLinks(source, unit.start, unit.end)) links.set(link.start, link);
  for (const [from, to] of contentRegions(source, unit)) {
    builder.space(from);
    inline(builder, source, from, to, links);
  }
  return builder.finish(marks);
}

/** A wiki link's display text: label, else `Target` or `Target > Heading`, else the heading. */
export function wikiLinkDisplay(link: Pick<WikiLink, 'target' | 'heading' | 'label'>): string {
  const label = link.label?.trim() ?? '';
  if (label !== '') return label;
  const target = link.target.trim();
  const heading = link.heading?.trim() ?? '';
  if (target === '') return heading;
  return heading === '' ? target : `${target} > ${heading}`;
}

const LIST_PREFIX = /^[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]*(?:\[[ xX]\][ \t]+)?/;
const QUOTE_PREFIX = /^[ \t]*(?:>[ \t]?)+/;
const CALLOUT = /^\[![^\]\n]*\][+-]?[ \t]*/;
const ATX_PREFIX = /^ {0,3}#{1,6}(?:[ \t]+|$)/;
const ATX_SUFFIX = /(?:^|[ \t]+)#+[ \t]*$/;
const FOOTNOTE_PREFIX = /^[ \t]*\[\^[^\]\n]+\]:[ \t]*/;

/** The [start, end) ranges of a unit that hold its inline content, one per line. */
function contentRegions(source: string, unit: NoteUnit): Array<[number, number]> {
  const lines = splitLines(source.slice(unit.start, unit.end)).map((line) => ({
    start: line.start + unit.start,
    text: line.text,
  }));
  const atx = unit.kind === 'heading' && lines.length === 1;
  if (unit.kind === 'heading' && !atx) lines.pop();
  return lines.map((line, index) => {
    let text = line.text;
    let start = line.start;
    const cut = (pattern: RegExp) => {
      const match = pattern.exec(text);
      if (match && match.index === 0) {
        start += match[0].length;
        text = text.slice(match[0].length);
      }
    };
    if (unit.kind === 'listItem' && index === 0) cut(LIST_PREFIX);
    if (unit.kind === 'quote') {
      cut(QUOTE_PREFIX);
      if (index === 0) cut(CALLOUT);
    }
    if (unit.kind === 'footnote' && index === 0) cut(FOOTNOTE_PREFIX);
    if (atx) {
      cut(ATX_PREFIX);
      const suffix = ATX_SUFFIX.exec(text);
      if (suffix) text = text.slice(0, suffix.index);
    }
    if (unit.kind === 'tableRow') {
      cut(/^[ \t]*\|?/);
      text = text.replace(/\|?[ \t]*$/, '');
    }
    cut(/^[ \t]+/);
    return [start, start + text.length];
  });
}

class Builder {
  private readonly chars: string[] = [];
  private readonly sources: number[] = [];
  private pendingSpace = -1;

  emit(char: string, at: number): void {
    if (this.pendingSpace >= 0 && this.chars.length > 0) {
      this.chars.push(' ');
      this.sources.push(this.pendingSpace);
    }
    this.pendingSpace = -1;
    this.chars.push(char);
    this.sources.push(at);
  }

  emitText(text: string, at: number): void {
    for (const char of text) {
      if (char === ' ' || char === '\t' || char === '\n' || char === '\r') this.space(at);
      else this.emit(char, at);
    }
  }

  space(at: number): void {
    if (this.pendingSpace < 0) this.pendingSpace = at;
  }

  finish(marks: ReadonlyArray<readonly [number, number]>): PlainText {
    const text = this.chars.join('');
    const ranges = marks.map(([start, end]): [number, number] | null => {
      const first = lowerBound(this.sources, start);
      const last = lowerBound(this.sources, end);
      if (first >= last) return null;
      // Offsets are in UTF-16 units of `text`: chars holds whole code points.
      return [unitsBefore(this.chars, first), unitsBefore(this.chars, last)];
    });
    return { text, ranges };
  }
}

function lowerBound(values: readonly number[], target: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (values[middle]! < target) low = middle + 1;
    else high = middle;
  }
  return low;
}

function unitsBefore(chars: readonly string[], count: number): number {
  let units = 0;
  for (let index = 0; index < count; index++) units += chars[index]!.length;
  return units;
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const WORD = /[\p{L}\p{N}]/u;
const AUTOLINK = /<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>/y;
const HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|<!--[^]*?-->/y;
const FOOTNOTE_REFERENCE = /\[\^[^\]\s]+\]/y;

function inline(builder: Builder, source: string, from: number, to: number, links: Map<number, WikiLink>): void {
  let index = from;
  while (index < to) {
    const link = links.get(index);
    if (link && link.end <= to) {
      builder.emitText(wikiLinkDisplay(link), link.start);
      index = link.end;
      continue;
    }
    const char = source[index]!;
    if (char === '\\' && index + 1 < to && ASCII_PUNCTUATION.test(source[index + 1]!)) {
      builder.emit(source[index + 1]!, index + 1);
      index += 2;
      continue;
    }
    if (char === '`') {
      let run = index;
      while (run < to && source[run] === '`') run++;
      const size = run - index;
      const close = closingBackticks(source, run, to, size);
      if (close >= 0) {
        for (let at = run; at < close; at++) {
          const c = source[at]!;
          if (c === ' ' || c === '\n' || c === '\r' || c === '\t') builder.space(at);
          else builder.emit(c, at);
        }
        index = close + size;
      } else {
        for (let at = index; at < run; at++) builder.emit('`', at);
        index = run;
      }
      continue;
    }
    if (char === '[' || (char === '!' && source[index + 1] === '[')) {
      const open = char === '!' ? index + 1 : index;
      FOOTNOTE_REFERENCE.lastIndex = open;
      if (FOOTNOTE_REFERENCE.test(source) && FOOTNOTE_REFERENCE.lastIndex <= to) {
        index = FOOTNOTE_REFERENCE.lastIndex;
        continue;
      }
      const inlineLink = matchInlineLink(source, open, to);
      if (inlineLink) {
        inline(builder, source, open + 1, inlineLink.textEnd, links);
        index = inlineLink.end;
        continue;
      }
      builder.emit(char, index);
      index++;
      continue;
    }
    if (char === '<') {
      AUTOLINK.lastIndex = index;
      const auto = AUTOLINK.exec(source);
      if (auto && AUTOLINK.lastIndex <= to) {
        for (let at = index + 1; at < AUTOLINK.lastIndex - 1; at++) builder.emit(source[at]!, at);
        index = AUTOLINK.lastIndex;
        continue;
      }
      HTML_TAG.lastIndex = index;
      if (HTML_TAG.test(source) && HTML_TAG.lastIndex <= to) {
        index = HTML_TAG.lastIndex;
        continue;
      }
    }
    if (char === '*' || char === '~' || char === '=' || char === '_') {
      let run = index;
      while (run < to && source[run] === char) run++;
      const size = run - index;
      const intraword = WORD.test(source[index - 1] ?? '') && WORD.test(source[run] ?? '');
      const delimiter = char === '*' ? true : char === '_' ? !intraword : size >= 2;
      if (!delimiter) for (let at = index; at < run; at++) builder.emit(char, at);
      index = run;
      continue;
    }
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r') {
      builder.space(index);
      index++;
      continue;
    }
    const code = source.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < to) {
      builder.emit(source.slice(index, index + 2), index);
      index += 2;
      continue;
    }
    builder.emit(char, index);
    index++;
  }
}

/** Index of a run of exactly `size` backticks in [from, to), or -1. */
function closingBackticks(source: string, from: number, to: number, size: number): number {
  let index = from;
  while (index < to) {
    const at = source.indexOf('`', index);
    if (at < 0 || at >= to) return -1;
    let run = at;
    while (run < to && source[run] === '`') run++;
    if (run - at === size) return at;
    index = run;
  }
  return -1;
}

/** `[text](destination)` starting at the `[`: where the text ends and the link ends. */
function matchInlineLink(source: string, open: number, to: number): { textEnd: number; end: number } | null {
  let depth = 0;
  let index = open;
  for (; index < to; index++) {
    const char = source[index];
    if (char === '\\') {
      index++;
      continue;
    }
    if (char === '[') depth++;
    else if (char === ']' && --depth === 0) break;
    else if (char === '\n') return null;
  }
  if (index >= to || source[index + 1] !== '(') return null;
  const textEnd = index;
  let parens = 0;
  for (let at = index + 1; at < to; at++) {
    const char = source[at];
    if (char === '\\') {
      at++;
      continue;
    }
    if (char === '(') parens++;
    else if (char === ')' && --parens === 0) return { textEnd, end: at + 1 };
    else if (char === '\n') return null;
  }
  return null;
}
