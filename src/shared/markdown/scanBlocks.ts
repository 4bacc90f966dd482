/**
 * The block scanner: cuts a Markdown body into its top-level blocks, following CommonMark
 * block structure plus GFM tables and Obsidian's `$$` math, `%%` comments and leading
 * YAML. Every non-blank line belongs to exactly one block and blocks never overlap, so
 * the text between blocks is only blank lines: the scan partitions the text, and slicing
 * it back together is lossless. The backend can use it too (e.g. to skip code blocks).
 */
import {
  endsHtmlBlock,
  htmlBlockType,
  interruptsParagraph,
  isBlockquoteLine,
  isCommentStart,
  isFenceClose,
  isFootnoteDefinitionStart,
  isMathBlockStart,
  isTableStart,
  isThematicBreak,
  matchAtxHeading,
  matchFenceOpen,
  matchListMarker,
  setextLevel,
} from './blockSyntax';
import { indentColumns, isBlankLine, type Line, splitLines } from './lines';

export type BlockKind =
  | 'paragraph'
  | 'heading'
  | 'setextHeading'
  | 'thematicBreak'
  | 'fencedCode'
  | 'indentedCode'
  | 'blockquote'
  | 'list'
  | 'html'
  | 'table'
  | 'math'
  | 'comment'
  | 'footnote'
  | 'yaml';

/** One top-level block: lines `[startLine, endLine)` and their text `[start, end)`. */
export interface ScannedBlock {
  readonly kind: BlockKind;
  readonly startLine: number;
  readonly endLine: number;
  /** Offset of the block's first character. */
  readonly start: number;
  /** Offset just past the block's last character (its last line ending excluded). */
  readonly end: number;
  /** For fenced code, HTML, math and comments: false when the closing delimiter is missing. */
  readonly closed: boolean;
}

export interface BlockScan {
  readonly lines: readonly Line[];
  readonly blocks: readonly ScannedBlock[];
}

/** Scans `text` into top-level blocks (see module doc). Linear in the text; never throws. */
export function scanBlocks(text: string): BlockScan {
  const lines = splitLines(text);
  const blocks: ScannedBlock[] = [];
  const count = lines.length;
  const textOf = (index: number): string => lines[index]!.text;
  const push = (kind: BlockKind, startLine: number, endLine: number, closed = true): void => {
    const last = lines[endLine - 1]!;
    blocks.push({
      kind,
      startLine,
      endLine,
      start: lines[startLine]!.start,
      end: last.start + last.text.length,
      closed,
    });
  };

  let index = 0;
  const yamlEnd = scanLeadingYaml(lines);
  if (yamlEnd > 0) {
    push('yaml', 0, yamlEnd);
    index = yamlEnd;
  }

  while (index < count) {
    const line = textOf(index);
    if (isBlankLine(line)) {
      index++;
      continue;
    }
    const end = scanBlockAt(lines, index, push);
    index = end;
  }
  return { lines, blocks };
}

type Push = (kind: BlockKind, startLine: number, endLine: number, closed?: boolean) => void;

/** Scans the block starting at non-blank line `index`, pushes it, and returns the line after it. */
function scanBlockAt(lines: readonly Line[], index: number, push: Push): number {
  const count = lines.length;
  const textOf = (at: number): string => lines[at]!.text;
  const line = textOf(index);

  if (indentColumns(line) >= 4) {
    let last = index;
    for (let cursor = index + 1; cursor < count; cursor++) {
      const text = textOf(cursor);
      if (isBlankLine(text)) continue;
      if (indentColumns(text) < 4) break;
      last = cursor;
    }
    push('indentedCode', index, last + 1);
    return last + 1;
  }

  const fence = matchFenceOpen(line);
  if (fence) {
    let cursor = index + 1;
    while (cursor < count && !isFenceClose(textOf(cursor), fence.fence)) cursor++;
    const closed = cursor < count;
    const end = closed ? cursor + 1 : count;
    push('fencedCode', index, end, closed);
    return end;
  }

  if (isMathBlockStart(line)) {
    const opening = line.indexOf('$$');
    if (line.indexOf('$$', opening + 2) >= 0) {
      push('math', index, index + 1);
      return index + 1;
    }
    let cursor = index + 1;
    while (cursor < count && !textOf(cursor).includes('$$')) cursor++;
    if (cursor < count) {
      push('math', index, cursor + 1);
      return cursor + 1;
    }
  }

  if (isCommentStart(line)) {
    const opening = line.indexOf('%%');
    const closing = line.indexOf('%%', opening + 2);
    if (closing >= 0) {
      if (isBlankLine(line.slice(closing + 2))) {
        push('comment', index, index + 1);
        return index + 1;
      }
    } else {
      let cursor = index + 1;
      while (cursor < count && !textOf(cursor).includes('%%')) cursor++;
      if (cursor < count) {
        push('comment', index, cursor + 1);
        return cursor + 1;
      }
    }
  }

  const htmlType = htmlBlockType(line);
  if (htmlType !== 0) {
    if (htmlType <= 5) {
      let cursor = index;
      while (cursor < count && !endsHtmlBlock(htmlType, textOf(cursor))) cursor++;
      const closed = cursor < count;
      const end = closed ? cursor + 1 : count;
      push('html', index, end, closed);
      return end;
    }
    let cursor = index + 1;
    while (cursor < count && !isBlankLine(textOf(cursor))) cursor++;
    push('html', index, cursor);
    return cursor;
  }

  if (matchAtxHeading(line)) {
    push('heading', index, index + 1);
    return index + 1;
  }

  if (isThematicBreak(line)) {
    push('thematicBreak', index, index + 1);
    return index + 1;
  }

  if (isBlockquoteLine(line)) {
    const end = scanBlockquote(lines, index);
    push('blockquote', index, end);
    return end;
  }

  const marker = matchListMarker(line);
  if (marker) {
    const end = scanList(lines, index, marker.contentColumn);
    push('list', index, end);
    return end;
  }

  if (isFootnoteDefinitionStart(line)) {
    const end = scanIndentedContinuation(lines, index);
    push('footnote', index, end);
    return end;
  }

  if (isTableStart(line, lines[index + 1]?.text)) {
    let cursor = index + 2;
    while (cursor < count && !isBlankLine(textOf(cursor)) && !interruptsParagraph(textOf(cursor))) cursor++;
    push('table', index, cursor);
    return cursor;
  }

  let cursor = index + 1;
  while (cursor < count) {
    const text = textOf(cursor);
    if (isBlankLine(text)) break;
    if (setextLevel(text) !== 0) {
      push('setextHeading', index, cursor + 1);
      return cursor + 1;
    }
    if (interruptsParagraph(text) || isTableStart(text, lines[cursor + 1]?.text)) break;
    cursor++;
  }
  push('paragraph', index, cursor);
  return cursor;
}

/** YAML-looking block at the very start of a body: `---`, `key: value` lines, `---` or `...`. */
function scanLeadingYaml(lines: readonly Line[]): number {
  if (lines.length < 3 || !/^---[ \t]*$/.test(lines[0]!.text)) return 0;
  let hasKey = false;
  for (let index = 1; index < lines.length; index++) {
    const text = lines[index]!.text;
    if (/^(?:---|\.\.\.)[ \t]*$/.test(text)) return hasKey ? index + 1 : 0;
    if (/^[^\s:#][^:]*:(?:[ \t]|$)/.test(text)) hasKey = true;
    else if (isBlankLine(text) && !hasKey) return 0;
  }
  return 0;
}

function scanBlockquote(lines: readonly Line[], index: number): number {
  let previousIsText = quoteContentIsText(lines[index]!.text);
  let cursor = index + 1;
  while (cursor < lines.length) {
    const text = lines[cursor]!.text;
    if (isBlockquoteLine(text)) {
      previousIsText = quoteContentIsText(text);
      cursor++;
      continue;
    }
    if (isBlankLine(text)) break;
    if (previousIsText && !interruptsParagraph(text) && !isTableStart(text, lines[cursor + 1]?.text)) {
      cursor++;
      continue;
    }
    break;
  }
  return cursor;
}

/** True when the content of a quote line can be continued lazily (it is paragraph text). */
function quoteContentIsText(line: string): boolean {
  let content = line;
  while (isBlockquoteLine(content)) content = content.replace(/^ {0,3}> ?/, '');
  return !isBlankLine(content) && !matchFenceOpen(content) && !matchAtxHeading(content) && !isThematicBreak(content);
}

function scanList(lines: readonly Line[], index: number, firstContentColumn: number): number {
  let contentColumn = firstContentColumn;
  let last = index;
  let blank = false;
  for (let cursor = index + 1; cursor < lines.length; cursor++) {
    const text = lines[cursor]!.text;
    if (isBlankLine(text)) {
      blank = true;
      continue;
    }
    if (indentColumns(text) >= contentColumn) {
      last = cursor;
      blank = false;
      continue;
    }
    const marker = matchListMarker(text);
    if (marker) {
      contentColumn = marker.contentColumn;
      last = cursor;
      blank = false;
      continue;
    }
    if (!blank && !interruptsParagraph(text) && !isTableStart(text, lines[cursor + 1]?.text)) {
      last = cursor;
      continue;
    }
    break;
  }
  return last + 1;
}

/** A footnote definition: its first line, indented continuation lines, and lazy lines. */
function scanIndentedContinuation(lines: readonly Line[], index: number): number {
  let last = index;
  let blank = false;
  for (let cursor = index + 1; cursor < lines.length; cursor++) {
    const text = lines[cursor]!.text;
    if (isBlankLine(text)) {
      blank = true;
      continue;
    }
    if (indentColumns(text) >= 4) {
      last = cursor;
      blank = false;
      continue;
    }
    if (!blank && !interruptsParagraph(text) && !isFootnoteDefinitionStart(text)) {
      last = cursor;
      continue;
    }
    break;
  }
  return last + 1;
}
