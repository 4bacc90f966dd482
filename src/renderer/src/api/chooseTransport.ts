import type { Transport } from '@shared/api/createClient';
import { createHttpTransport, startCallWorker } from './httpTransport';
import { openHttpSession, type SessionProblem } from './openHttpSession';

declare global {
  interface Window {
    /** The preload bridge; present only inside the Electron app. */
    notebook?: Transport;
  }
}

/** How the page reaches the backend, or why it cannot. */
export type Connection = { transport: Transport } | { problem: SessionProblem };

/**
 * Picks the transport once, at startup: the preload bridge inside Electron, else the HTTP
 * host that served the page, once the page has a session with it (see openHttpSession).
 *
 * @param whileChecking Given the HTTP transport before the session is confirmed, when the
 *   address carries no launch code (a reload, a second window): such a page nearly always
 *   has its session already, so its first calls go out together with the check instead of
 *   after it (issue #15). Without a session they are refused (401) and the page shows why.
 */
export async function chooseTransport(
  win: Window = window,
  whileChecking?: (transport: Transport) => void,
): Promise<Connection> {
  if (win.notebook) return { transport: win.notebook };
  // The call worker starts loading while the session is checked: both are on the way to
  // the first screen's calls.
  const worker = startCallWorker();
  const transport = createHttpTransport('', worker);
  if (!new URLSearchParams(win.location.hash.slice(1)).has('code')) whileChecking?.(transport);
  const session = await openHttpSession(win);
  if (session === 'ready') return { transport };
  worker?.terminate();
  return { problem: session };
}
