import { createClient } from '@shared/api/createClient';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { chooseTransport } from './api/chooseTransport';
import { ApiProvider } from './api/ApiContext';
import { App } from './app/App';
import { MissingBackend } from './app/MissingBackend';
import './styles/theme.css';
import './styles/app.css';

const transport = chooseTransport();
const root = createRoot(document.getElementById('root') as HTMLElement);

root.render(
  <StrictMode>
    {transport ? (
      <ApiProvider client={createClient(transport)}>
        <App />
      </ApiProvider>
    ) : (
      <MissingBackend />
    )}
  </StrictMode>,
);
