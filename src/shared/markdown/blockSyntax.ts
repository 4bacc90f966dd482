/**
 * Line-level recognisers for Markdown block syntax (CommonMark 0.31, GFM, and the block
 * forms Obsidian adds). Each looks at one line (without its line ending) and never throws.
 */
import { indentColumns, isBlankLine, trimTrailing } from './lines';

/** An ATX heading line: its level and its content with the closing `#` sequence removed. */
export interface AtxHeading {
  readonly level: 1 | 2 | 3 | 4 | 5 | 6;
  readonly content: string;
}

/** Reads an ATX heading (`# Title`, up to 3 spaces of indent), or null. */
export function matchAtxHeading(line: string): AtxHeading | null {
  const match = /^ {0,3}(#{1,6})(?=[ \t]|$)/.exec(line);
  if (!match) return null;
  let content = trimTrailing(line.slice(match[0].length).replace(/^[ \t]+/, ''));
  // A closing sequence: the `#`s at the end, after whitespace (or the whole content).
  const beforeHashes = trimTrailing(content, '#');
  if (beforeHashes === '') content = '';
  else if (beforeHashes.length < content.length && /[ \t]$/.test(beforeHashes)) content = trimTrailing(beforeHashes);
  return { level: match[1]!.length as AtxHeading['level'], content };
}

/** True for a thematic break: three or more `-`, `*` or `_` with optional spaces between. */
export function isThematicBreak(line: string): boolean {
  return /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/.test(line);
}

/** A setext underline (`===` or `---`): the heading level it makes, or 0. */
export function setextLevel(line: string): 0 | 1 | 2 {
  const match = /^ {0,3}(=+|-+)[ \t]*$/.exec(line);
  if (!match) return 0;
  return match[1]![0] === '=' ? 1 : 2;
}

/** An opening code fence. */
export interface FenceOpen {
  /** Spaces before the fence; that much indentation is removed from content lines. */
  readonly indent: number;
  /** The fence itself, e.g. "```" or "~~~~". */
  readonly fence: string;
  /** The info string, trimmed. */
  readonly info: string;
}

/** Reads an opening code fence (``` or ~~~, 3+ long), or null. */
export function matchFenceOpen(line: string): FenceOpen | null {
  const match = /^( {0,3})(`{3,}|~{3,})(.*)$/.exec(line);
  if (!match) return null;
  const fence = match[2]!;
  const info = match[3]!;
  if (fence[0] === '`' && info.includes('`')) return null;
  return { indent: match[1]!.length, fence, info: info.trim() };
}

/** True when `line` closes a block opened with `fence`. */
export function isFenceClose(line: string, fence: string): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
  return match !== null && match[1]![0] === fence[0] && match[1]!.length >= fence.length;
}

/** True for a line that starts a block quote. */
export function isBlockquoteLine(line: string): boolean {
  return /^ {0,3}>/.test(line);
}

/** A list item marker at the start of a line. */
export interface ListMarker {
  /** Columns of indentation before the marker. */
  readonly indent: number;
  /** The marker as written: "-", "*", "+", "1." or "3)". */
  readonly marker: string;
  /** "-", "*", "+" for bullets; "." or ")" for ordered lists. */
  readonly kind: string;
  readonly ordered: boolean;
  /** The number of an ordered item. */
  readonly number: number;
  /** Columns between the marker and the content (1–4); 1 when the line ends after the marker. */
  readonly gap: number;
  /** Whitespace between the marker and the content, as written. */
  readonly gapText: string;
  /** Column where the item's content starts (relative to the line start). */
  readonly contentColumn: number;
  /** Index in the line where the content starts. */
  readonly contentIndex: number;
  /** True when nothing follows the marker on this line. */
  readonly empty: boolean;
}

/**
 * Reads a list marker at the start of `line` whose indentation relative to `baseColumn`
 * is 0–3 columns, or null. A thematic break is not a list item.
 */
export function matchListMarker(line: string, baseColumn = 0): ListMarker | null {
  const indent = indentColumns(line);
  if (indent < baseColumn || indent - baseColumn > 3) return null;
  let index = 0;
  while (index < line.length && (line[index] === ' ' || line[index] === '\t')) index++;
  const rest = line.slice(index);
  const match = /^([-+*]|(\d{1,9})([.)]))(?=[ \t]|$)/.exec(rest);
  if (!match) return null;
  if (!match[2] && isThematicBreak(line)) return null;
  const marker = match[1]!;
  const afterMarker = index + marker.length;
  const markerEndColumn = indent + marker.length;
  let column = markerEndColumn;
  let cursor = afterMarker;
  while (cursor < line.length && (line[cursor] === ' ' || line[cursor] === '\t')) {
    column += line[cursor] === '\t' ? 4 - (column % 4) : 1;
    cursor++;
  }
  const empty = cursor >= line.length;
  let gap = column - markerEndColumn;
  let contentIndex = cursor;
  if (empty) {
    gap = 1;
    contentIndex = line.length;
  } else if (gap > 4) {
    // Five or more spaces: the content is indented code after a single space.
    gap = 1;
    contentIndex = afterMarker + 1;
  }
  return {
    indent,
    marker,
    kind: match[2] ? match[3]! : marker,
    ordered: match[2] !== undefined,
    number: match[2] ? Number(match[2]) : 0,
    gap,
    gapText: line.slice(afterMarker, contentIndex),
    contentColumn: markerEndColumn + gap,
    contentIndex,
    empty,
  };
}

/**
 * True when a list item on this line may interrupt a paragraph (CommonMark: a non-empty
 * bullet item, or a non-empty ordered item numbered 1).
 */
export function canListItemInterruptParagraph(marker: ListMarker): boolean {
  return !marker.empty && (!marker.ordered || marker.number === 1);
}

const HTML_BLOCK_6_TAGS = new Set(
  (
    'address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div ' +
    'dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe ' +
    'legend li link main menu menuitem nav noframes ol optgroup option p param search section summary table ' +
    'tbody td tfoot th thead title tr track ul'
  ).split(' '),
);

const HTML_OPEN_TAG =
  /^<[A-Za-z][A-Za-z0-9-]*(?:[ \t]+[A-Za-z_:][\w.:-]*(?:[ \t]*=[ \t]*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*[ \t]*\/?>/;
const HTML_CLOSE_TAG = /^<\/[A-Za-z][A-Za-z0-9-]*[ \t]*>/;

/**
 * The CommonMark HTML block type (1–7) a line starts, or 0. Type 7 cannot interrupt a
 * paragraph, so with `inParagraph` it is never reported.
 */
export function htmlBlockType(line: string, inParagraph = false): number {
  const match = /^ {0,3}(<.*)$/.exec(line);
  if (!match) return 0;
  const rest = match[1]!;
  if (/^<(?:script|pre|style|textarea)(?:[\s>]|$)/i.test(rest)) return 1;
  if (rest.startsWith('<!--')) return 2;
  if (rest.startsWith('<?')) return 3;
  if (/^<![A-Za-z]/.test(rest)) return 4;
  if (rest.startsWith('<![CDATA[')) return 5;
  const tag = /^<\/?([A-Za-z][A-Za-z0-9-]*)(?=[\s/>]|$)/.exec(rest);
  if (tag && HTML_BLOCK_6_TAGS.has(tag[1]!.toLowerCase())) {
    const after = rest.slice(tag[0].length);
    if (after === '' || /^[\s>]/.test(after) || after.startsWith('/>')) return 6;
  }
  if (inParagraph) return 0;
  const complete = HTML_OPEN_TAG.exec(rest) ?? HTML_CLOSE_TAG.exec(rest);
  if (complete && isBlankLine(rest.slice(complete[0].length))) return 7;
  return 0;
}

/** True when `line` ends an HTML block of type 1–5 (types 6 and 7 end at a blank line). */
export function endsHtmlBlock(type: number, line: string): boolean {
  switch (type) {
    case 1:
      return /<\/(?:script|pre|style|textarea)>/i.test(line);
    case 2:
      return line.includes('-->');
    case 3:
      return line.includes('?>');
    case 4:
      return line.includes('>');
    case 5:
      return line.includes(']]>');
    default:
      return false;
  }
}

/**
 * The cells of a GFM table row: leading and trailing pipes removed, split on pipes that
 * are not escaped with a backslash. Returns the raw cell texts (untrimmed).
 */
export function splitTableRow(line: string): string[] {
  let text = line.trim();
  if (text.startsWith('|')) text = text.slice(1);
  if (text.endsWith('|') && !text.endsWith('\\|')) text = text.slice(0, -1);
  const cells: string[] = [];
  let current = '';
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (char === '\\' && index + 1 < text.length) {
      current += char + text[index + 1];
      index++;
    } else if (char === '|') {
      cells.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  cells.push(current);
  return cells;
}

/** The column alignments of a GFM delimiter row (`| :-- | :-: |`), or null if `line` is not one. */
export function matchTableDelimiterRow(line: string): Array<'left' | 'center' | 'right' | null> | null {
  if (!line.includes('|') && !line.includes('-')) return null;
  if (indentColumns(line) > 3) return null;
  const trimmed = line.trim();
  if (!trimmed.includes('|')) return null;
  const cells = splitTableRow(trimmed);
  const alignments: Array<'left' | 'center' | 'right' | null> = [];
  for (const cell of cells) {
    const match = /^[ \t]*(:?)-+(:?)[ \t]*$/.exec(cell);
    if (!match) return null;
    alignments.push(match[1] && match[2] ? 'center' : match[1] ? 'left' : match[2] ? 'right' : null);
  }
  return alignments;
}

/** True when `header` and the next line `delimiter` open a GFM table. */
export function isTableStart(header: string, delimiter: string | undefined): boolean {
  if (delimiter === undefined || !header.includes('|') || indentColumns(header) > 3) return false;
  const alignments = matchTableDelimiterRow(delimiter);
  return alignments !== null && splitTableRow(header).length === alignments.length;
}

/** True for a line opening a `$$` math block (Obsidian, many renderers). */
export function isMathBlockStart(line: string): boolean {
  return /^ {0,3}\$\$/.test(line);
}

/** True for a line opening an Obsidian `%%` comment. */
export function isCommentStart(line: string): boolean {
  return /^ {0,3}%%/.test(line);
}

/** True for a footnote definition line (`[^label]: text`). */
export function isFootnoteDefinitionStart(line: string): boolean {
  return /^ {0,3}\[\^[^\]\s]+\]:/.test(line);
}

/**
 * True for a line that begins a link reference definition (`[label]: destination`). A
 * paragraph starting with one is kept verbatim.
 */
export function isLinkReferenceDefinitionStart(line: string): boolean {
  return /^ {0,3}\[(?:[^\]\\[]|\\.){0,999}[^\s\]\\[](?:[^\]\\[]|\\.){0,999}\]:/.test(line);
}

/** True for a line holding only an Obsidian block id (`^abc-123`). */
export function isBlockIdLine(line: string): boolean {
  return /^ {0,3}\^[A-Za-z0-9-]+[ \t]*$/.test(line);
}

/**
 * True when `line` starts a block that ends a paragraph (or a lazy continuation line):
 * an ATX heading, a fence, a block quote, a thematic break, an HTML block of type 1–6,
 * a list item that may interrupt a paragraph, or a `$$` math block.
 */
export function interruptsParagraph(line: string): boolean {
  if (indentColumns(line) > 3) return false;
  if (matchAtxHeading(line) || matchFenceOpen(line) || isBlockquoteLine(line) || isThematicBreak(line)) return true;
  if (htmlBlockType(line, true) !== 0) return true;
  if (isMathBlockStart(line)) return true;
  const marker = matchListMarker(line);
  return marker !== null && canListItemInterruptParagraph(marker);
}

/**
 * True when `line` starts any block-level construct (used to refuse content a simple
 * editor block cannot hold): everything that interrupts a paragraph, plus list items of
 * any kind, tables, footnote and link definitions, setext underlines and callouts.
 */
export function startsBlockConstruct(line: string, nextLine?: string): boolean {
  if (interruptsParagraph(line)) return true;
  if (indentColumns(line) > 3) return false;
  return (
    matchListMarker(line) !== null ||
    setextLevel(line) !== 0 ||
    isTableStart(line, nextLine) ||
    isFootnoteDefinitionStart(line) ||
    isLinkReferenceDefinitionStart(line) ||
    htmlBlockType(line) !== 0
  );
}
