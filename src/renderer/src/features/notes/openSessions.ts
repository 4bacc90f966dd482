import type { NoteSession } from './NoteSession';

/**
 * The note sessions alive right now, and the saves still running for notes that were
 * just closed. Switching notes, switching vaults and quitting all go through here so no
 * edit is dropped on the way.
 */
const live = new Set<NoteSession>();
const closing = new Map<string, Promise<void>>();
/**
 * Edits of notes closed while their save was failing (the disk full, the folder read-only):
 * they are in the recovery copy, but the next save of that note would replace that copy,
 * so the note, opened again, starts from them rather than from its file.
 */
const stranded = new Map<string, StrandedEdits>();

/** Unsaved edits, with the version (and its text) they started from, so they can still be merged. */
export interface StrandedEdits {
  content: string;
  baseVersion: string;
  baseContent: string;
}

export function registerSession(session: NoteSession): () => void {
  live.add(session);
  return () => {
    live.delete(session);
    const path = session.state.path;
    const done = session
      .dispose()
      .then(() => {
        if (session.hasUnsavedEdits) stranded.set(session.state.path, session.unsavedEdits());
      })
      .finally(() => {
        if (closing.get(path) === done) closing.delete(path);
      });
    closing.set(path, done);
  };
}

/** The unsaved edits of a note closed while its save was failing (once), or undefined. */
export function takeStrandedEdits(path: string): StrandedEdits | undefined {
  const edits = stranded.get(path);
  stranded.delete(path);
  return edits;
}

/** Resolves once any save of a just-closed session for this note has finished. */
export function settledSaves(path: string): Promise<void> {
  return closing.get(path) ?? Promise.resolve();
}

/** Saves every open note's pending edits. */
export async function flushAllNotes(): Promise<void> {
  await Promise.all([...[...live].map((session) => session.flush()), ...closing.values()]);
}

export function hasUnsavedNotes(): boolean {
  return closing.size > 0 || stranded.size > 0 || [...live].some((session) => session.hasUnsavedEdits);
}
