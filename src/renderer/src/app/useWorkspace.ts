import type { NotebookClient } from '@shared/api/createClient';
import type { DocRef } from '@shared/domain/docRef';
import { DEFAULT_REFERENCE_WIDTH, DEFAULT_SIDEBAR_WIDTH, type WorkspaceState } from '@shared/domain/workspace';
import { useCallback, useState } from 'react';

export interface Workspace {
  /** The document in the main view. */
  main: DocRef | null;
  /** The glossary entry in the reference pane beside a note. */
  referenceEntryId: string | null;
  sidebarWidth: number;
  referenceWidth: number;
}

export function workspaceFrom(state: WorkspaceState): Workspace {
  return {
    main: state.lastOpened ?? null,
    referenceEntryId: state.referenceEntryId ?? null,
    sidebarWidth: state.sidebarWidth ?? DEFAULT_SIDEBAR_WIDTH,
    referenceWidth: state.referenceWidth ?? DEFAULT_REFERENCE_WIDTH,
  };
}

/**
 * The arrangement of the window (what is open where, pane sizes), remembered per vault by
 * the backend. Updates apply at once; persisting is best effort and never blocks the UI.
 */
export function useWorkspace(api: NotebookClient, initial: Workspace) {
  const [workspace, setWorkspace] = useState(initial);

  const change = useCallback(
    (patch: Partial<Workspace>, persist = true) => {
      setWorkspace((current) => ({ ...current, ...patch }));
      if (!persist) return;
      const stored: WorkspaceState = {};
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
