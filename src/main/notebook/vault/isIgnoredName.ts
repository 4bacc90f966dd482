/**
 * What the vault leaves alone. Hidden entries (a leading dot) cover `.obsidian/`,
 * `.trash/`, `.git/`, and the temporary files of atomic writes, ours
 * (`.Cells.md.1a2b3c.tmp`) and other editors' (`.Cells.md.swp`, Emacs' `.#Cells.md`).
 * Names that do not end in `.md` (`Cells.md~`, `Cells.md.tmp`, Syncthing's
 * `~syncthing~Cells.md.tmp`) are never notes.
 */
export function isIgnoredName(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/** True for a file name the vault lists as a note (case-insensitive `.md`). */
export function isNoteFileName(name: string): boolean {
  return !isIgnoredName(name) && /\.md$/i.test(name) && name.length > 3;
}
