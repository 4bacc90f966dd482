import type { NoteSession } from './NoteSession';

/**
 * The note sessions alive right now, and the saves still running for notes that were
 * just closed. Switching notes, switching vaults and quitting all go through here so no
 * edit is dropped on the way.
 */
const live = new Set<NoteSession>();
const closing = new Map<string, Promise<void>>();

export function registerSession(session: NoteSession): () => void {
  live.add(session);
  return () => {
    live.delete(session);
    const path = session.state.path;
    const done = session.dispose().finally(() => {
      if (closing.get(path) === done) closing.delete(path);
    });
    closing.set(path, done);
  };
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
  return closing.size > 0 || [...live].some((session) => session.hasUnsavedEdits);
}
