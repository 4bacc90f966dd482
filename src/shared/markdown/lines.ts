/**
 * Lines of a Markdown text with their exact line endings, so that every scanner built on
 * them can hand back byte-exact slices of the original.
 */

/** One line of a text: its content, the line ending that followed it, and where it starts. */
export interface Line {
  /** The line without its line ending. */
  readonly text: string;
  /** `'\n'`, `'\r\n'`, `'\r'`, or `''` for a last line without one. */
  readonly eol: string;
  /** Offset of the line's first character in the text. */
  readonly start: number;
}

/**
 * Splits `text` into lines on `\n`, `\r\n` and lone `\r` (CommonMark's line endings).
 * A text that ends with a line ending has no empty last line; `''` has no lines.
 * Joining `text + eol` of every line gives back `text`.
 */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  const length = text.length;
  while (start < length) {
    let end = start;
    while (end < length) {
      const code = text.charCodeAt(end);
      if (code === 10 || code === 13) break;
      end++;
    }
    let eol = '';
    if (end < length) {
      eol = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? '\r\n' : text[end]!;
    }
    lines.push({ text: text.slice(start, end), eol, start });
    start = end + eol.length;
  }
  return lines;
}

/**
 * The line ending a text mostly uses (`'\n'` when it has none), for writing new lines
 * into it consistently.
 */
export function dominantLineEnding(text: string): string {
  let lf = 0;
  let crlf = 0;
  let cr = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 13) {
      if (text.charCodeAt(index + 1) === 10) {
        crlf++;
        index++;
      } else {
        cr++;
      }
    } else if (code === 10) {
      lf++;
    }
  }
  if (crlf > lf && crlf >= cr) return '\r\n';
  if (cr > lf && cr > crlf) return '\r';
  return '\n';
}

/** True for a line of only spaces and tabs (CommonMark's blank line). */
export function isBlankLine(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char !== ' ' && char !== '\t') return false;
  }
  return true;
}

/** Width of the leading spaces and tabs of `text`, tabs advancing to the next multiple of 4 from `startColumn`. */
export function indentColumns(text: string, startColumn = 0): number {
  let column = startColumn;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === ' ') column++;
    else if (char === '\t') column += 4 - (column % 4);
    else break;
  }
  return column - startColumn;
}

/**
 * Removes up to `columns` columns of leading whitespace from `text` (a tab that straddles
 * the limit is kept). Returns the rest of the line.
 */
export function stripColumns(text: string, columns: number): string {
  let column = 0;
  let index = 0;
  while (index < text.length && column < columns) {
    const char = text[index];
    if (char === ' ') column++;
    else if (char === '\t') {
      const next = column + 4 - (column % 4);
      if (next > columns) break;
      column = next;
    } else break;
    index++;
  }
  return text.slice(index);
}

/**
 * `text` without the trailing characters that are in `chars` (by default spaces and
 * tabs). A loop, not a `/[ \t]+$/` regular expression, which is quadratic on a long run
 * of whitespace followed by something else.
 */
export function trimTrailing(text: string, chars = ' \t'): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1]!)) end--;
  return end === text.length ? text : text.slice(0, end);
}
