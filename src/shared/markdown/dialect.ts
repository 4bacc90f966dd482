/**
 * The spellings the dialect writes. Reading accepts every CommonMark/GFM spelling (`*`
 * and `_` emphasis, `*`/`+`/`-` bullets, setext headings, `~~~` fences…); writing an
 * edited block uses exactly these. The editor's Markdown transformers are built from the
 * same table, so typing shortcuts, loading and saving agree.
 */
import { FORMAT_BOLD, FORMAT_HIGHLIGHT, FORMAT_ITALIC, FORMAT_STRIKETHROUGH } from './model';

/** Delimiters written for the inline formats (inline code uses a backtick fence sized to its content). */
export const FORMAT_TAGS: ReadonlyMap<number, string> = new Map([
  [FORMAT_BOLD, '**'],
  [FORMAT_ITALIC, '*'],
  [FORMAT_STRIKETHROUGH, '~~'],
  [FORMAT_HIGHLIGHT, '=='],
]);

/** Bullet marker of a new bullet or task list item. */
export const DEFAULT_BULLET = '-';
/** Delimiter after the number of a new numbered list item. */
export const DEFAULT_ORDERED_DELIMITER = '.';
/** Thematic break written for a new horizontal rule. */
export const THEMATIC_BREAK = '---';
/** Fence of a new code block. */
export const DEFAULT_FENCE = '```';
