/**
 * The plain text of a block of the note model: what a reader sees, for mention contexts,
 * previews, heading texts and search snippets.
 */
import type { WikiLink } from '../links/parseWikiLinks';
import { splitLines } from './lines';
import type { NoteBlock, TextRange } from './noteModel';

/** A block's text as a reader sees it, and where given ranges of the source landed in it. */
export interface PlainText {
  text: string;
  /** For each range asked for, its [start, end) in `text`, or null when nothing of it shows. */
  ranges: Array<[number, number] | null>;
}

/** What a block's plain text is for: the two differ only in how links, embeds and table cells show. */
export interface PlainTextStyle {
  /** Between a link's target and heading: ' > ' (the default, contexts) or ' › ' (snippets). */
  headingSeparator?: string;
  /** Embeds (`![[…]]`) show nothing (snippets) rather than their target. Default false. */
  dropEmbeds?: boolean;
  /** Table cells are joined by this (empty cells dropped) instead of keeping their `|`. */
  cellSeparator?: string;
}

/** What of the note the plain text needs besides its text: links, and what never shows. */
export interface BlockTextSource {
  readonly text: string;
  /** Wiki links, sorted (the model's). */
  readonly links: readonly WikiLink[];
  /** Ranges that never show (comments, block ids), sorted. */
  readonly hidden: readonly TextRange[];
}

/**
 * The plain text of a block (see NoteBlock): line prefixes go (list markers and
 * checkboxes, `>` quote markers and callout types, heading `#`s, table edge pipes);
 * inline markup goes (emphasis, strikethrough and highlight delimiters, code backticks,
 * HTML tags, footnote references, backslash escapes, comments, block ids); Markdown links
 * and images show their text, autolinks their address; wiki links show their label, else
 * their target (`Target > Heading` for a heading link); line breaks and runs of spaces
 * become one space. `marks` are [start, end) offsets of the source to follow into the
 * result (a link shows as a whole: any range inside it covers its whole display text).
 * Linear in the block, whatever it holds. Never throws.
 */
export function plainTextOf(
  source: BlockTextSource,
  block: Pick<NoteBlock, 'kind' | 'start' | 'end'>,
  marks: ReadonlyArray<readonly [number, number]> = [],
  style: PlainTextStyle = {},
): PlainText {
  const text = source.text;
  const builder = new Builder();
  const links = new Map<number, WikiLink>();
  for (let index = firstAtOrAfter(source.links, block.start); index < source.links.length; index++) {
    const link = source.links[index]!;
    if (link.start >= block.end) break;
    // A Markdown link shows its text like any other (the inline scan below reads it).
    if (!('markdown' in link && link.markdown)) links.set(link.start, link);
  }
  const hidden = new Map<number, number>();
  for (let index = firstAtOrAfter(source.hidden, block.start); index < source.hidden.length; index++) {
    const range = source.hidden[index]!;
    if (range.start >= block.end) break;
    hidden.set(range.start, range.end);
  }
  const scan: InlineScan = {
    source: text,
    links,
    hidden,
    style,
    pairs: matchPairs(text, block.start, block.end),
    delimiters: pairDelimiterRuns(text, block.start, block.end),
    table: block.kind === 'tableRow' && style.cellSeparator !== undefined,
    noClosingRun: new Map(),
  };
  for (const [from, to] of contentRegions(text, block)) {
    builder.space(from);
    inline(builder, scan, from, to);
  }
  return builder.finish(marks);
}

/** A wiki link's display text: label, else `Target` or `Target > Heading`, else the heading. */
export function wikiLinkDisplay(
  link: Pick<WikiLink, 'target' | 'heading' | 'label'>,
  headingSeparator = ' > ',
): string {
  const label = link.label?.trim() ?? '';
  if (label !== '') return label;
  const target = link.target.trim();
  const heading = link.heading?.trim().replace(/^\^/, '') ?? '';
  if (target === '') return heading;
  return heading === '' ? target : `${target}${headingSeparator}${heading}`;
}

/** Index of the first range starting at or after `offset`. */
function firstAtOrAfter(ranges: ReadonlyArray<{ start: number }>, offset: number): number {
  let low = 0;
  let high = ranges.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (ranges[middle]!.start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

const LIST_PREFIX = /^[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]*(?:\[[^\]\n\r]\][ \t]+)?/;
const QUOTE_PREFIX = /^[ \t]*(?:>[ \t]?)+/;
const CALLOUT = /^\[![^\]\n]*\][+-]?[ \t]*/;
const ATX_PREFIX = /^ {0,3}#{1,6}(?:[ \t]+|$)/;
const ATX_SUFFIX = /(?:^|[ \t]+)#+[ \t]*$/;
const FOOTNOTE_PREFIX = /^[ \t]*\[\^[^\]\n]+\]:[ \t]*/;

/** The [start, end) ranges of a block that hold its inline content, one per line. */
function contentRegions(source: string, block: Pick<NoteBlock, 'kind' | 'start' | 'end'>): Array<[number, number]> {
  const lines = splitLines(source.slice(block.start, block.end)).map((line) => ({
    start: line.start + block.start,
    text: line.text,
  }));
  const atx = block.kind === 'heading' && lines.length === 1;
  if (block.kind === 'heading' && !atx) lines.pop();
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
    if (block.kind === 'listItem' && index === 0) cut(LIST_PREFIX);
    if (block.kind === 'quote') {
      cut(QUOTE_PREFIX);
      if (index === 0) cut(CALLOUT);
    }
    if (block.kind === 'footnote' && index === 0) cut(FOOTNOTE_PREFIX);
    if (atx) {
      cut(ATX_PREFIX);
      const suffix = ATX_SUFFIX.exec(text);
      if (suffix) text = text.slice(0, suffix.index);
    }
    if (block.kind === 'tableRow') {
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
  private pendingSeparator: string | null = null;

  emit(char: string, at: number): void {
    if (this.pendingSpace >= 0 && this.chars.length > 0) {
      this.chars.push(this.pendingSeparator ?? ' ');
      this.sources.push(this.pendingSpace);
    }
    this.pendingSpace = -1;
    this.pendingSeparator = null;
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

  /** Like a space, but shows as `separator` when text follows (several in a row show once). */
  separator(separator: string, at: number): void {
    this.space(at);
    this.pendingSeparator = separator;
  }

  finish(marks: ReadonlyArray<readonly [number, number]>): PlainText {
    const text = this.chars.join('');
    const ranges = marks.map(([start, end]): [number, number] | null => {
      const first = lowerBound(this.sources, start);
      const last = lowerBound(this.sources, end);
      if (first >= last) return null;
      // Offsets are in UTF-16 units of `text`: chars holds whole code points (or separators).
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

interface InlineScan {
  source: string;
  links: Map<number, WikiLink>;
  hidden: Map<number, number>;
  style: PlainTextStyle;
  /** Matching `]` of each `[` and `)` of each `(` (see matchPairs). */
  pairs: Map<number, number>;
  table: boolean;
  /** Start offsets of the emphasis, strikethrough and highlight runs that have a partner (see pairDelimiterRuns). */
  delimiters: Set<number>;
  /** Backtick run sizes with no closing run after the offset given (so unclosed runs stay linear). */
  noClosingRun: Map<number, number>;
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const WORD = /[\p{L}\p{N}]/u;
const SPACE = /\s/u;
const AUTOLINK = /<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>/y;
const HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|<!--[^]*?-->/y;
// No `[` inside the label, so a run of `[^` stays linear.
const FOOTNOTE_REFERENCE = /\[\^[^\]\s[]+\]/y;

function inline(builder: Builder, scan: InlineScan, from: number, to: number): void {
  const { source, links, hidden, style } = scan;
  let index = from;
  while (index < to) {
    const hiddenEnd = hidden.get(index);
    if (hiddenEnd !== undefined) {
      builder.space(index);
      index = Math.max(index + 1, hiddenEnd);
      continue;
    }
    const link = links.get(index);
    if (link && link.end <= to) {
      if (!(link.embed && style.dropEmbeds))
        builder.emitText(wikiLinkDisplay(link, style.headingSeparator), link.start);
      else builder.space(link.start);
      index = link.end;
      continue;
    }
    const char = source[index]!;
    if (char === '\\' && index + 1 < to && ASCII_PUNCTUATION.test(source[index + 1]!)) {
      builder.emit(source[index + 1]!, index + 1);
      index += 2;
      continue;
    }
    if (char === '|' && scan.table) {
      builder.separator(style.cellSeparator!, index);
      index++;
      continue;
    }
    if (char === '`') {
      let run = index;
      while (run < to && source[run] === '`') run++;
      const size = run - index;
      const close = closingBackticks(scan, run, to, size);
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
      const textEnd = scan.pairs.get(open);
      const end = textEnd !== undefined && source[textEnd + 1] === '(' ? scan.pairs.get(textEnd + 1) : undefined;
      if (textEnd !== undefined && end !== undefined && end < to) {
        inline(builder, scan, open + 1, textEnd);
        index = end + 1;
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
      // Only a run with a partner is markup: `window.__canary`, `__init` or a lone `*` stay as written.
      if (!scan.delimiters.has(index)) for (let at = index; at < run; at++) builder.emit(char, at);
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
function closingBackticks(scan: InlineScan, from: number, to: number, size: number): number {
  const source = scan.source;
  const none = scan.noClosingRun.get(size);
  if (none !== undefined && none <= from) return -1;
  let index = from;
  while (index < to) {
    const at = source.indexOf('`', index);
    if (at < 0 || at >= to) break;
    let run = at;
    while (run < to && source[run] === '`') run++;
    if (run - at === size) return at;
    index = run;
  }
  scan.noClosingRun.set(size, from);
  return -1;
}

/**
 * The runs of `*`, `_`, `~~` and `==` in [from, to) that pair with another run of the same
 * character, as CommonMark's flanking rules decide (a `_` run inside a word neither opens nor
 * closes; a run with space on both sides is text), in one pass with a stack per character.
 * Returns the start offsets of both runs of every pair. Backslash-escaped characters are text.
 */
function pairDelimiterRuns(source: string, from: number, to: number): Set<number> {
  const paired = new Set<number>();
  const openers = new Map<string, number[]>();
  let index = from;
  while (index < to) {
    const char = source[index]!;
    if (char === '\\') {
      index += 2;
      continue;
    }
    if (char !== '*' && char !== '_' && char !== '~' && char !== '=') {
      index++;
      continue;
    }
    let run = index;
    while (run < to && source[run] === char) run++;
    const start = index;
    index = run;
    if ((char === '~' || char === '=') && run - start < 2) continue;
    const before = start > from ? source[start - 1]! : ' ';
    const after = run < to ? source[run]! : ' ';
    const spaceBefore = SPACE.test(before);
    const spaceAfter = SPACE.test(after);
    const punctBefore = !spaceBefore && !WORD.test(before);
    const punctAfter = !spaceAfter && !WORD.test(after);
    const leftFlanking = !spaceAfter && (!punctAfter || spaceBefore || punctBefore);
    const rightFlanking = !spaceBefore && (!punctBefore || spaceAfter || punctAfter);
    const canOpen = char === '_' ? leftFlanking && (!rightFlanking || punctBefore) : leftFlanking;
    const canClose = char === '_' ? rightFlanking && (!leftFlanking || punctAfter) : rightFlanking;
    let stack = openers.get(char);
    if (canClose && stack && stack.length > 0) {
      paired.add(stack.pop()!);
      paired.add(start);
    } else if (canOpen) {
      if (!stack) openers.set(char, (stack = []));
      stack.push(start);
    }
  }
  return paired;
}

/**
 * The matching `]` of every `[` and `)` of every `(` in [from, to), in one pass: brackets
 * nest, a backslash escapes the next character, and no pair spans a line break. This is
 * what keeps `[text](destination)` recognition linear on text full of unclosed brackets.
 */
function matchPairs(source: string, from: number, to: number): Map<number, number> {
  const pairs = new Map<number, number>();
  const brackets: number[] = [];
  const parens: number[] = [];
  for (let index = from; index < to; index++) {
    const code = source.charCodeAt(index);
    if (code === 92 /* \ */) index++;
    else if (code === 91 /* [ */) brackets.push(index);
    else if (code === 93 /* ] */) {
      const open = brackets.pop();
      if (open !== undefined) pairs.set(open, index);
    } else if (code === 40 /* ( */) parens.push(index);
    else if (code === 41 /* ) */) {
      const open = parens.pop();
      if (open !== undefined) pairs.set(open, index);
    } else if (code === 10 || code === 13) {
      brackets.length = 0;
      parens.length = 0;
    }
  }
  return pairs;
}
