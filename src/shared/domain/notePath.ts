import { MAX_TITLE_LENGTH } from './note';

/**
 * Vault-relative note paths: '/'-separated, ending in ".md", never escaping the vault.
 * These rules are checked at the contract boundary; the backend additionally resolves
 * real paths on disk so a symlink cannot lead outside the vault either.
 */

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARS = /[\u0000-\u001f\u007f\\:*?"<>|]/;

/** Why a string is not an acceptable note path, or null when it is. */
export function notePathProblem(path: string): string | null {
  if (path.length === 0) return 'must not be empty';
  if (path.length > 1024) return 'must be at most 1024 characters';
  if (!path.toLowerCase().endsWith('.md')) return 'must be a Markdown file path ending in ".md"';
  if (path.startsWith('/') || /^[a-zA-Z]:/.test(path)) return 'must be relative to the vault, not absolute';
  if (FORBIDDEN_CHARS.test(path)) return 'must not contain control characters or any of \\ : * ? " < > |';
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.' || segment === '..') return 'must not contain empty, "." or ".." parts';
    if (segment.startsWith('.')) return 'must not name hidden files or folders';
    if (/[. ]$/.test(segment)) return 'must not have parts ending in a dot or a space';
    if (WINDOWS_RESERVED.test(segment)) return `must not use the reserved name "${segment}"`;
    if (segment.length > 255) return 'must not have parts longer than 255 characters';
  }
  return null;
}

/** "Biology/Cells.md" → "Cells". */
export function titleOfPath(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name.replace(/\.md$/i, '');
}

/** "Biology/Cells.md" → "Biology"; "Cells.md" → "". */
export function folderOfPath(path: string): string {
  const at = path.lastIndexOf('/');
  return at < 0 ? '' : path.slice(0, at);
}

/** Joins a folder ('' for the root) and a title into a note path. */
export function notePathFor(folder: string, title: string): string {
  return folder ? `${folder}/${title}.md` : `${title}.md`;
}

/**
 * Turns what a user typed as a title into a file name that every platform accepts:
 * characters a file name cannot hold (/ \ : * ? " < > | and control characters)
 * become spaces… then runs of spaces collapse, leading dots and trailing dots or
 * spaces go, and reserved Windows names ("CON", "nul.txt") get " note" after their stem. Returns '' when nothing is left.
 */
export function sanitizeTitle(input: string): string {
  let title = input
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[. ]+/, '')
    .replace(/[. ]+$/, '');
  // Windows reserves these names whatever follows the first dot ("nul.txt"): change the stem.
  if (WINDOWS_RESERVED.test(title)) title = title.replace(/^([^.]*)/, '$1 note');
  if (title.length > MAX_TITLE_LENGTH) {
    // Cut at a character boundary: half an emoji would become U+FFFD in the file name.
    title = title
      .slice(0, MAX_TITLE_LENGTH)
      .replace(/[\uD800-\uDBFF]$/, '')
      .replace(/[. ]+$/, '');
  }
  return title;
}
