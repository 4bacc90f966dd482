import type { EntrySummary } from '@shared/domain/glossary';
import { useCallback, useEffect, useState } from 'react';
import { useApi } from '../api/ApiContext';
import { EntryReader } from '../features/glossary/EntryReader';
import { GlossaryList } from '../features/glossary/GlossaryList';
import { Welcome } from './Welcome';

interface Loaded {
  entries: EntrySummary[];
  vaultPath: string;
}

/** The application shell: sidebar with the glossary, the reader beside it. */
export function App() {
  const api = useApi();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [entryId, setEntryId] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    Promise.all([api.listEntries(), api.getWorkspaceState(), api.getAppInfo()]).then(
      ([entries, workspace, info]) => {
        if (!current) return;
        setLoaded({ entries, vaultPath: info.vaultPath });
        const last = workspace.lastEntryId;
        if (last && entries.some((entry) => entry.id === last)) setEntryId(last);
      },
      (failure: unknown) => current && setError(failure instanceof Error ? failure.message : String(failure)),
    );
    return () => {
      current = false;
    };
  }, [api]);

  const openEntry = useCallback(
    (id: string) => {
      setEntryId(id);
      // Remembering is a convenience: a failure here must not disturb reading.
      api.updateWorkspaceState({ patch: { lastEntryId: id } }).catch(() => undefined);
    },
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

  return (
    <div className="app">
      <aside className="sidebar" aria-label="Sidebar">
        <header className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">Study Notebook</span>
        </header>
        {loaded && <GlossaryList entries={loaded.entries} selectedId={entryId} onOpen={openEntry} />}
      </aside>
      <main className="content">
        {entryId ? <EntryReader id={entryId} /> : loaded && <Welcome entries={loaded.entries} onOpen={openEntry} />}
      </main>
    </div>
  );
}
