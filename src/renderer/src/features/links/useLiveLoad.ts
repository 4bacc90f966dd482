import type { NotebookClient } from '@shared/api/createClient';
import { useCallback, useEffect, useState } from 'react';
import { useLinksEvents } from './useLinksEvents';

export interface LiveLoad<T> {
  /** The latest value for the current key (kept while a refresh runs), or null before the first. */
  value: T | null;
  /** The last load failed (the previous value, if any, is still shown). */
  error: string | null;
  /** Loads again now (after an action of this view). */
  reload(): void;
}

/**
 * Loads `load()` for `key` and again whenever links may have changed (see
 * useLinksEvents), keeping the last value on screen while a refresh runs, so lists do
 * not flicker. A result for an older key or an older refresh is dropped. A null key loads
 * nothing.
 */
export function useLiveLoad<T>(api: NotebookClient, key: string | null, load: () => Promise<T>): LiveLoad<T> {
  const [generation, setGeneration] = useState(0);
  const [state, setState] = useState<{ key: string | null; value: T | null; error: string | null }>({
    key: null,
    value: null,
    error: null,
  });
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  useLinksEvents(api, reload);

  useEffect(() => {
    if (key === null) return;
    let current = true;
    load().then(
      (value) => current && setState({ key, value, error: null }),
      (error: unknown) =>
        current &&
        setState((previous) => ({
          key,
          value: previous.key === key ? previous.value : null,
          error: error instanceof Error ? error.message : String(error),
        })),
    );
    return () => {
      current = false;
    };
    // `load` is a fresh closure each render; `key` and `generation` say when to load.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, generation]);

  const fresh = state.key === key;
  return { value: fresh ? state.value : null, error: fresh ? state.error : null, reload };
}
