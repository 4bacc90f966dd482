import type { EventName, NotebookEvents } from '@shared/api/NotebookApi';

export type Listener<E extends EventName> = (payload: NotebookEvents[E]) => void;

/**
 * The backend's typed event channel. Hosts subscribe once and forward every event to
 * their UI (IPC `webContents.send`, HTTP server-sent events).
 */
export class EventBus {
  private readonly listeners = new Set<(event: EventName, payload: unknown) => void>();

  /** Subscribes to every event; returns its own cleanup. */
  onAny(listener: (event: EventName, payload: unknown) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Subscribes to one event; returns its own cleanup. */
  on<E extends EventName>(event: E, listener: Listener<E>): () => void {
    return this.onAny((name, payload) => {
      if (name === event) listener(payload as NotebookEvents[E]);
    });
  }

  emit<E extends EventName>(event: E, payload: NotebookEvents[E]): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event, payload);
      } catch {
        // A failing subscriber (a closed window) must not stop the others.
      }
    }
  }
}
