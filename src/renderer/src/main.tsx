import { createClient } from '@shared/api/createClient';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { chooseTransport } from './api/chooseTransport';
import { ApiProvider } from './api/ApiContext';
import { App } from './app/App';
import { MissingBackend } from './app/MissingBackend';
import './styles/theme.css';
import './styles/app.css';

const root = createRoot(document.getElementById('root') as HTMLElement);

void chooseTransport().then((connection) =>
  root.render(
    <StrictMode>
      {'transport' in connection ? (
        <ApiProvider client={createClient(connection.transport)}>
          <App />
        </ApiProvider>
      ) : (
        <MissingBackend problem={connection.problem} />
      )}
    </StrictMode>,
  ),
);
