/**
 * Asks the app to open search with a query (a tag pill clicked in a note searches
 * `tag:name`). The editor raises requests; the shell, which owns the search panel, listens.
 */
type Listener = (query: string) => void;

const listeners = new Set<Listener>();

/** Opens search with `query`, if the app listens (nothing happens in a bare editor). */
export function requestSearch(query: string): void {
  for (const listener of listeners) listener(query);
}

/** Calls `listener` on every search request. Returns the cleanup. */
export function onSearchRequest(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
