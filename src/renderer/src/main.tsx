import { createClient, type NotebookClient } from '@shared/api/createClient';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { chooseTransport } from './api/chooseTransport';
import { ApiProvider } from './api/ApiContext';
import { App, loadStartup, type StartupData } from './app/App';
import { MissingBackend } from './app/MissingBackend';
import './styles/theme.css';
import './styles/app.css';

const root = createRoot(document.getElementById('root') as HTMLElement);

/** The first screen's calls, sent as soon as there is a transport (see loadStartup). */
let early: { client: NotebookClient; initial: Promise<StartupData> } | undefined;
function startLoading(client: NotebookClient): { client: NotebookClient; initial: Promise<StartupData> } {
  const initial = loadStartup(client);
  // Its failure is shown by App; this only keeps it from being reported as unhandled meanwhile.
  initial.catch(() => undefined);
  return { client, initial };
}

void chooseTransport(window, (transport) => (early = startLoading(createClient(transport)))).then((connection) => {
  if (!('transport' in connection)) {
    root.render(
      <StrictMode>
        <MissingBackend problem={connection.problem} />
      </StrictMode>,
    );
    return;
  }
  // The calls go out before React renders anything, with the session check when they can.
  const { client, initial } = early ?? startLoading(createClient(connection.transport));
  root.render(
    <StrictMode>
      <ApiProvider client={client}>
        <App initial={initial} />
      </ApiProvider>
    </StrictMode>,
  );
});
