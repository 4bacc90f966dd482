import type { Transport } from '@shared/api/createClient';
import type { Envelope } from '@shared/api/envelope';
import { batchingPoster, type HttpCallRequest, type WorkerCallMessage, type WorkerReplyMessage } from './httpCall';

/** What the transport needs of the call worker (a Worker, or a stand-in in tests). */
export interface CallWorker {
  postMessage(message: WorkerCallMessage): void;
  onmessage: ((event: MessageEvent<WorkerReplyMessage>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

/** Starts the call worker; null where the page cannot run one (then calls go from the page). */
export function startCallWorker(): CallWorker | null {
  if (typeof Worker !== 'function') return null;
  try {
    return new Worker(new URL('./httpCallWorker.ts', import.meta.url), { type: 'module', name: 'notebook-calls' });
  } catch {
    return null;
  }
}

/**
 * Sends calls through the call worker, so that serializing a large argument (a long
 * note's text), sending it and parsing the answer never hold up the page: handing a
 * string to a worker costs a fraction of what `fetch` costs for it on the main thread.
 * Until the worker says it has started, calls go from the page, those made in one go in one
 * request (see batchingPoster): the first screen's calls (small arguments) do not wait for
 * the worker's script to load (issue #15).
 * If the worker cannot run (it failed to load), its unanswered calls — which then never
 * reached the host — and every later call are sent from the page.
 */
function workerCaller(
  worker: CallWorker,
  postCall: (request: HttpCallRequest) => Promise<Envelope>,
): (request: HttpCallRequest) => Promise<Envelope> {
  let usable: CallWorker | null = worker;
  let started = false;
  let nextId = 1;
  const pending = new Map<number, { request: HttpCallRequest; resolve(e: Envelope): void; reject(e: Error): void }>();
  worker.onmessage = ({ data }) => {
    if ('started' in data) {
      started = true;
      return;
    }
    const call = pending.get(data.id);
    if (!call) return;
    pending.delete(data.id);
    if ('envelope' in data) call.resolve(data.envelope);
    else call.reject(new Error(data.failure));
  };
  worker.onerror = () => {
    usable = null;
    worker.terminate();
    for (const [id, call] of pending) {
      pending.delete(id);
      postCall(call.request).then(call.resolve, call.reject);
    }
  };
  return (request) => {
    if (!usable || !started) return postCall(request);
    const id = nextId++;
    return new Promise<Envelope>((resolve, reject) => {
      pending.set(id, { request, resolve, reject });
      try {
        usable!.postMessage({ id, ...request });
      } catch {
        // Not cloneable (never for JSON arguments): sent from the page, as JSON.
        pending.delete(id);
        postCall(request).then(resolve, reject);
      }
    });
  };
}

/**
 * The transport for the browser build: calls go to the HTTP host that served this page
 * (same origin) through a worker (see workerCaller), events arrive as server-sent events.
 * Every request carries the page's session cookie (see openHttpSession), added by the browser.
 *
 * @param worker The call worker; null: none (calls go from the page); a promise: calls go
 *   from the page until it gives the worker (started later, e.g. after the first screen).
 */
export function createHttpTransport(
  base = '',
  worker: CallWorker | null | Promise<CallWorker | null> = startCallWorker(),
): Transport {
  // Calls sent from the page (until the worker has started, or without one) go in batches.
  const fromPage = batchingPoster();
  let send = worker && !('then' in worker) ? workerCaller(worker, fromPage) : fromPage;
  if (worker && 'then' in worker) void worker.then((started) => started && (send = workerCaller(started, fromPage)));
  let source: EventSource | undefined;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  function ensureSource(): EventSource {
    if (!source) {
      source = new EventSource(`${base}/api/events`);
      // Events sent while the stream was (re)connecting are lost: tell views to refetch.
      source.addEventListener('open', () => {
        for (const listener of listeners.get('resync') ?? []) listener({});
      });
    }
    return source;
  }

  return {
    call(method, args) {
      return send({ base, method, args });
    },
    flush: () => fromPage.flush(),
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) {
        const created = new Set<(payload: unknown) => void>();
        listeners.set(event, created);
        if (event === 'resync') {
          ensureSource();
          created.add(listener);
          return () => created.delete(listener);
        }
        ensureSource().addEventListener(event, (message) => {
          const payload: unknown = JSON.parse((message as MessageEvent<string>).data);
          for (const l of created) l(payload);
        });
        set = created;
      }
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}
