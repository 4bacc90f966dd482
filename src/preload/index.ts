/**
 * The preload: the page's only way to the backend. It exposes `window.notebook` with
 * exactly two functions, `call(method, args)` and `on(event, listener)`, matching the
 * renderer's `Transport` (src/shared/api/createClient.ts). The page never sees
 * ipcRenderer, channel names or IPC event objects: a listener receives the payload
 * only. Runs sandboxed, so it may `require('electron')` and nothing else; the bundler
 * inlines the shared imports.
 */
import type { IpcRendererEvent } from 'electron';
import { contextBridge, ipcRenderer } from 'electron';
import type { Envelope } from '@shared/api/envelope';
import { CALL_CHANNEL, EVENT_CHANNEL } from '@shared/api/ipcChannels';

/** The bridge the page sees as `window.notebook`. */
export interface NotebookBridge {
  /** Calls a contract method; resolves to its Envelope. Rejects with a TypeError unless `method` is a string. */
  call(method: string, args: unknown): Promise<Envelope>;
  /**
   * Listens for a backend event; the listener gets the event's payload only. Returns
   * its own unsubscribe function.
   * @throws TypeError unless `event` is a string and `listener` a function.
   */
  on(event: string, listener: (payload: unknown) => void): () => void;
}

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();
let subscribed = false;

// One IPC listener for the whole page, however many subscribers: no MaxListeners
// warnings, and the IPC event object stays here.
function onEventMessage(_event: IpcRendererEvent, name: unknown, payload: unknown): void {
  if (typeof name !== 'string') return;
  for (const listener of [...(listeners.get(name) ?? [])]) {
    try {
      listener(payload);
    } catch (error) {
      // One failing subscriber must not starve the others of the event.
      console.error(`A listener for "${name}" threw:`, error);
    }
  }
}

const bridge: NotebookBridge = {
  call(method: unknown, args: unknown): Promise<Envelope> {
    if (typeof method !== 'string') {
      return Promise.reject(new TypeError('notebook.call: method must be a string'));
    }
    return ipcRenderer.invoke(CALL_CHANNEL, method, args) as Promise<Envelope>;
  },

  on(event: unknown, listener: unknown): () => void {
    if (typeof event !== 'string') throw new TypeError('notebook.on: event must be a string');
    if (typeof listener !== 'function') throw new TypeError('notebook.on: listener must be a function');
    if (!subscribed) {
      ipcRenderer.on(EVENT_CHANNEL, onEventMessage);
      subscribed = true;
    }
    // Wrapped, so subscribing the same function twice gives two independent subscriptions.
    const entry: Listener = (payload) => (listener as Listener)(payload);
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(entry);
    return () => {
      const current = listeners.get(event);
      if (!current?.delete(entry) || current.size > 0) return;
      listeners.delete(event);
      if (listeners.size === 0 && subscribed) {
        ipcRenderer.removeListener(EVENT_CHANNEL, onEventMessage);
        subscribed = false;
      }
    };
  },
};

contextBridge.exposeInMainWorld('notebook', Object.freeze(bridge));
