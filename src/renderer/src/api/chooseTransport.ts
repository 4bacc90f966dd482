import type { Transport } from '@shared/api/createClient';
import { createHttpTransport } from './httpTransport';
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
 */
export async function chooseTransport(win: Window = window): Promise<Connection> {
  if (win.notebook) return { transport: win.notebook };
  const session = await openHttpSession(win);
  return session === 'ready' ? { transport: createHttpTransport() } : { problem: session };
}
