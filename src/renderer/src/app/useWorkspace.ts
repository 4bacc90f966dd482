import type { NotebookClient } from '@shared/api/createClient';
import type { DocRef } from '@shared/domain/docRef';
import type { WorkspaceState } from '@shared/domain/workspace';
import { useCallback, useRef, useState } from 'react';
import { keepTermHighlightOnlyFor } from '../ui/highlight/termHighlightRequest';
import { withRecent, type Workspace } from './workspace';

export type { Workspace } from './workspace';

/**
 * The arrangement of the window (what is open where, pane sizes), remembered per vault by
 * the backend. Updates apply at once; persisting is best effort and never blocks the UI.
 */
export function useWorkspace(api: NotebookClient, initial: Workspace) {
  const [workspace, setWorkspace] = useState(initial);
  // The recent list is computed here, outside the state updater, so it is persisted exactly once.
  const recent = useRef(initial.recent);

  const change = useCallback(
    (patch: Partial<Workspace>, persist = true) => {
      // Opening a document anywhere (main view or reference pane) makes it the most recent,
      // and drops search highlights meant for another document.
      const opened: DocRef | null = patch.main
        ? patch.main
        : patch.referenceEntryId
          ? { kind: 'entry', id: patch.referenceEntryId }
          : null;
      if (opened) {
        recent.current = withRecent(recent.current, opened);
        keepTermHighlightOnlyFor(opened);
      }
      const next = opened ? { ...patch, recent: recent.current } : patch;
      setWorkspace((current) => ({ ...current, ...next }));
      if (!persist) return;
      const stored: WorkspaceState = {};
      if (opened) stored.recent = recent.current;
      if ('main' in patch) stored.lastOpened = patch.main ?? null;
      if ('referenceEntryId' in patch) stored.referenceEntryId = patch.referenceEntryId ?? null;
      if (patch.sidebarWidth !== undefined) stored.sidebarWidth = patch.sidebarWidth;
      if (patch.referenceWidth !== undefined) stored.referenceWidth = patch.referenceWidth;
      api.updateWorkspaceState({ patch: stored }).catch(() => undefined);
    },
    [api],
  );

  return [workspace, change] as const;
}
