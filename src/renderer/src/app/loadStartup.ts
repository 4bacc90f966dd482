import type { NotebookClient } from '@shared/api/createClient';
import type { AppInfo } from '@shared/domain/appInfo';
import type { EntryRows, EntrySummary } from '@shared/domain/glossary';
import type { Draft, NoteSummary } from '@shared/domain/note';
import { ROW_PAGE } from '../features/glossary/GlossaryRows';
import { workspaceFrom, type Workspace } from './workspace';

export interface StartupData {
  info: AppInfo;
  /**
   * The glossary's size and first few entries (the welcome view), and the list's first page
   * of rows (the list asks for the others itself).
   */
  glossary: { all: number; first: EntrySummary[]; firstPage: EntryRows };
  notes: NoteSummary[];
  drafts: Draft[];
  workspace: Workspace;
  /** Whether the side panel (backlinks) was left open in this vault; open by default. */
  backlinksOpen: boolean;
}

/**
 * Asks for everything the first screen shows, all at once: the app's facts, the notes, the
 * drafts, the workspace (and whether the entry open last time is still there), and the
 * glossary's first page of rows, so the sidebar's list renders with its first rows instead
 * of asking for them once mounted. main.tsx calls it before React mounts (issue #15: the
 * calls' round trip overlaps the first render's own work); a vault switch calls it again.
 */
export function loadStartup(api: NotebookClient): Promise<StartupData> {
  // The first screen does not wait for the glossary's entries (a pack may hold 120,000):
  // only for its size, its first page, and whether the entry open last time is still there.
  const workspaceState = api.getWorkspaceState();
  const lastEntry = workspaceState.then((state) => {
    const main = workspaceFrom(state).main;
    return main?.kind === 'entry'
      ? api.getEntry({ id: main.id }).then(
          () => true,
          () => false,
        )
      : true;
  });
  const glossary = api.listEntryRows({ filter: '', offset: 0, limit: ROW_PAGE });
  return Promise.all([api.getAppInfo(), glossary, api.listNotes(), api.listDrafts(), workspaceState, lastEntry]).then(
    ([info, firstPage, notes, drafts, state, entryKept]) => {
      const workspace = workspaceFrom(state);
      // A document deleted since the last session is not reopened.
      const main = workspace.main;
      if (main?.kind === 'note' && !notes.some((note) => note.path === main.path)) workspace.main = null;
      if (main?.kind === 'entry' && !entryKept) workspace.main = null;
      return {
        info,
        glossary: { all: firstPage.all, first: firstPage.rows.slice(0, 5), firstPage },
        notes,
        drafts,
        workspace,
        backlinksOpen: state.backlinksOpen ?? true,
      };
    },
  );
}
