import { createClient, type NotebookClient } from '@shared/api/createClient';
import { chooseTransport, type Connection } from '../api/chooseTransport';
import { loadStartup, type StartupData } from './loadStartup';

/** The page's connection to the backend, and the first screen's calls once it has one. */
export interface Starting {
  connection: Connection;
  /** Present with a transport: the client, and what the first screen needs, on its way. */
  loading?: { client: NotebookClient; initial: Promise<StartupData> };
}

function load(client: NotebookClient): { client: NotebookClient; initial: Promise<StartupData> } {
  const initial = loadStartup(client);
  // Its failure is shown by App; this only keeps it from being reported as unhandled meanwhile.
  initial.catch(() => undefined).finally(() => requestAnimationFrame(() => setTimeout(firstScreenShown, 0)));
  return { client, initial };
}

let early: Starting['loading'];
let firstScreenShown: () => void = () => undefined;
/** The first screen's data arrived and a frame later: when the call worker may start. */
const afterFirstScreen = new Promise<void>((resolve) => (firstScreenShown = resolve));

/**
 * The page's first step, started when this module is evaluated: main.tsx imports it before
 * React and the app's views, so the session check and the first screen's calls (see
 * loadStartup) are on their way while the rest of the page's script still runs (issue #15),
 * together when the address carries no launch code (see chooseTransport).
 */
export const starting: Promise<Starting> = chooseTransport(
  window,
  (transport) => {
    early = load(createClient(transport));
    // Now, not once the rest of the page's script has been evaluated (≈ 50 ms later).
    transport.flush?.();
  },
  afterFirstScreen,
).then((connection) =>
  'transport' in connection
    ? { connection, loading: early ?? load(createClient(connection.transport)) }
    : { connection },
);
