import { useEffect, useState } from 'react';
import { useApi } from '../api/ApiContext';
import { Notebook } from './Notebook';
import { loadStartup, type StartupData } from './loadStartup';

/** What the first screen's calls gave (see startLoading): its data, or why it could not load. */
export type FirstLoad = { data: StartupData } | { error: unknown };

const message = (failure: unknown) => (failure instanceof Error ? failure.message : String(failure));

/**
 * Shows the notebook once what the first screen needs has arrived. `first`: asked for
 * before React mounted and awaited before it renders (see main.tsx), so the first commit is
 * the notebook itself, not a blank frame and a second render (issue #15). A vault switch
 * loads everything again (the key remounts the notebook with fresh state).
 */
export function App({ first }: { first?: FirstLoad }) {
  const api = useApi();
  const [data, setData] = useState<StartupData | null>(first && 'data' in first ? first.data : null);
  const [error, setError] = useState<string | null>(first && 'error' in first ? message(first.error) : null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (generation === 0 && first) return;
    let current = true;
    loadStartup(api).then(
      (loaded) => current && setData(loaded),
      (failure: unknown) => current && setError(message(failure)),
    );
    return () => {
      current = false;
    };
  }, [api, generation, first]);

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
