import type { NotebookClient } from '@shared/api/createClient';
import type { EventName, NotebookApi, NotebookEvents } from '@shared/api/NotebookApi';
import { fakeNotebookApi, type FakeNotebookApi } from '@shared/api/testing/fakeNotebookApi';

export type FakeClient = FakeNotebookApi &
  Pick<NotebookClient, 'on'> & {
    /** Delivers a backend event to the listeners, as the transport would. */
    emit<E extends EventName>(event: E, payload: NotebookEvents[E]): void;
  };

/**
 * A NotebookClient for component tests: the methods are fakeNotebookApi's vi.fns (unexpected
 * calls reject), and events can be emitted by the test.
 */
export function fakeClient(overrides: Partial<NotebookApi> = {}): FakeClient {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const api = fakeNotebookApi(overrides);
  return Object.assign(api, {
    on(event: string, listener: (payload: never) => void) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (payload: unknown) => void);
      return () => set.delete(listener as (payload: unknown) => void);
    },
    emit(event: string, payload: unknown) {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
  }) as FakeClient;
}
