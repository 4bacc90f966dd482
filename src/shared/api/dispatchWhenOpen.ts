import { createDispatcher, type Dispatch, type DispatcherOptions } from './createDispatcher';
import type { NotebookApi } from './NotebookApi';

/** A notebook once open, with its dispatcher; or why it could not open. */
export type OpenedNotebook<S extends NotebookApi> = { service: S; dispatch: Dispatch } | { failure: string };

/**
 * The dispatcher of a notebook still opening, so a host can take calls before it is open
 * (issue #15: the window or the server is up while a large pack loads): each call waits
 * for it; if it cannot open, every call answers why (`io-failure`). `ready` never rejects,
 * so a failed opening is never an unhandled rejection; the host shows the failure itself.
 */
export function dispatchWhenOpen<S extends NotebookApi>(
  opening: S | Promise<S>,
  options: DispatcherOptions = {},
): { ready: Promise<OpenedNotebook<S>>; call: Dispatch } {
  const ready = Promise.resolve(opening).then(
    (service): OpenedNotebook<S> => ({ service, dispatch: createDispatcher(service, options) }),
    (error: unknown): OpenedNotebook<S> => ({ failure: error instanceof Error ? error.message : String(error) }),
  );
  const call: Dispatch = async (method, args) => {
    const state = await ready;
    if ('failure' in state) {
      return {
        ok: false,
        error: { code: 'io-failure', message: `Study Notebook could not open the notebook: ${state.failure}` },
      };
    }
    return state.dispatch(method, args);
  };
  return { ready, call };
}
