import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { ipcMain } from 'electron';
import type { Envelope } from '@shared/api/envelope';
import { CALL_CHANNEL, EVENT_CHANNEL } from '@shared/api/ipcChannels';
import { originOf } from './originOf';

export { CALL_CHANNEL, EVENT_CHANNEL };

/** What a caller that is not our page gets back; it says nothing about what the backend can do. */
export const REFUSED_CALL: Envelope = {
  ok: false,
  error: { code: 'forbidden', message: 'This frame may not call the notebook backend.' },
};

const INTERNAL_FAILURE: Envelope = {
  ok: false,
  error: { code: 'internal', message: 'Something went wrong in the backend. The details are in the log.' },
};

export interface IpcBridgeOptions {
  /** The contract dispatcher: `createDispatcher(service)`. */
  dispatch: (method: unknown, args: unknown) => Promise<Envelope>;
  /** The backend's event bus; every event is forwarded to the window. */
  events: { onAny(listener: (event: string, payload: unknown) => void): () => void };
  /** The window allowed to call; looked up per call, so a re-created window (macOS) works. */
  getWindow: () => BrowserWindow | null | undefined;
  /** Calls are accepted only from a main frame showing a page of this origin. */
  appOrigin: string;
}

/**
 * True when an IPC call comes from the main frame of `window`, currently on a page of
 * `appOrigin`. Calls from iframes, other windows, a frame gone mid-call or a page
 * that navigated elsewhere are not trusted.
 */
export function isTrustedSender(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  window: BrowserWindow | null | undefined,
  appOrigin: string,
): boolean {
  if (!window || window.isDestroyed()) return false;
  const contents = window.webContents;
  if (contents.isDestroyed() || event.sender.id !== contents.id) return false;
  const frame = event.senderFrame;
  const main = contents.mainFrame;
  // Ids, not object identity: Electron may hand out distinct WebFrameMain objects for
  // one frame, and documents only that their processId/routingId agree.
  if (!frame || frame.parent !== null || frame.processId !== main.processId || frame.routingId !== main.routingId) {
    return false;
  }
  return originOf(frame.url) === appOrigin;
}

/**
 * Serves the contract over IPC: registers the `notebook:call` handler (sender checked
 * with isTrustedSender; untrusted calls get REFUSED_CALL and never reach the
 * dispatcher) and forwards every backend event to the window while it shows our page.
 * The handler always resolves to an Envelope, never rejects. Returns its own cleanup,
 * which removes the handler and the event subscription.
 */
export function registerIpcBridge(options: IpcBridgeOptions): () => void {
  const { dispatch, events, getWindow, appOrigin } = options;

  ipcMain.handle(CALL_CHANNEL, async (event, method: unknown, args: unknown): Promise<Envelope> => {
    if (!isTrustedSender(event, getWindow(), appOrigin)) {
      const from = event.senderFrame?.url.slice(0, 200) ?? 'a frame that is gone';
      console.warn(`Refused a notebook call from ${from}.`);
      return REFUSED_CALL;
    }
    try {
      return await dispatch(method, args);
    } catch (error) {
      // The dispatcher turns service errors into envelopes; reaching here is a bug in it.
      console.error('The notebook dispatcher threw:', error);
      return INTERNAL_FAILURE;
    }
  });

  const unsubscribe = events.onAny((name, payload) => {
    const window = getWindow();
    if (!window || window.isDestroyed()) return;
    const contents = window.webContents;
    // Backend events describe the user's notes: only our own page may see them.
    if (contents.isDestroyed() || originOf(contents.mainFrame.url) !== appOrigin) return;
    contents.send(EVENT_CHANNEL, name, payload);
  });

  return () => {
    unsubscribe();
    ipcMain.removeHandler(CALL_CHANNEL);
  };
}
