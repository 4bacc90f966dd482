import type { NotebookClient } from '@shared/api/createClient';
import type { SearchResults, SearchScope } from '@shared/domain/search';
import { useCallback, useEffect, useRef, useState } from 'react';

/** Typing pauses shorter than this send one request, not one per key. */
export const SEARCH_DEBOUNCE_MS = 60;
export const SEARCH_LIMIT = 50;

export interface SearchState {
  /** The latest results (possibly for the previous query while `pending`); null before any. */
  results: SearchResults | null;
  /** The query the shown results answer. */
  resultsQuery: string;
  error: string | null;
  /** A request for the current query is on its way. */
  pending: boolean;
  /**
   * Resolves with the answer to the current query once it arrives (at once if it has), or
   * with null if the query changes first: Enter pressed while typing opens a fresh result,
   * never one left from the previous query.
   */
  whenAnswered(): Promise<SearchResults | null>;
}

interface Answer {
  key: string;
  query: string;
  results: SearchResults | null;
  error: string | null;
}

/**
 * Searches as the user types: requests are debounced lightly, and a response that arrives
 * after the query changed again is dropped, so results never go back in time. The previous
 * results stay on screen until the new ones arrive. A new `revision` re-runs the same query
 * (the index made progress, notes changed).
 */
export function useSearch(
  api: NotebookClient,
  query: string,
  scope: SearchScope,
  revision: string | number,
  enabled: boolean,
): SearchState {
  const [answer, setAnswer] = useState<Answer>({ key: '', query: '', results: null, error: null });
  const key = JSON.stringify([query, scope, revision]);

  const answered = useRef<Promise<SearchResults | null>>(Promise.resolve(null));

  useEffect(() => {
    if (!enabled) return;
    let current = true;
    let settle: (results: SearchResults | null) => void = () => undefined;
    answered.current = new Promise((resolve) => (settle = resolve));
    const timer = setTimeout(() => {
      api.search({ query, scope, limit: SEARCH_LIMIT }).then(
        (results) => {
          if (current) setAnswer({ key, query, results, error: null });
          settle(current ? results : null);
        },
        (error: unknown) => {
          if (current) {
            const message = error instanceof Error ? error.message : String(error);
            setAnswer((previous) => ({ ...previous, key, query, error: message }));
          }
          settle(null);
        },
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
      settle(null);
    };
  }, [api, key, query, scope, enabled]);

  const whenAnswered = useCallback(() => answered.current, []);

  return {
    whenAnswered,
    results: answer.results,
    resultsQuery: answer.query,
    error: answer.key === key ? answer.error : null,
    pending: enabled && answer.key !== key,
  };
}
