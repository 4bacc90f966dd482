import type { NotebookClient } from '@shared/api/createClient';
import type { NoteSummary } from '@shared/domain/note';
import { compareByModified } from '@shared/domain/noteOrder';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

/**
 * The vault's notes for the sidebar, most recently modified first. Follows every
 * 'notes-changed' event (the app's own saves and changes made outside it) by asking the
 * backend for the list again, batched so a burst of changes costs one call.
 */
export function useNotesList(api: NotebookClient, initial: NoteSummary[]) {
  // In the backend's order (see NotebookApi.listNotes), which is compareByModified's: no sort.
  const [list, setList] = useState(initial);
  // Counts every change applied to the list, so a listing requested before one is not applied after it.
  const changesSeen = useRef(0);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let current = true;
    const refetch = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const seenAtRequest = changesSeen.current;
        api.listNotes().then(
          (notes) => {
            if (!current) return;
            // Stale already: requested again rather than overwriting the newer list.
            if (seenAtRequest !== changesSeen.current) refetch();
            else setList(notes);
          },
          () => undefined,
        );
      }, 50);
    };
    const offResync = api.on('resync', refetch);
    const off = api.on('notes-changed', ({ changes }) => {
      changesSeen.current++;
      if (changes.every((change) => change.kind === 'removed' || change.note)) {
        setList((notes) => {
          const byPath = new Map(notes.map((note) => [note.path, note]));
          for (const change of changes) {
            if (change.kind === 'removed') byPath.delete(change.path);
            else if (change.note) byPath.set(change.path, change.note);
          }
          return [...byPath.values()].sort(compareByModified);
        });
        return;
      }
      refetch();
    });
    // Changes between the first listing and this subscription would otherwise be missed.
    refetch();
    return () => {
      current = false;
      clearTimeout(timer);
      off();
      offResync();
    };
  }, [api]);

  /** Puts a note the app just created, saved or renamed into the list without waiting for the event. */
  const upsert = useCallback((note: NoteSummary, previousPath = note.path) => {
    changesSeen.current++;
    setList((notes) =>
      [...notes.filter((n) => n.path !== previousPath && n.path !== note.path), note].sort(compareByModified),
    );
  }, []);

  const byPath = useMemo(() => new Map(list.map((note) => [note.path, note])), [list]);
  return useMemo(() => ({ list, byPath, upsert }), [list, byPath, upsert]);
}
