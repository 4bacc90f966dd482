/**
 * Writes inline content as Markdown that {@link parseInline} reads back to the same
 * content. Escapes are minimal: a character gets a backslash only where it could be read
 * as syntax, and text that the parser keeps literal (embeds, math, tags, raw HTML, bare
 * URLs…) is written exactly as it is, so `![[a_b]]` or `$x_1$` survive an edit. Wiki
 * links are written by `formatWikiLink`, exactly as they were read; text that would read
 * as a wiki link (`[[x]]` typed as text, or escaped in the file) gets its `[` escaped.
 * `strict` escapes every ASCII punctuation character instead: the fallback when the
 * minimal form does not read back (checked by the block serializer).
 */
import { formatWikiLink } from '../links/formatWikiLink';
import { autolinkText, canonicalInline, EMPHASIS, type InlineContainer, splitWhitespace } from './canonicalInline';
import { FORMAT_TAGS } from './dialect';
import { type ContainerKind, LINK_PLACEHOLDER, markLiterals, type Segment } from './findLiteralTexts';
import { isAsciiPunctuation, matchAutolink } from './inlineSyntax';
import { htmlBlockType, isThematicBreak, setextLevel } from './blockSyntax';
import { isAllowedLinkUrl as defaultPolicy, type LinkUrlPolicy } from './linkPolicy';
import {
  type BreakInline,
  FORMAT_BOLD,
  FORMAT_CODE,
  FORMAT_HIGHLIGHT,
  FORMAT_ITALIC,
  FORMAT_STRIKETHROUGH,
  type InlineNode,
  type LinkInline,
} from './model';

const EMPHASIS_BITS = [FORMAT_BOLD, FORMAT_ITALIC, FORMAT_STRIKETHROUGH, FORMAT_HIGHLIGHT] as const;

export interface InlineSerializeOptions {
  /** Escape every ASCII punctuation character (see module doc). */
  readonly strict?: boolean;
  /** What holds the content (default: a paragraph or list item). */
  readonly container?: InlineContainer;
  /** The link policy the parser will use (decides which `[…](…)` the parser keeps literal). */
  readonly isAllowedLinkUrl?: LinkUrlPolicy;
  /** Literal-looking text to write escaped (see `EscapedLiterals` in the model). */
  readonly escaped?: readonly string[] | undefined;
}

/** Serializes inline content (see module doc). The result has no leading or trailing line break. */
export function serializeInline(nodes: readonly InlineNode[], options: InlineSerializeOptions = {}): string {
  const heading = options.container === 'heading';
  const canonical = canonicalInline(nodes, options.container);
  let text = serializeContainer(canonical, 0, heading ? 'heading' : 'block', options);
  if (heading && /(?:^|[ \t])#+$/.test(text)) text = text.replace(/#+$/, (run) => `\\${run}`);
  return text;
}

function serializeContainer(
  nodes: readonly InlineNode[],
  inherited: number,
  kind: ContainerKind,
  options: InlineSerializeOptions,
): string {
  const segments: Segment[] = [];
  let plain = '';
  for (const node of nodes) {
    const start = plain.length;
    plain += node.type === 'text' ? node.text : node.type === 'break' ? '\n' : LINK_PLACEHOLDER;
    segments.push({ node, start, end: plain.length });
  }
  const segmentAt = new Int32Array(plain.length);
  segments.forEach((segment, index) => segmentAt.fill(index, segment.start, segment.end));

  const literal = new Uint8Array(plain.length);
  const forced = new Uint8Array(plain.length);
  if (!options.strict) {
    const escaped = options.escaped ?? [];
    markLiterals(plain, segments, segmentAt, options.isAllowedLinkUrl ?? defaultPolicy, kind, (start, end) => {
      // A construct that was escaped in the source is written escaped again.
      (escaped.includes(plain.slice(start, end)) ? forced : literal).fill(1, start, end);
    });
  }

  const escape = new Uint8Array(plain.length);
  const drop = new Uint8Array(plain.length);
  const isCodeAt = (index: number): boolean => {
    const node = segments[segmentAt[index]!]!.node;
    return node.type === 'text' && (node.format & FORMAT_CODE) !== 0;
  };
  const isTextAt = (index: number): boolean => segments[segmentAt[index]!]!.node.type === 'text';

  // Whitespace the parser would drop (or read as a hard break) is not written.
  for (let index = 0; index < plain.length; index++) {
    const lineStart = index === 0 ? kind !== 'link' : plain[index - 1] === '\n';
    if (!lineStart) continue;
    let cursor = index;
    while (cursor < plain.length && (plain[cursor] === ' ' || plain[cursor] === '\t') && !isCodeAt(cursor)) {
      drop[cursor] = 1;
      cursor++;
    }
    const escapesLineStart = kind === 'block' || (kind === 'link' && index > 0);
    if (escapesLineStart && cursor < plain.length && isTextAt(cursor) && !isCodeAt(cursor)) {
      markLineStart(plain, cursor, escape, index === 0);
    }
  }
  // Spaces and tabs that end a line (before a soft or spaces break, or at the end).
  let endsLine = kind !== 'link';
  for (let index = plain.length - 1; index >= 0; index--) {
    const char = plain[index];
    if ((char === ' ' || char === '\t') && !isCodeAt(index)) {
      if (endsLine && !literal[index]) drop[index] = 1;
      continue;
    }
    endsLine = char === '\n' && (segments[segmentAt[index]!]!.node as BreakInline).marker !== '\\';
  }

  for (let index = 0; index < plain.length; index++) {
    if (!isTextAt(index) || isCodeAt(index) || literal[index] || drop[index]) continue;
    if (needsEscape(plain, index, segments, segmentAt, kind, (options.strict ?? false) || forced[index] === 1)) {
      escape[index] = 1;
    }
  }
  if (!options.strict && kind !== 'link') {
    markBrackets(
      plain,
      (index) => isTextAt(index) && !isCodeAt(index),
      (index) => !literal[index],
      escape,
    );
  }

  return emit(segments, plain, escape, drop, inherited, kind, options);
}

/** True when the plain character at `index` must be backslash-escaped. */
function needsEscape(
  plain: string,
  index: number,
  segments: readonly Segment[],
  segmentAt: Int32Array,
  kind: ContainerKind,
  strict: boolean,
): boolean {
  const char = plain[index]!;
  if (!isAsciiPunctuation(char)) return false;
  if (strict) return true;
  const segment = segments[segmentAt[index]!]!;
  const edgeBefore = index === segment.start && (index > 0 ? plain[index - 1] !== '\n' : kind === 'link');
  const edgeAfter =
    index === segment.end - 1 && (index + 1 < plain.length ? plain[index + 1] !== '\n' : kind === 'link');
  const before = index > 0 ? plain[index - 1] : undefined;
  const after = plain[index + 1];
  switch (char) {
    case '\\':
      // Before punctuation it would escape it; at the end of a line it would be a hard break.
      return edgeAfter || isAsciiPunctuation(after) || /^[ \t]*(?:\n|$)/.test(plain.slice(index + 1, index + 64));
    case '`':
      return true;
    case '*':
      return (
        edgeBefore || edgeAfter || before === undefined || after === undefined || !isSpace(before) || !isSpace(after)
      );
    case '_':
      if (edgeBefore || edgeAfter) return true;
      if (isWordChar(before) && isWordChar(after)) return false;
      return before === undefined || after === undefined || !isSpace(before) || !isSpace(after);
    case '~':
      return edgeBefore || edgeAfter || before === '~' || after === '~';
    case '=': {
      // Next to a format's marker (of this text or the text beside it) it would join the marker's run.
      const marked = segment.node.type === 'text' && (segment.node.format & FORMAT_HIGHLIGHT) !== 0;
      if (index === segment.start && (marked || (index > 0 && plain[index - 1] !== '\n'))) return true;
      if (index === segment.end - 1 && (marked || (index + 1 < plain.length && plain[index + 1] !== '\n'))) return true;
      // Only a run of exactly two that can open or close is a highlight marker; escaping its
      // first `=` breaks it (`a == b`, `===` and `x=1` stay as written).
      let start = index;
      while (start > segment.start && plain[start - 1] === '=') start--;
      let end = index + 1;
      while (end < segment.end && plain[end] === '=') end++;
      if (end - start !== 2 || index !== start) return false;
      const outside = (at: number) => at < 0 || at >= plain.length || isSpace(plain[at]!) || plain[at] === '\n';
      return !outside(start - 1) || !outside(end);
    }
    case '[':
      // Decided by markBrackets (brackets pair as the parser will see them).
      return kind === 'link' || after === '[' || after === '^';
    case ']':
      return kind === 'link';
    case '<':
      return matchAutolink(plain, index) !== null;
    case '!':
      // Right before a wiki link it would make an embed.
      return after === LINK_PLACEHOLDER && segments[segmentAt[index + 1]!]!.node.type === 'wikilink';
    default:
      return false;
  }
}

/**
 * Escapes each `[` whose matching `]` is followed by `(` or `[` (it would open a link or
 * a reference). Brackets are paired the way the parser pairs them in the written text, in
 * one pass from right to left: an escaped `[` no longer counts, so its `]` stays open and
 * can pair with an outer `[`, which then needs escaping too.
 */
function markBrackets(
  plain: string,
  isBracket: (index: number) => boolean,
  canEscape: (index: number) => boolean,
  escape: Uint8Array,
): void {
  const closers: number[] = [];
  for (let index = plain.length - 1; index >= 0; index--) {
    const char = plain[index];
    if ((char !== '[' && char !== ']') || !isBracket(index) || escape[index]) continue;
    if (char === ']') {
      closers.push(index);
      continue;
    }
    const partner = closers[closers.length - 1];
    if (partner === undefined) continue;
    const next = plain[partner + 1];
    if ((next === '(' || next === '[') && canEscape(index)) escape[index] = 1;
    else closers.pop();
  }
}

function isSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\t' || char === '\n';
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}]/u.test(char);
}

/** Escapes what would make the line starting at `index` a block other than paragraph text. */
function markLineStart(plain: string, index: number, escape: Uint8Array, firstLine: boolean): void {
  let lineEnd = plain.indexOf('\n', index);
  if (lineEnd < 0) lineEnd = plain.length;
  const line = plain.slice(index, lineEnd);
  if (firstLine && isCommentBlockLine(line)) {
    // Both delimiters, or the closing one would pair with a later `%%`.
    escape[index] = 1;
    const close = line.indexOf('%%', 2);
    if (close >= 0) escape[index + close] = 1;
    return;
  }
  const ordered = /^[0-9]{1,9}([.)])(?:[ \t]|$)/.exec(line);
  if (ordered) {
    escape[index + ordered[0].indexOf(ordered[1]!)] = 1;
    return;
  }
  if (
    /^#{1,6}(?:[ \t]|$)/.test(line) ||
    line.startsWith('>') ||
    /^[-+*](?:[ \t]|$)/.test(line) ||
    isThematicBreak(line) ||
    setextLevel(line) !== 0 ||
    /^(?:`{3,}|~{3,})/.test(line) ||
    line.startsWith('$$') ||
    htmlBlockType(line) !== 0 ||
    /^\[\^?[^\]]*\]:/.test(line) ||
    /^\^[A-Za-z0-9-]+[ \t]*$/.test(line)
  ) {
    escape[index] = 1;
  }
}

/** A line that opens an Obsidian comment block (`%%` not closed on the line, or closed at its end). */
function isCommentBlockLine(line: string): boolean {
  if (!line.startsWith('%%')) return false;
  const close = line.indexOf('%%', 2);
  return close < 0 || /^[ \t]*$/.test(line.slice(close + 2));
}

function emit(
  segments: readonly Segment[],
  plain: string,
  escape: Uint8Array,
  drop: Uint8Array,
  inherited: number,
  kind: ContainerKind,
  options: InlineSerializeOptions,
): string {
  let out = '';
  const stack: number[] = [];
  let pending = '';

  // A link keeps open only the formats already open around it that also go on after it;
  // any other format of its text goes inside its label, where `[` and `]` flank it.
  const wanted = (index: number): number => {
    const node = segments[index]!.node;
    if (node.type === 'text' || node.type === 'wikilink') return node.format & EMPHASIS & ~inherited;
    if (node.type === 'link') {
      let after = 0;
      for (let cursor = index + 1; cursor < segments.length; cursor++) {
        const next = segments[cursor]!.node;
        if (next.type === 'break') continue;
        after = next.type === 'link' ? commonFormat(next.children) : next.format;
        break;
      }
      const open = stack.reduce((bits, bit) => bits | bit, 0);
      return commonFormat(node.children) & EMPHASIS & ~inherited & open & after;
    }
    return -1;
  };
  const closeUnwanted = (keep: number): void => {
    const first = stack.findIndex((format) => (keep & format) === 0);
    if (first < 0) return;
    for (let index = stack.length - 1; index >= first; index--) out += FORMAT_TAGS.get(stack[index]!)!;
    stack.length = first;
  };
  const open = (want: number, from: number): void => {
    const missing = EMPHASIS_BITS.filter((bit) => (want & bit) !== 0 && !stack.includes(bit));
    if (missing.length === 0) return;
    // The format that lasts longest opens first, so the shorter ones nest inside it.
    const reach = (bit: number): number => {
      let cursor = from;
      while (cursor < segments.length) {
        const node = segments[cursor]!.node;
        const format =
          node.type === 'text' || node.type === 'wikilink'
            ? node.format
            : node.type === 'link'
              ? commonFormat(node.children)
              : bit;
        if ((format & bit) === 0) break;
        cursor++;
      }
      return cursor;
    };
    missing.sort((a, b) => reach(b) - reach(a));
    for (const bit of missing) {
      out += FORMAT_TAGS.get(bit)!;
      stack.push(bit);
    }
  };

  // Breaks before the first or after the last written character would make blank lines.
  const hasContent = (segment: Segment): boolean => {
    if (segment.node.type === 'break') return false;
    if (segment.node.type === 'link' || segment.node.type === 'wikilink') return true;
    if ((segment.node.format & FORMAT_CODE) !== 0) return true;
    for (let cursor = segment.start; cursor < segment.end; cursor++) if (!drop[cursor]) return true;
    return false;
  };
  let firstContent = 0;
  let lastContent = segments.length - 1;
  if (kind !== 'link') {
    while (firstContent < segments.length && !hasContent(segments[firstContent]!)) firstContent++;
    while (lastContent >= 0 && !hasContent(segments[lastContent]!)) lastContent--;
  }

  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index]!;
    const node = segment.node;
    if (node.type === 'break' && (index < firstContent || index > lastContent)) continue;
    if (node.type === 'break') {
      // Close what the next line does not continue before the break: a closing
      // delimiter at the start of a line cannot close.
      let next = index + 1;
      while (next < segments.length && segments[next]!.node.type === 'break') next++;
      closeUnwanted(next < segments.length ? wanted(next) : 0);
      // Spaces and tabs the parser drops are already gone; other whitespace (NBSP…) stays.
      out += pending;
      pending = '';
      out += `${node.marker}\n`;
      continue;
    }
    const want = wanted(index);
    closeUnwanted(want);
    out += pending;
    pending = '';
    if (node.type === 'link') {
      open(want, index);
      out += serializeLink(node, inherited | want, options);
      continue;
    }
    if (node.type === 'wikilink') {
      open(want, index);
      out += node.markdown ?? formatWikiLink(node);
      continue;
    }
    if ((node.format & FORMAT_CODE) !== 0) {
      open(want, index);
      out += codeSpan(node.text);
      continue;
    }
    let text = '';
    for (let cursor = segment.start; cursor < segment.end; cursor++) {
      if (drop[cursor]) continue;
      text += escape[cursor] ? `\\${plain[cursor]}` : plain[cursor];
    }
    const [lead, core, trail] = splitWhitespace(text);
    if (core === '') {
      out += text;
      continue;
    }
    out += lead;
    open(want, index);
    out += core;
    pending = trail;
  }
  closeUnwanted(0);
  return out + pending;
}

function commonFormat(nodes: readonly InlineNode[]): number {
  let format = EMPHASIS;
  let seen = false;
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'wikilink') {
      format &= node.format;
      seen = true;
    } else if (node.type === 'link') {
      format &= commonFormat(node.children);
      seen = true;
    }
  }
  return seen ? format : 0;
}

/** A code span for `content`: a fence longer than any backtick run in it, padded when needed. */
export function codeSpan(content: string): string {
  let longest = 0;
  for (const run of content.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad =
    content.startsWith('`') ||
    content.endsWith('`') ||
    (content.length >= 2 && content.startsWith(' ') && content.endsWith(' ') && /[^ ]/.test(content));
  const body = pad ? ` ${content} ` : content;
  return fence + body + fence;
}

function serializeLink(node: LinkInline, inherited: number, options: InlineSerializeOptions): string {
  const children = node.children;
  if (node.autolink) {
    const text = autolinkText(node.url, children, inherited);
    if (text !== null) return `<${text}>`;
  }
  const label =
    children.length > 0
      ? serializeContainer(children, inherited, 'link', options)
      : serializeContainer([{ type: 'text', text: node.url, format: 0 }], inherited, 'link', options);
  let destination = node.url.replace(/&(?=#[0-9]+;|#[xX][0-9A-Fa-f]+;|[A-Za-z][A-Za-z0-9]*;)/g, '&amp;');
  destination =
    destination === '' || /[\s<>]/.test(destination)
      ? `<${destination.replace(/[\\<>]/g, '\\$&')}>`
      : destination.replace(/[\\()]/g, '\\$&');
  const title = node.title === null ? '' : ` "${node.title.replace(/["\\]/g, '\\$&')}"`;
  return `[${label}](${destination}${title})`;
}
