import type { NotebookClient } from '@shared/api/createClient';
import { createContext, useContext, type ReactNode } from 'react';

const ApiContext = createContext<NotebookClient | null>(null);

export function ApiProvider({ client, children }: { client: NotebookClient; children: ReactNode }) {
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>;
}

/** The typed backend client; the only way UI code reaches the backend. */
export function useApi(): NotebookClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApi must be used inside <ApiProvider>.');
  return client;
}
