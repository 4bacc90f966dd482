import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNotebook, type NotebookService } from '../notebook/openNotebook';
import { exchangeLaunchCode, launchCodeOf, sessionHeaders } from '../testing/httpSession';
import { rawRequest } from '../testing/rawRequest';
import { SHIPPED_GLOSSARY, tempDirs } from '../testing/tempDirs';
import { sessionCookieName } from './sessionCookie';
import { startHttpHost, type HttpHost } from './startHttpHost';

const dirs = tempDirs();
let service: NotebookService;
let host: HttpHost;
/** The same service with a 1 MiB body limit. */
let small: HttpHost;
let vaultPath: string;

beforeAll(async () => {
  const base = dirs.make('http-host-');
  vaultPath = join(base, 'vault');
  const rendererDir = join(base, 'renderer');
  mkdirSync(vaultPath);
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>ui</title>');
  symlinkSync('loop.js', join(rendererDir, 'assets', 'loop.js'));
  service = await openNotebook(
    { vaultPath, glossaryDir: SHIPPED_GLOSSARY, stateDir: join(base, 'state'), host: 'web', appVersion: '0' },
    { watch: { pollIntervalMs: 0 }, log: () => undefined },
  );
  host = await startHttpHost({ service, rendererDir });
  small = await startHttpHost({ service, rendererDir, maxBodyBytes: 1024 * 1024 });
});

afterAll(async () => {
  await host?.close();
  await small?.close();
  await service?.close();
  dirs.cleanup();
});

const hostHeader = () => ({ Host: `127.0.0.1:${host.port}` });

/** `headers` plus the session cookie of a signed-in page on `target` (no Host: sendLargeBody adds it). */
async function session(target: HttpHost, headers: Record<string, string>): Promise<Record<string, string>> {
  const { Host: _host, ...signedIn } = await sessionHeaders(target);
  return { ...signedIn, ...headers };
}

describe('the launch code', () => {
  it('is traded once for a session cookie: HttpOnly, SameSite=Strict, named for the port, gone with the browser', async () => {
    const other = await startHttpHost({ service, rendererDir: dirs.make() });
    try {
      const code = launchCodeOf(other.url);
      const res = await rawRequest(other.port, {
        method: 'POST',
        path: '/api/session',
        headers: { Host: `127.0.0.1:${other.port}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ code }),
      });
      expect(res.status).toBe(200);
      const [cookie] = res.headers['set-cookie'] as string[];
      expect(cookie).toMatch(
        new RegExp(`^${sessionCookieName(other.port)}=[\\w-]{43}; Path=/; HttpOnly; SameSite=Strict$`),
      );
      // The session is not the code: the address never becomes a credential.
      expect(cookie).not.toContain(code);

      const session = cookie!.slice(0, cookie!.indexOf(';'));
      const check = (headers: Record<string, string>) =>
        rawRequest(other.port, { path: '/api/session', headers: { Host: `127.0.0.1:${other.port}`, ...headers } });
      expect((await check({ Cookie: session })).status).toBe(200);
      expect((await check({})).status).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('opens nothing the second time: the same address, found in history, is refused with a message', async () => {
    const other = await startHttpHost({ service, rendererDir: dirs.make() });
    try {
      const code = launchCodeOf(other.url);
      await exchangeLaunchCode(other.port, code);
      const again = await rawRequest(other.port, {
        method: 'POST',
        path: '/api/session',
        headers: { Host: `127.0.0.1:${other.port}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ code }),
      });
      expect(again.status).toBe(401);
      expect(again.headers['set-cookie']).toBeUndefined();
      expect(JSON.parse(again.body)).toMatchObject({
        ok: false,
        error: { code: 'forbidden', message: expect.stringMatching(/already used/) },
      });
    } finally {
      await other.close();
    }
  });

  it('refuses a wrong code, and an unused code once a newer address was printed', async () => {
    const other = await startHttpHost({ service, rendererDir: dirs.make() });
    try {
      const first = launchCodeOf(other.url);
      await expect(exchangeLaunchCode(other.port, 'x'.repeat(first.length))).rejects.toThrow(/401/);
      await expect(exchangeLaunchCode(other.port, '')).rejects.toThrow(/401/);
      const second = launchCodeOf(other.newLaunchUrl());
      await expect(exchangeLaunchCode(other.port, first)).rejects.toThrow(/401/);
      await expect(exchangeLaunchCode(other.port, second)).resolves.toMatch(/^study-notebook-session-\d+=/);
    } finally {
      await other.close();
    }
  });
});

interface LargeBodyOutcome {
  /** The status line's code of the answer, 0 when none came. */
  status: number;
  /** Bytes of the body the client got onto the wire before the server hung up. */
  sent: number;
  /** Whether the server closed the connection. */
  closed: boolean;
}

const LARGE_BODY = 200 * 1024 * 1024;

/**
 * Sends a request head declaring (or chunking) a 200 MB body and pushes the body as fast
 * as the server takes it, until the server hangs up or everything is sent (then waits up to
 * 2 s for the server to hang up).
 */
function sendLargeBody(port: number, head: Record<string, string>, path: string): Promise<LargeBodyOutcome> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let response = '';
    let closed = false;
    let timer: NodeJS.Timeout | undefined;
    const chunk = Buffer.alloc(1024 * 1024, 'x');
    const chunked = head['Transfer-Encoding'] === 'chunked';
    const finish = () => {
      clearTimeout(timer);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0);
      resolve({ status, sent: socket.bytesWritten, closed });
      socket.destroy();
    };
    socket.on('data', (data: Buffer) => (response += data.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      closed = true;
      finish();
    });
    socket.on('connect', async () => {
      const lines = Object.entries({ Host: `127.0.0.1:${port}`, ...head }).map(([k, v]) => `${k}: ${v}`);
      socket.write(`POST ${path} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`);
      for (let sent = 0; sent < LARGE_BODY && !closed && !socket.destroyed; sent += chunk.length) {
        const ok = chunked
          ? socket.write(`${chunk.length.toString(16)}\r\n`) && socket.write(chunk)
          : socket.write(chunk);
        if (chunked) socket.write('\r\n');
        if (!ok) {
          await new Promise<void>((next) => {
            socket.once('drain', next);
            socket.once('close', next);
          });
        }
      }
      if (!closed) timer = setTimeout(finish, 2000);
    });
  });
}

describe('an answer given before the body is read', () => {
  const json = { 'Content-Type': 'application/json', 'Content-Length': String(LARGE_BODY) };

  it.each([
    ['421 for a foreign Host', () => host, () => ({ ...json, Host: 'evil.example' }), '/api/call', 421],
    ['401 without a session', () => host, () => ({ ...json }), '/api/call', 401],
    ['401 for a batch without a session', () => host, () => ({ ...json }), '/api/calls', 401],
    ['403 from a foreign origin', () => host, () => ({ ...json, Origin: 'https://evil.example' }), '/api/call', 403],
    ['404 for an unknown endpoint', () => host, () => ({ ...json }), '/api/nope', 404],
    ['405 for the UI', () => host, () => ({ ...json }), '/index.html', 405],
    ['413 for a declared length over the limit', () => host, () => session(host, json), '/api/call', 413],
    ['413 for a batch over the limit', () => host, () => session(host, json), '/api/calls', 413],
    [
      '413 for chunks that pass the limit',
      () => small,
      () => session(small, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' }),
      '/api/call',
      413,
    ],
    [
      '415 for a body that is not JSON',
      () => host,
      () => session(host, { ...json, 'Content-Type': 'text/plain' }),
      '/api/call',
      415,
    ],
  ])(
    'closes the connection instead of reading a 200 MB body: %s',
    async (_label, target, headers, path, status) => {
      const outcome = await sendLargeBody(target().port, await headers(), path);
      expect(outcome.status).toBe(status);
      expect(outcome.closed).toBe(true);
      // What the sockets' buffers held when the server hung up, not the body.
      expect(outcome.sent).toBeLessThan(LARGE_BODY / 8);
    },
    30_000,
  );

  it('keeps the connection for the next call once a whole body was read', async () => {
    const res = await rawRequest(host.port, {
      method: 'POST',
      path: '/api/call',
      headers: { ...(await sessionHeaders(host)), 'Content-Type': 'application/json' },
      body: '{"method": ',
    });
    expect(res.status).toBe(400);
    expect(res.headers.connection).toBe('keep-alive');
  });
});

describe('a batch of calls (POST /api/calls)', () => {
  const post = async (body: string) => {
    const res = await rawRequest(host.port, {
      method: 'POST',
      path: '/api/calls',
      headers: { ...(await sessionHeaders(host)), 'Content-Type': 'application/json' },
      body,
    });
    return { status: res.status, answer: JSON.parse(res.body) as unknown };
  };

  it('answers each call as /api/call would, in order, one failing never affecting the others', async () => {
    writeFileSync(join(vaultPath, 'Batch.md'), '# Batch\n\nText.\n');
    const { status, answer } = await post(
      JSON.stringify({
        calls: [
          { method: 'readNote', args: { path: 'Batch.md' } },
          { method: 'noSuchMethod', args: null },
          { method: 'readNote', args: { path: '../outside.md' } },
          'not a call',
          { method: 'listDrafts', args: null },
        ],
      }),
    );
    expect(status).toBe(200);
    const envelopes = (answer as { envelopes: Array<{ ok: boolean; value?: unknown; error?: { code: string } }> })
      .envelopes;
    expect(envelopes).toHaveLength(5);
    expect(envelopes[0]).toMatchObject({ ok: true, value: { path: 'Batch.md', content: '# Batch\n\nText.\n' } });
    expect(envelopes[1]).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(envelopes[2]).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(envelopes[3]).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(envelopes[4]).toEqual({ ok: true, value: [] });
  });

  it.each([
    ['no list', '{}'],
    ['an empty list', '{"calls": []}'],
    ['more than 32 calls', JSON.stringify({ calls: Array.from({ length: 33 }, () => ({ method: 'listDrafts' })) })],
    ['a list that is not one', '{"calls": {"method": "listDrafts"}}'],
  ])('refuses %s with a message', async (_label, body) => {
    const { status, answer } = await post(body);
    expect(status).toBe(400);
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments', message: expect.stringMatching(/1 to 32 calls/) },
    });
  });
});

describe('a host started while its notebook opens', () => {
  const callOn = async (target: HttpHost, method: string) => {
    const res = await rawRequest(target.port, {
      method: 'POST',
      path: '/api/call',
      headers: { ...(await sessionHeaders(target)), 'Content-Type': 'application/json' },
      body: JSON.stringify({ method, args: null }),
    });
    return { status: res.status, answer: JSON.parse(res.body) as unknown };
  };

  it('serves the page at once, and answers calls made meanwhile once the notebook is open', async () => {
    let open: (service: NotebookService) => void = () => undefined;
    const opening = new Promise<NotebookService>((resolve) => (open = resolve));
    const early = await startHttpHost({ service: opening, rendererDir: dirs.make() });
    try {
      const page = await rawRequest(early.port, { path: '/', headers: { Host: `127.0.0.1:${early.port}` } });
      expect(page.status).toBe(404); // an empty UI folder: served (or not) without waiting
      let answered = false;
      const waiting = callOn(early, 'getAppInfo').then((result) => {
        answered = true;
        return result;
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(answered).toBe(false);
      open(service);
      expect(await waiting).toMatchObject({ status: 200, answer: { ok: true, value: { vaultPath } } });
    } finally {
      await early.close();
    }
  });

  it('answers every call with the reason when the notebook could not open', async () => {
    const failed = await startHttpHost({
      service: Promise.reject(new Error('The vault folder cannot be read: /nowhere')),
      rendererDir: dirs.make(),
    });
    try {
      const { status, answer } = await callOn(failed, 'listNotes');
      expect(status).toBeGreaterThanOrEqual(500);
      expect(answer).toEqual({
        ok: false,
        error: {
          code: 'io-failure',
          message: 'Study Notebook could not open the notebook: The vault folder cannot be read: /nowhere',
        },
      });
    } finally {
      await failed.close();
    }
  });
});

describe('a loop of symbolic links', () => {
  it('is answered 400 when a note is one, and 404 when a file of the UI is one, never 500', async () => {
    symlinkSync('Loop.md', join(vaultPath, 'Loop.md'));
    symlinkSync('Cycle', join(vaultPath, 'Cycle'));
    const call = async (method: string, args: unknown) =>
      rawRequest(host.port, {
        method: 'POST',
        path: '/api/call',
        headers: { ...(await sessionHeaders(host)), 'Content-Type': 'application/json' },
        body: JSON.stringify({ method, args }),
      });
    for (const [method, args] of [
      ['readNote', { path: 'Loop.md' }],
      ['readNote', { path: 'Cycle/Note.md' }],
      ['saveNote', { path: 'Cycle/Note.md', content: 'x', baseVersion: null }],
      ['createNote', { title: 'x', folder: 'Cycle' }],
    ] as const) {
      const res = await call(method, args);
      expect(res.status, `${method} ${JSON.stringify(args)}`).toBe(400);
      expect(JSON.parse(res.body)).toMatchObject({
        error: { message: expect.stringMatching(/loop of symbolic links/) },
      });
    }
    expect((await call('listNotes', null)).status).toBe(200);
    expect((await rawRequest(host.port, { path: '/assets/loop.js', headers: hostHeader() })).status).toBe(404);
  });
});

describe('vault files', () => {
  it('serves an image of the vault to the signed-in page only, never sniffed and sandboxed', async () => {
    mkdirSync(join(vaultPath, 'img'), { recursive: true });
    writeFileSync(
      join(vaultPath, 'img', 'a b.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    );
    writeFileSync(join(vaultPath, 'img', 'page.png'), '<!doctype html><script>alert(1)</script>');
    const get = async (path: string, headers: Record<string, string>) =>
      rawRequest(host.port, { path, headers: { ...hostHeader(), ...headers } });
    const signedIn = await session(host, {});
    const ok = await get('/vault-file/img/a%20b.svg', signedIn);
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toBe('image/svg+xml');
    expect(ok.headers['x-content-type-options']).toBe('nosniff');
    expect(ok.headers['content-security-policy']).toMatch(/^sandbox; default-src 'none'/);
    expect((await get('/vault-file/img/a%20b.svg', {})).status).toBe(403);
    expect((await get('/vault-file/img/a%20b.svg', { ...signedIn, 'Sec-Fetch-Site': 'same-site' })).status).toBe(403);
    for (const path of [
      '/vault-file/img/page.png',
      '/vault-file/..%2f..%2fetc%2fpasswd',
      '/vault-file/.obsidian/app.json',
    ])
      expect((await get(path, signedIn)).status, path).toBe(404);
  });
});
