/**
 * "Look at the disk again": asked after the app itself rewrote a note in a way the open
 * editor does not hear about (undoing a link, which saves the old text like an editor
 * would). The open note's view compares with the disk and reloads if it changed.
 */
const listeners = new Set<(path: string) => void>();

export function requestNoteRecheck(path: string): void {
  for (const listener of [...listeners]) listener(path);
}

/** Calls `listener` with the path of each note to check again. Returns the cleanup. */
export function onNoteRecheck(listener: (path: string) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
