// First: starts the session check and the first screen's calls before the rest evaluates.
import { starting } from './app/startLoading';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiProvider } from './api/ApiContext';
import { App, type FirstLoad } from './app/App';
import { MissingBackend } from './app/MissingBackend';
import './styles/theme.css';
import './styles/app.css';

const root = createRoot(document.getElementById('root') as HTMLElement);

void starting.then(async ({ connection, loading }) => {
  // The first screen's data usually arrives while React is still being evaluated: awaited
  // here, the first commit shows it (see App).
  const first: FirstLoad | undefined = loading
    ? await loading.initial.then(
        (data) => ({ data }),
        (error: unknown) => ({ error }),
      )
    : undefined;
  root.render(
    <StrictMode>
      {loading ? (
        <ApiProvider client={loading.client}>
          <App first={first} />
        </ApiProvider>
      ) : (
        <MissingBackend problem={'problem' in connection ? connection.problem : 'unreachable'} />
      )}
    </StrictMode>,
  );
});
