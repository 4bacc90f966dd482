import type { Transport } from '@shared/api/createClient';
import { createHttpTransport } from './httpTransport';

declare global {
  interface Window {
    /** The preload bridge; present only inside the Electron app. */
    notebook?: Transport;
  }
}

const TOKEN_KEY = 'study-notebook.token';

/**
 * Picks the transport once, at startup: the preload bridge inside Electron, else the
 * HTTP host that served the page. The HTTP token arrives in the URL fragment
 * (`#token=…`); it is moved to session storage and removed from the address bar so
 * it is not bookmarked or shared by accident, and reloads keep working.
 *
 * @returns undefined when neither a bridge nor a token is available.
 */
export function chooseTransport(win: Window = window): Transport | undefined {
  if (win.notebook) return win.notebook;
  const fromHash = new URLSearchParams(win.location.hash.slice(1)).get('token');
  if (fromHash) {
    win.sessionStorage.setItem(TOKEN_KEY, fromHash);
    win.history.replaceState(null, '', win.location.pathname + win.location.search);
  }
  const token = fromHash ?? win.sessionStorage.getItem(TOKEN_KEY);
  return token ? createHttpTransport(token) : undefined;
}
