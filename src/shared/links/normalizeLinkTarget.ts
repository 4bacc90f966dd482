const SIMPLE = /^[!-~](?:[ -~]*[!-~])?$/;
const UNTIDY = /[\\]|\s\s|\s\/|\/\s|\/\/|\/$/;

/**
 * The comparable form of a name (a note title or path without `.md`, an alias, a glossary
 * title), so that every spelling of one name meets in one key: Unicode NFC; `\` read as
 * `/`; runs of whitespace become one space; each path part is trimmed and empty parts
 * dropped (`a//b/` → `a/b`; a leading `/`, which Obsidian reads as "from the vault root",
 * is kept); letters are lowercased (links resolve case-insensitively). Diacritics are kept:
 * `Café` and `Cafe` are two names, as they are two file names. `.` and `..` parts are kept
 * for the resolver (relative paths).
 */
export function normalizeName(name: string): string {
  // Most names are plain ASCII with nothing to tidy: only the case changes.
  if (SIMPLE.test(name) && !UNTIDY.test(name)) return name.toLowerCase();
  const text = name.normalize('NFC').replace(/\\/g, '/').replace(/\s+/g, ' ');
  const absolute = text.trimStart().startsWith('/');
  const parts = text
    .split('/')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return ((absolute ? '/' : '') + parts.join('/')).toLowerCase();
}

/**
 * The comparable form of a link target as written: {@link normalizeName}, then one
 * trailing `.md` removed (`[[Cells.md]]` is `[[Cells]]`).
 *
 * `normalizeLinkTarget(' Biology\\Cells.MD ')` → `'biology/cells'`.
 */
export function normalizeLinkTarget(target: string): string {
  const name = normalizeName(target);
  return /\.md$/.test(name) ? normalizeName(name.slice(0, -3)) : name;
}

/** The comparable form of a heading (for `[[Target#Heading]]`): NFC, trimmed, single spaces, lowercase. */
export function normalizeHeading(heading: string): string {
  return heading.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}
