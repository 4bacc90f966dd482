import type { Envelope } from './envelope';
import { NotebookError } from './errors';
import { isMethodName, methods } from './methods';
import type { NotebookApi } from './NotebookApi';
import { ValidationError } from './validate';

export interface DispatcherOptions {
  /** Called with errors that are not NotebookErrors (bugs), for the backend log. */
  onInternalError?: (method: string, error: unknown) => void;
}

/**
 * Turns a NotebookApi implementation into `call(method, args)`: rejects unknown
 * methods and invalid arguments, and always resolves to an Envelope. Nothing thrown
 * by the service crosses the boundary; unexpected errors become `internal` with a
 * generic message so no stack trace or path leaks to the UI.
 */
export function createDispatcher(service: NotebookApi, options: DispatcherOptions = {}): Dispatch {
  return async function call(method: unknown, args: unknown): Promise<Envelope> {
    if (!isMethodName(method)) {
      return failure('unknown-method', `Unknown method: ${printable(method)}`);
    }
    let parsed: unknown;
    try {
      parsed = methods[method].args(args, 'args');
    } catch (error) {
      if (error instanceof ValidationError) {
        return failure('invalid-arguments', `Invalid arguments for ${method}: ${error.message}`);
      }
      throw error;
    }
    try {
      const implementation = service[method] as (a: unknown) => Promise<unknown>;
      const value = await implementation.call(service, parsed);
      return { ok: true, value: value ?? null };
    } catch (error) {
      if (error instanceof NotebookError) return failure(error.code, error.message);
      options.onInternalError?.(method, error);
      return failure('internal', `Something went wrong in ${method}. The details are in the log.`);
    }
  };
}

function failure(code: NotebookError['code'], message: string): Envelope {
  return { ok: false, error: { code, message } };
}

function printable(value: unknown): string {
  if (typeof value !== 'string') return `(${value === null ? 'null' : typeof value})`;
  const clean = value.replace(/[^\x20-\x7e]/g, '?');
  return JSON.stringify(clean.length > 60 ? `${clean.slice(0, 60)}…` : clean);
}

/** A dispatcher: `createDispatcher(service)`, or one for a notebook still opening (dispatchWhenOpen). */
export type Dispatch = (method: unknown, args: unknown) => Promise<Envelope>;
