import type { NotebookClient } from '@shared/api/createClient';
import { useEffect, useEffectEvent } from 'react';

/** How long a burst of events waits before one refresh. */
const SETTLE_MS = 80;

/**
 * Calls `refresh` when what link views show may have changed: the link index changed
 * ('links-changed'), notes were added or removed, or the event stream reconnected. Bursts
 * are merged into one call.
 */
export function useLinksEvents(api: NotebookClient, refresh: () => void): void {
  const onRefresh = useEffectEvent(refresh);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const soon = () => {
      clearTimeout(timer);
      timer = setTimeout(() => onRefresh(), SETTLE_MS);
    };
    const offLinks = api.on('links-changed', soon);
    const offNotes = api.on('notes-changed', ({ changes }) => {
      if (changes.some((change) => change.kind !== 'changed')) soon();
    });
    const offResync = api.on('resync', soon);
    return () => {
      clearTimeout(timer);
      offLinks();
      offNotes();
      offResync();
    };
  }, [api]);
}
