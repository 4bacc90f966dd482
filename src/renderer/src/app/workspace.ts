import { sameDoc, type DocRef } from '@shared/domain/docRef';
import { DEFAULT_REFERENCE_WIDTH, DEFAULT_SIDEBAR_WIDTH, type WorkspaceState } from '@shared/domain/workspace';

// The window's arrangement as plain data, without React: loadStartup reads it before React
// has been evaluated (issue #15: the first screen's calls leave before the page's script has
// run), and useWorkspace keeps it in state.

export interface Workspace {
  /** The document in the main view. */
  main: DocRef | null;
  /** The glossary entry in the reference pane beside a note. */
  referenceEntryId: string | null;
  sidebarWidth: number;
  referenceWidth: number;
  /** Documents opened recently, most recent first (the quick switcher's "Recent"). */
  recent: DocRef[];
}

/** How many recently opened documents are remembered. */
export const MAX_RECENT = 50;

/** `recent` with `ref` moved (or added) to the front. */
export function withRecent(recent: readonly DocRef[], ref: DocRef): DocRef[] {
  return [ref, ...recent.filter((other) => !sameDoc(other, ref))].slice(0, MAX_RECENT);
}

export function workspaceFrom(state: WorkspaceState): Workspace {
  return {
    main: state.lastOpened ?? null,
    referenceEntryId: state.referenceEntryId ?? null,
    sidebarWidth: state.sidebarWidth ?? DEFAULT_SIDEBAR_WIDTH,
    referenceWidth: state.referenceWidth ?? DEFAULT_REFERENCE_WIDTH,
    recent: state.recent ?? [],
  };
}
