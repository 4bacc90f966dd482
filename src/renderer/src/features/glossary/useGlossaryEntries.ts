import type { NotebookClient } from '@shared/api/createClient';
import type { EntrySummary } from '@shared/domain/glossary';
import { useEffect, useState } from 'react';

/**
 * The glossary's entries, starting from those loaded at start-up and fetched again when
 * they change (a pack imported, hidden, shown or removed) or the event stream reconnected.
 */
export function useGlossaryEntries(api: NotebookClient, initial: EntrySummary[]): EntrySummary[] {
  const [entries, setEntries] = useState(initial);
  useEffect(() => {
    let generation = 0;
    const refetch = () => {
      const mine = ++generation;
      api.listEntries().then(
        (list) => mine === generation && setEntries(list),
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
  return entries;
}
