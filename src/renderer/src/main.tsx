// First: starts the session check and the first screen's calls before the rest evaluates.
import { starting } from './app/startLoading';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiProvider } from './api/ApiContext';
import { App } from './app/App';
import { MissingBackend } from './app/MissingBackend';
import './styles/theme.css';
import './styles/app.css';

const root = createRoot(document.getElementById('root') as HTMLElement);

void starting.then(({ connection, loading }) =>
  root.render(
    <StrictMode>
      {loading ? (
        <ApiProvider client={loading.client}>
          <App initial={loading.initial} />
        </ApiProvider>
      ) : (
        <MissingBackend problem={'problem' in connection ? connection.problem : 'unreachable'} />
      )}
    </StrictMode>,
  ),
);
