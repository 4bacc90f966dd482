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
 * @param workerAfter When to start the HTTP transport's call worker (see workerCaller; its
 *   start costs the page's main thread several milliseconds): the caller's first screen
 *   shown. Until then, and without a session, calls go from the page.
 */
export async function chooseTransport(
  win: Window = window,
  whileChecking?: (transport: Transport) => void,
  workerAfter: Promise<unknown> = Promise.resolve(),
): Promise<Connection> {
  if (win.notebook) return { transport: win.notebook };
  let setConnected: (ready: boolean) => void = () => undefined;
  const connected = new Promise<boolean>((resolve) => (setConnected = resolve));
  const transport = createHttpTransport(
    '',
    connected.then((ready) => (ready ? workerAfter.then(() => startCallWorker()) : null)),
  );
  if (!new URLSearchParams(win.location.hash.slice(1)).has('code')) whileChecking?.(transport);
  const session = await openHttpSession(win);
  setConnected(session === 'ready');
  return session === 'ready' ? { transport } : { problem: session };
}
