import type { IncomingHttpHeaders } from 'node:http';

/**
 * The session cookie's name for a host on `port`. Browsers scope cookies by host name, not
 * port, so two hosts on 127.0.0.1 (two `npm run serve`) would otherwise overwrite each
 * other's session.
 */
export function sessionCookieName(port: number): string {
  return `study-notebook-session-${port}`;
}

/**
 * The Set-Cookie value that hands a page its session: HttpOnly (no script reads it),
 * SameSite=Strict (no other site's page sends it), no Expires (gone when the browser
 * closes). Not Secure: the host speaks plain HTTP on the loopback address.
 */
export function sessionCookie(port: number, session: string): string {
  return `${sessionCookieName(port)}=${session}; Path=/; HttpOnly; SameSite=Strict`;
}

/**
 * Every value the request's Cookie header gives the cookie `name` (another page on
 * 127.0.0.1 may have set one of the same name, so there can be several).
 */
export function cookieValues(headers: IncomingHttpHeaders, name: string): string[] {
  const values: string[] = [];
  for (const pair of (headers.cookie ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) values.push(pair.slice(at + 1).trim());
  }
  return values;
}
