import type { HttpHost } from '../web/startHttpHost';
import { rawRequest } from './rawRequest';

const sessions = new WeakMap<HttpHost, Promise<string>>();

/** The launch code in a host's printed address (`…/#code=…`). */
export function launchCodeOf(url: string): string {
  const code = new URLSearchParams(new URL(url).hash.slice(1)).get('code');
  if (!code) throw new Error(`No launch code in ${url}`);
  return code;
}

/**
 * Trades a launch code for a session the way the page does (POST /api/session) and
 * returns the Cookie header value the host set, or throws with the host's answer.
 */
export async function exchangeLaunchCode(port: number, code: string): Promise<string> {
  const res = await rawRequest(port, {
    method: 'POST',
    path: '/api/session',
    headers: { Host: `127.0.0.1:${port}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  const setCookie = res.headers['set-cookie']?.[0];
  if (res.status !== 200 || !setCookie) throw new Error(`The launch code was refused: ${res.status} ${res.body}`);
  return setCookie.slice(0, setCookie.indexOf(';'));
}

/**
 * The headers of a request a signed-in page would send to `host` (Host and the session
 * cookie). The host's launch code is used once, on the first call; later calls share it.
 */
export async function sessionHeaders(host: HttpHost): Promise<Record<string, string>> {
  let session = sessions.get(host);
  if (!session) {
    session = exchangeLaunchCode(host.port, launchCodeOf(host.url));
    sessions.set(host, session);
  }
  return { Host: `127.0.0.1:${host.port}`, Cookie: await session };
}
