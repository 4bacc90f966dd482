import { describe, expect, it, vi } from 'vitest';
import { openHttpSession } from './openHttpSession';

/** A window at `url` whose history records replaceState calls. */
function windowAt(url: string) {
  const location = new URL(url);
  const replaced: string[] = [];
  const win = {
    location,
    history: {
      state: null,
      replaceState: (_state: unknown, _title: string, next: string) => {
        replaced.push(next);
        const target = new URL(next, location.href);
        location.hash = target.hash;
      },
    },
  } as unknown as Window;
  return { win, replaced, location };
}

const answer = (status: number) => vi.fn(async () => new Response('{}', { status }));

describe('openHttpSession', () => {
  it('removes the launch code from the address before trading it, once, for a session', async () => {
    const { win, replaced, location } = windowAt('http://127.0.0.1:5000/#code=abc123');
    const fetch = vi.fn(async () => {
      // By the time the code leaves the page, the address bar no longer shows it.
      expect(location.href).toBe('http://127.0.0.1:5000/');
      return new Response('{}', { status: 200 });
    });
    expect(await openHttpSession(win, fetch)).toBe('ready');
    expect(replaced).toEqual(['/']);
    expect(fetch).toHaveBeenCalledWith('/api/session', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: 'abc123' }),
    });
  });

  it('says the address was already used when the host refuses its code', async () => {
    const { win, location } = windowAt('http://127.0.0.1:5000/#code=used');
    expect(await openHttpSession(win, answer(401))).toBe('link-used');
    expect(location.hash).toBe('');
  });

  it('keeps the session it has on a reload (no code), and says when it has none', async () => {
    const reload = answer(200);
    expect(await openHttpSession(windowAt('http://127.0.0.1:5000/').win, reload)).toBe('ready');
    expect(reload).toHaveBeenCalledWith('/api/session', { credentials: 'same-origin' });
    expect(await openHttpSession(windowAt('http://127.0.0.1:5000/').win, answer(401))).toBe('no-session');
  });

  it('says the host is unreachable when it does not answer like one', async () => {
    const down = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await openHttpSession(windowAt('http://127.0.0.1:5000/#code=x').win, down)).toBe('unreachable');
    expect(await openHttpSession(windowAt('http://127.0.0.1:5000/').win, answer(502))).toBe('unreachable');
  });
});
