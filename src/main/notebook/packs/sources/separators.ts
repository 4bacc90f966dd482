import { PackImportError } from '../PackImportError';

const NAMED: Record<string, string> = {
  tab: '\t',
  '\\t': '\t',
  comma: ',',
  semicolon: ';',
  pipe: '|',
  space: ' ',
  colon: ':',
  newline: '\n',
  '\\n': '\n',
};

/**
 * Reads a separator as a user or a file header names it: `tab`, `comma`, `semicolon`,
 * `pipe`, `space`, `colon`, `newline` (any case, as Anki's `#separator:` writes them), the
 * escapes `\t` and `\n`, or the characters themselves.
 *
 * @param multi allow several characters (Quizlet's custom separators, e.g. `;;` or `---`).
 * @throws PackImportError for an empty separator, or several characters where one is needed.
 */
export function parseSeparator(value: string, what: string, multi = false): string {
  const named = NAMED[value.trim().toLowerCase()];
  if (named !== undefined) return named;
  if (value === '') throw new PackImportError(`The ${what} cannot be empty.`);
  if (!multi && [...value].length !== 1) {
    throw new PackImportError(`The ${what} must be one character, or tab, comma, semicolon or pipe (got “${value}”).`);
  }
  return value;
}

/** How a separator is named back to a user. */
export function separatorName(separator: string): string {
  const names: Record<string, string> = {
    '\t': 'tab',
    ',': 'comma',
    ';': 'semicolon',
    '|': 'pipe',
    ' ': 'space',
    '\n': 'newline',
  };
  return names[separator] ?? `“${separator}”`;
}
