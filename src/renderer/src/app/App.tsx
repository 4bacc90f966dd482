import { useEffect, useState } from 'react';
import { useApi } from '../api/ApiContext';
import { Notebook } from './Notebook';
import { loadStartup, type StartupData } from './loadStartup';

/**
 * Shows the notebook once what the first screen needs has arrived (`initial`: asked for
 * before React mounted, see startLoading). A vault switch loads everything again (the key
 * remounts the notebook with fresh state).
 */
export function App({ initial }: { initial?: Promise<StartupData> }) {
  const api = useApi();
  const [data, setData] = useState<StartupData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    (generation === 0 && initial ? initial : loadStartup(api)).then(
      (loaded) => current && setData(loaded),
      (failure: unknown) => current && setError(failure instanceof Error ? failure.message : String(failure)),
    );
    return () => {
      current = false;
    };
  }, [api, generation, initial]);

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
