import type { Transport } from '@shared/api/createClient';
import type { Envelope } from '@shared/api/envelope';

/**
 * The transport for the browser build: calls go to the HTTP host that served this page
 * (same origin), events arrive as server-sent events. Every request carries the token.
 */
export function createHttpTransport(token: string, base = ''): Transport {
  let source: EventSource | undefined;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  function ensureSource(): EventSource {
    if (!source) {
      source = new EventSource(`${base}/api/events?token=${encodeURIComponent(token)}`);
      // Events sent while the stream was (re)connecting are lost: tell views to refetch.
      source.addEventListener('open', () => {
        for (const listener of listeners.get('resync') ?? []) listener({});
      });
    }
    return source;
  }

  return {
    async call(method, args) {
      const response = await fetch(`${base}/api/call`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ method, args }),
      });
      if (!(response.headers.get('Content-Type') ?? '').includes('application/json')) {
        throw new Error(`The backend answered ${response.status} without a result.`);
      }
      return (await response.json()) as Envelope;
    },
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
