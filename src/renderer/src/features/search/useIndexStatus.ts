import type { NotebookClient } from '@shared/api/createClient';
import type { IndexStatus } from '@shared/domain/search';
import { useEffect, useState } from 'react';

/** How long a build must run before its progress is shown: quick ones never flash a bar. */
export const PROGRESS_DELAY_MS = 1000;

export interface IndexProgress {
  status: IndexStatus | null;
  /** True while a build has been running for over PROGRESS_DELAY_MS. */
  showProgress: boolean;
}

/**
 * An index's state: the search index's (getIndexStatus, then the backend's `index-status`
 * events) or the link index's (getLinkIndexStatus, `link-index-status`), refetched after
 * the event stream reconnects.
 */
export function useIndexStatus(api: NotebookClient, which: 'search' | 'links' = 'search'): IndexProgress {
  // Each build gets a number, so "this build is slow" never carries over to the next one.
  const [state, setState] = useState<{ status: IndexStatus | null; build: number }>({ status: null, build: 0 });
  const [slowBuild, setSlowBuild] = useState(-1);

  useEffect(() => {
    let current = true;
    // Counts the statuses received as events: an answer to a call made before one of them
    // is older than it (events and calls travel apart), and must not undo it, e.g. put a
    // finished index back to "building" for good.
    let eventsSeen = 0;
    const receive = (status: IndexStatus) => {
      if (!current) return;
      setState((previous) => ({
        status,
        build:
          status.state === 'building' && previous.status?.state !== 'building' ? previous.build + 1 : previous.build,
      }));
    };
    const load = () => {
      const seenAtRequest = eventsSeen;
      void (which === 'links' ? api.getLinkIndexStatus() : api.getIndexStatus()).then(
        (status) => eventsSeen === seenAtRequest && receive(status),
        () => undefined,
      );
    };
    load();
    const offStatus = api.on(which === 'links' ? 'link-index-status' : 'index-status', (status) => {
      eventsSeen++;
      receive(status);
    });
    const offResync = api.on('resync', load);
    return () => {
      current = false;
      offStatus();
      offResync();
    };
  }, [api, which]);

  const building = state.status?.state === 'building';
  useEffect(() => {
    if (!building) return;
    const build = state.build;
    const timer = setTimeout(() => setSlowBuild(build), PROGRESS_DELAY_MS);
    return () => clearTimeout(timer);
  }, [building, state.build]);

  return { status: state.status, showProgress: building && slowBuild === state.build };
}
