import type { AppInfo } from '@shared/domain/appInfo';
import type { EntrySummary } from '@shared/domain/glossary';
import type { Draft, NoteSummary } from '@shared/domain/note';
import { useEffect, useState } from 'react';
import { useApi } from '../api/ApiContext';
import { Notebook } from './Notebook';
import { workspaceFrom, type Workspace } from './useWorkspace';

export interface StartupData {
  info: AppInfo;
  /** The glossary's size and first few entries (the welcome view); the list asks for its own rows. */
  glossary: { all: number; first: EntrySummary[] };
  notes: NoteSummary[];
  drafts: Draft[];
  workspace: Workspace;
}

/**
 * Loads what the first screen needs, then shows the notebook. A vault switch loads
 * everything again (the key remounts the notebook with fresh state).
 */
export function App() {
  const api = useApi();
  const [data, setData] = useState<StartupData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    // The first screen does not wait for the glossary's entries (a pack may hold 120,000):
    // only for its size, its first few, and whether the entry open last time is still there.
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
    const glossary = api.listEntryRows({ filter: '', offset: 0, limit: 5 });
    Promise.all([api.getAppInfo(), glossary, api.listNotes(), api.listDrafts(), workspaceState, lastEntry]).then(
      ([info, rows, notes, drafts, state, entryKept]) => {
        if (!current) return;
        const workspace = workspaceFrom(state);
        // A document deleted since the last session is not reopened.
        const main = workspace.main;
        if (main?.kind === 'note' && !notes.some((note) => note.path === main.path)) workspace.main = null;
        if (main?.kind === 'entry' && !entryKept) workspace.main = null;
        setData({ info, glossary: { all: rows.all, first: rows.rows }, notes, drafts, workspace });
      },
      (failure: unknown) => current && setError(failure instanceof Error ? failure.message : String(failure)),
    );
    return () => {
      current = false;
    };
  }, [api, generation]);

  useEffect(
    () =>
      api.on('vault-changed', () => {
        setData(null);
        setGeneration((n) => n + 1);
      }),
    [api],
  );

  if (error) {
    return (
      <main className="startup-error" role="alert">
        <h1>Study Notebook could not start</h1>
        <p>{error}</p>
      </main>
    );
  }
  if (!data) return <div className="app app-loading" aria-busy="true" />;
  return <Notebook key={`${generation}:${data.info.vaultPath}`} data={data} />;
}
