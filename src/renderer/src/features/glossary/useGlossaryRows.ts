import type { NotebookClient } from '@shared/api/createClient';
import type { EntryRows, EntrySummary } from '@shared/domain/glossary';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { GlossaryRows, type GlossaryRowsView } from './GlossaryRows';

/**
 * The glossary list's rows, asked of the backend a page at a time for the current filter
 * (see GlossaryRows; `first`: the first page, when the start-up calls brought it), and asked again when the glossary changes (a pack imported, hidden,
 * shown or removed) or the event stream reconnected.
 */
export function useGlossaryRows(
  api: NotebookClient,
  first?: EntryRows,
): { rows: GlossaryRows; view: GlossaryRowsView } {
  const [rows] = useState(() => new GlossaryRows((args) => api.listEntryRows(args), first));
  useEffect(() => {
    const refresh = () => rows.refresh();
    const offChanged = api.on('glossary-changed', refresh);
    const offResync = api.on('resync', refresh);
    return () => {
      offChanged();
      offResync();
    };
  }, [api, rows]);
  const view = useSyncExternalStore(rows.subscribe, rows.snapshot);
  return { rows, view };
}

/** The glossary's size and first entries (the welcome view), asked again when it changes. */
export function useGlossaryHead(
  api: NotebookClient,
  initial: { all: number; first: EntrySummary[] },
): { all: number; first: EntrySummary[] } {
  const [head, setHead] = useState(initial);
  useEffect(() => {
    let generation = 0;
    const refetch = () => {
      const mine = ++generation;
      api.listEntryRows({ filter: '', offset: 0, limit: 5 }).then(
        ({ all, rows }) => mine === generation && setHead({ all, first: rows }),
        () => undefined,
      );
    };
    const offChanged = api.on('glossary-changed', refetch);
    const offResync = api.on('resync', refetch);
    return () => {
      generation++;
      offChanged();
      offResync();
    };
  }, [api]);
  return head;
}
