import {
  isBlockquoteLine,
  isThematicBreak,
  matchAtxHeading,
  matchFenceOpen,
  isFenceClose,
  setextLevel,
} from '@shared/markdown/blockSyntax';
import { splitFrontMatter } from '@shared/markdown/frontMatter';
import { isBlankLine } from '@shared/markdown/lines';
import { plainTextOf } from './plainText';
import type { NoteUnit } from './segmentNote';

/** How far into a body the first paragraph is looked for. */
const SCAN_CHARS = 16_384;
const LIST_ITEM = /^[ \t]*(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;

/**
 * The first paragraph of a note as plain text, shortened to at most `maxChars` at a word
 * boundary with "…"; '' for a note without prose. Front matter, headings, code blocks,
 * rules, HTML, math and comment blocks, tables and indented code are skipped; a list
 * item or quote counts when it comes first. Reads lines only as far as that paragraph.
 */
export function notePreview(text: string, maxChars: number): string {
  const unit = firstParagraph(text);
  if (!unit) return '';
  // Markup takes room in the source: four times the length shown is plenty to fill it.
  const end = Math.min(unit.end, unit.start + maxChars * 4);
  return shorten(plainTextOf(text, { ...unit, end }).text, maxChars);
}

function firstParagraph(text: string): NoteUnit | null {
  let offset = splitFrontMatter(text).frontMatter.length;
  const limit = Math.min(text.length, offset + SCAN_CHARS);
  let fence: string | null = null;
  let closer: string | null = null;
  let start = -1;
  let end = -1;
  let kind: NoteUnit['kind'] = 'paragraph';
  while (offset < limit) {
    const newline = text.indexOf('\n', offset);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(offset, lineEnd).replace(/\r$/, '');
    const next = newline < 0 ? text.length : newline + 1;
    if (start >= 0) {
      // Inside the paragraph: it ends at a blank line or a line that starts another block.
      if (kind === 'paragraph' && setextLevel(line) !== 0) {
        // It was a heading after all; look further.
        start = -1;
        offset = next;
        continue;
      }
      if (isBlankLine(line) || matchAtxHeading(line) || matchFenceOpen(line) || isThematicBreak(line)) break;
      if (kind === 'listItem' && LIST_ITEM.test(line)) break;
      end = offset + line.length;
      offset = next;
      continue;
    }
    if (fence !== null) {
      if (isFenceClose(line, fence)) fence = null;
    } else if (closer !== null) {
      if (line.includes(closer)) closer = null;
    } else if (
      isBlankLine(line) ||
      matchAtxHeading(line) ||
      isThematicBreak(line) ||
      /^ {4,}|^\t/.test(line) ||
      /^\s*\|/.test(line)
    ) {
      // Not prose.
    } else if (matchFenceOpen(line)) {
      fence = matchFenceOpen(line)!.fence;
    } else if (/^\s*(?:\$\$|%%|<!--)/.test(line)) {
      const opener = /^\s*(\$\$|%%|<!--)/.exec(line)![1]!;
      const close = opener === '<!--' ? '-->' : opener;
      if (!line.slice(line.indexOf(opener) + opener.length).includes(close)) closer = close;
    } else if (/^\s*</.test(line)) {
      // An HTML block: skip it.
    } else {
      start = offset;
      end = offset + line.length;
      kind = LIST_ITEM.test(line) ? 'listItem' : isBlockquoteLine(line) ? 'quote' : 'paragraph';
    }
    offset = next;
  }
  return start >= 0 ? { kind, start, end, headingPath: [] } : null;
}

/** Shortens plain text to at most `maxChars` characters, at a word boundary, ending in "…". */
export function shorten(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxChars / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
