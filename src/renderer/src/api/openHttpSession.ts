/** Why the page has no session with the HTTP host. */
export type SessionProblem =
  /** The address's launch code was used before (or a newer address was printed). */
  | 'link-used'
  /** The page was opened without a launch code and has no session (e.g. a bookmark). */
  | 'no-session'
  /** The host did not answer, or not as a Study Notebook host does (npm run serve stopped). */
  | 'unreachable';

/**
 * Gives the page a session with the HTTP host that served it. The address `npm run serve`
 * prints carries a one-time launch code in its fragment (`#code=…`, never sent in a request
 * line). The code is removed from the address bar and the current history entry at once,
 * then traded (POST /api/session) for a session the host sets as an HttpOnly cookie, which
 * the browser sends with every later request of this page and its reloads. Without a code,
 * the page checks for a session it already has (GET /api/session), so reloads keep working.
 *
 * @returns 'ready', or why the page cannot use the host.
 */
export async function openHttpSession(
  win: Window,
  fetchFn: typeof fetch = (input, init) => win.fetch(input, init),
): Promise<'ready' | SessionProblem> {
  const hash = new URLSearchParams(win.location.hash.slice(1));
  const code = hash.get('code');
  if (code !== null) win.history.replaceState(win.history.state, '', win.location.pathname + win.location.search);
  try {
    const response =
      code !== null
        ? await fetchFn('/api/session', {
            method: 'POST',
            credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ code }),
          })
        : await fetchFn('/api/session', { credentials: 'same-origin' });
    if (response.ok) return 'ready';
    if (response.status !== 401) return 'unreachable';
    return code !== null ? 'link-used' : 'no-session';
  } catch {
    return 'unreachable';
  }
}
