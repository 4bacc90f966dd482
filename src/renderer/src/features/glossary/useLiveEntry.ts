import type { NotebookClient } from '@shared/api/createClient';
import type { GlossaryEntry } from '@shared/domain/glossary';
import { useEffect, useState } from 'react';
import type { Load } from '../../ui/useLoad';

/**
 * Entry `id`, loaded again when the glossary changes (a re-import of its pack may have
 * changed its text) or the event stream reconnects. While it reloads, the entry already
 * shown stays on screen; a result for another id or an older load is dropped.
 */
export function useLiveEntry(api: NotebookClient, id: string): Load<GlossaryEntry> {
  const [revision, setRevision] = useState(0);
  const [state, setState] = useState<{ id: string; load: Load<GlossaryEntry> }>({ id, load: { status: 'loading' } });

  useEffect(() => {
    const bump = () => setRevision((n) => n + 1);
    const offGlossary = api.on('glossary-changed', bump);
    const offResync = api.on('resync', bump);
    return () => {
      offGlossary();
      offResync();
    };
  }, [api]);

  useEffect(() => {
    let current = true;
    api.getEntry({ id }).then(
      (value) => current && setState({ id, load: { status: 'ready', value } }),
      (error: unknown) =>
        current &&
        setState({ id, load: { status: 'failed', error: error instanceof Error ? error : new Error(String(error)) } }),
    );
    return () => {
      current = false;
    };
  }, [api, id, revision]);

  return state.id === id ? state.load : { status: 'loading' };
}
