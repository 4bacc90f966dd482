import { useEffect, useState } from 'react';

export type Load<T> =
  | { status: 'loading'; value?: undefined; error?: undefined }
  | { status: 'ready'; value: T; error?: undefined }
  | { status: 'failed'; value?: undefined; error: Error };

/**
 * Runs an async load whenever `key` changes and tracks its state. A result that
 * arrives after the key changed again is dropped, so fast switching never shows a
 * stale document.
 */
export function useLoad<T>(load: () => Promise<T>, key: unknown): Load<T> {
  const [state, setState] = useState<{ key: unknown; load: Load<T> }>({ key, load: { status: 'loading' } });
  useEffect(() => {
    let current = true;
    load().then(
      (value) => current && setState({ key, load: { status: 'ready', value } }),
      (error: unknown) =>
        current &&
        setState({ key, load: { status: 'failed', error: error instanceof Error ? error : new Error(String(error)) } }),
    );
    return () => {
      current = false;
    };
    // `load` is a fresh closure on every render; `key` says when it means something new.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return Object.is(state.key, key) ? state.load : { status: 'loading' };
}
