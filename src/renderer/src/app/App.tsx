import type { AppInfo } from '@shared/domain/appInfo';
import type { EntrySummary } from '@shared/domain/glossary';
import type { Draft, NoteSummary } from '@shared/domain/note';
import { useEffect, useState } from 'react';
import { useApi } from '../api/ApiContext';
import { Notebook } from './Notebook';
import { workspaceFrom, type Workspace } from './useWorkspace';

export interface StartupData {
  info: AppInfo;
  entries: EntrySummary[];
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
    Promise.all([api.getAppInfo(), api.listEntries(), api.listNotes(), api.listDrafts(), api.getWorkspaceState()]).then(
      ([info, entries, notes, drafts, state]) => {
        if (!current) return;
        const workspace = workspaceFrom(state);
        // A document deleted since the last session is not reopened.
        const main = workspace.main;
        if (main?.kind === 'note' && !notes.some((note) => note.path === main.path)) workspace.main = null;
        if (main?.kind === 'entry' && !entries.some((entry) => entry.id === main.id)) workspace.main = null;
        setData({ info, entries, notes, drafts, workspace });
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
