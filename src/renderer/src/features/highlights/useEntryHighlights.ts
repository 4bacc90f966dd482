import type { NotebookClient } from '@shared/api/createClient';
import type { EntryHighlights } from '@shared/domain/highlights';
import { useCallback, useEffect, useState } from 'react';

export interface EntryHighlightsState {
  /** The entry's highlights, or null before the first load (and while it keeps failing). */
  value: EntryHighlights | null;
  /** The last load failed (the previous value, if any, is still shown). */
  error: string | null;
  /** Loads again now (after an action of this view). */
  reload(): void;
}

/**
 * The highlights of entry `entryId`, loaded again whenever they change
 * (`highlights-changed` naming it), when the glossary changes (a re-import may move their
 * passages) or the event stream reconnects (`resync`). The last
 * value stays on screen while a refresh runs; a result for an older entry or refresh is
 * dropped. A null id loads nothing.
 */
export function useEntryHighlights(api: NotebookClient, entryId: string | null): EntryHighlightsState {
  const [generation, setGeneration] = useState(0);
  const [state, setState] = useState<{ entryId: string | null; value: EntryHighlights | null; error: string | null }>({
    entryId: null,
    value: null,
    error: null,
  });
  const reload = useCallback(() => setGeneration((n) => n + 1), []);

  useEffect(() => {
    if (entryId === null) return;
    const offChanged = api.on('highlights-changed', ({ entryIds }) => {
      if (entryIds.includes(entryId)) reload();
    });
    const offResync = api.on('resync', reload);
    // A re-import of the entry's pack may have moved its passages: they are placed again.
    const offGlossary = api.on('glossary-changed', reload);
    return () => {
      offChanged();
      offResync();
      offGlossary();
    };
  }, [api, entryId, reload]);

  useEffect(() => {
    if (entryId === null) return;
    let current = true;
    api.getEntryHighlights({ entryId }).then(
      (value) => current && setState({ entryId, value, error: null }),
      (error: unknown) =>
        current &&
        setState((previous) => ({
          entryId,
          value: previous.entryId === entryId ? previous.value : null,
          error: error instanceof Error ? error.message : String(error),
        })),
    );
    return () => {
      current = false;
    };
  }, [api, entryId, generation]);

  const fresh = state.entryId === entryId;
  return { value: fresh ? state.value : null, error: fresh ? state.error : null, reload };
}
