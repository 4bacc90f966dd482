/**
 * Where a Markdown body holds code, so that link and tag extraction can ignore what is
 * inside it (`[[x]]` in a code span or code block is not a link).
 */
import { BacktickRuns, matchCodeSpan } from './inlineSyntax';
import { scanBlocks } from './scanBlocks';

/** A range `[start, end)` of the text. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/**
 * The ranges of fenced and indented code blocks and of inline code spans (backticks
 * included), in order and not overlapping. Code spans are found inside every other block
 * (paragraphs, headings, lists, quotes, tables, raw blocks), never across blocks.
 */
export function findCodeRanges(markdown: string): TextRange[] {
  const ranges: TextRange[] = [];
  for (const block of scanBlocks(markdown).blocks) {
    if (block.kind === 'fencedCode' || block.kind === 'indentedCode') {
      ranges.push({ start: block.start, end: block.end });
      continue;
    }
    const text = markdown.slice(block.start, block.end);
    const runs = new BacktickRuns(text);
    for (let index = text.indexOf('`'); index >= 0 && index < text.length;) {
      let escaped = false;
      for (let cursor = index - 1; cursor >= 0 && text[cursor] === '\\'; cursor--) escaped = !escaped;
      let runEnd = index;
      while (text[runEnd] === '`') runEnd++;
      const start = escaped ? index + 1 : index;
      const span = start < runEnd ? matchCodeSpan(text, start, runs) : null;
      if (span) {
        ranges.push({ start: block.start + start, end: block.start + span.end });
        index = text.indexOf('`', span.end);
      } else {
        index = text.indexOf('`', runEnd);
      }
    }
  }
  return ranges;
}

/** True when `offset` lies inside one of `ranges` (as returned by {@link findCodeRanges}). */
export function isInCode(ranges: readonly TextRange[], offset: number): boolean {
  let low = 0;
  let high = ranges.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const range = ranges[middle]!;
    if (range.end <= offset) low = middle + 1;
    else if (range.start > offset) high = middle;
    else return true;
  }
  return false;
}
