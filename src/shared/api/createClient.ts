import type { CallFunction } from './envelope';
import { NotebookError } from './errors';
import { methodNames } from './methods';
import type { EventName, NotebookApi, NotebookEvents } from './NotebookApi';

/** How a client reaches the backend: the preload bridge or the HTTP transport. */
export interface Transport {
  call: CallFunction;
  /** Subscribes to a pushed event; returns the unsubscribe function. */
  on(event: string, listener: (payload: unknown) => void): () => void;
  /**
   * Sends the calls made so far now. The HTTP transport gathers the calls made in one task
   * into one request, sent when the task's microtasks run: for the page's first script,
   * only once all of it has been evaluated (issue #15).
   */
  flush?(): void;
}

export type Unsubscribe = () => void;

export type NotebookClient = NotebookApi & {
  /** Listens for a backend event. Returns its own cleanup. */
  on<E extends EventName>(event: E, listener: (payload: NotebookEvents[E]) => void): Unsubscribe;
};

/**
 * Turns a transport back into a typed NotebookApi. Error envelopes become rejected
 * NotebookErrors; a transport failure (backend gone) becomes `io-failure`.
 */
export function createClient(transport: Transport): NotebookClient {
  const client: Record<string, unknown> = {};
  for (const method of methodNames) {
    client[method] = async (args?: unknown) => {
      let envelope;
      try {
        envelope = await transport.call(method, args ?? null);
      } catch {
        throw new NotebookError('io-failure', 'The notebook backend cannot be reached. Is the app still running?');
      }
      if (envelope.ok) return envelope.value;
      throw new NotebookError(envelope.error.code, envelope.error.message);
    };
  }
  client.on = (event: string, listener: (payload: unknown) => void) => transport.on(event, listener);
  return client as unknown as NotebookClient;
}
