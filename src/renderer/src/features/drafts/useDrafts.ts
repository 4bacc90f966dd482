import type { NotebookClient } from '@shared/api/createClient';
import type { Draft, NoteSummary } from '@shared/domain/note';
import { useCallback, useEffect, useState } from 'react';

export interface DraftsDeps {
  api: NotebookClient;
  /** The drafts the backend listed at startup. */
  initial: Draft[];
  /** Opens a note, with a draft's text in place of the file's when `restoreContent` is set. */
  openNote: (path: string, options?: { restoreContent?: string }) => void;
  /** Puts a note written back from a draft into the sidebar list at once. */
  upsertNote: (note: NoteSummary) => void;
  notify: (message: string) => void;
}

/**
 * The recovery copies offered back after a crash or a failed save. Drafts whose text
 * already reached the file (a crash right after the write) are dropped quietly. Restoring
 * opens the note with the draft's text (the user saves it), or writes a note that is gone
 * back to the vault; discarding forgets the draft.
 */
export function useDrafts({ api, initial, openNote, upsertNote, notify }: DraftsDeps) {
  const [drafts, setDrafts] = useState<Draft[]>([]);

  useEffect(() => {
    let current = true;
    void (async () => {
      const pending: Draft[] = [];
      for (const draft of initial) {
        const onDisk = await api.readNote({ path: draft.path }).catch(() => null);
        if (onDisk?.content === draft.content) await api.discardDraft({ path: draft.path }).catch(() => undefined);
        else pending.push(draft);
      }
      if (current) setDrafts(pending);
    })();
    return () => {
      current = false;
    };
  }, [api, initial]);

  const restore = useCallback(
    async (draft: Draft) => {
      setDrafts((list) => list.filter((d) => d.path !== draft.path));
      const exists = await api.readNote({ path: draft.path }).then(
        () => true,
        () => false,
      );
      if (exists) {
        openNote(draft.path, { restoreContent: draft.content });
        return;
      }
      try {
        const result = await api.saveNote({ path: draft.path, content: draft.content, baseVersion: null });
        if (result.status === 'saved') upsertNote(result.note);
        openNote(result.status === 'conflict' ? result.conflictPath : draft.path);
      } catch (error) {
        notify(`The draft could not be restored: ${error instanceof Error ? error.message : error}`);
      }
    },
    [api, openNote, upsertNote, notify],
  );

  const discard = useCallback(
    (draft: Draft) => {
      setDrafts((list) => list.filter((d) => d.path !== draft.path));
      void api.discardDraft({ path: draft.path });
    },
    [api],
  );

  return { drafts, restore, discard };
}
