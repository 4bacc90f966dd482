import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contractSuite, openTestNotebook } from '../testing/contractSuite';
import { launchCodeOf, sessionHeaders } from '../testing/httpSession';
import { rawRequest } from '../testing/rawRequest';
import { tempDirs } from '../testing/tempDirs';
import { startHttpHost } from './startHttpHost';

/**
 * One contract suite, run against every way the contract is served: the in-process
 * dispatcher and the HTTP host. (The Electron IPC adapter is covered by its own unit
 * tests with a fake electron module, and by the e2e Electron project where the binary exists.)
 */
const dirs = tempDirs();
afterAll(() => dirs.cleanup());
const suite = contractSuite(async () => ({ service: await openTestNotebook(dirs.make(), dirs.make()) }));
const targets = suite.targets;

const TITLES = [
  'GABA Glutamate Ratio',
  'Neurochemical Balance State',
  'Neurotransmitter Balance Metrics',
  'Neurotransmitter Balance Science',
  'Optimized Neurotransmitter Balance',
];

describe.each(targets)('the contract over the $name', (target) => {
  it('lists the five glossary entries alphabetically', async () => {
    const result = await target.call('listEntries', null);
    expect(result.ok).toBe(true);
    const titles = (result as { value: { title: string }[] }).value.map((e) => e.title);
    expect(titles).toEqual(TITLES);
  });

  it('returns an entry with its definition and sections', async () => {
    const result = await target.call('getEntry', { id: 'gaba-glutamate-ratio' });
    expect(result).toMatchObject({
      ok: true,
      value: {
        id: 'gaba-glutamate-ratio',
        title: 'GABA Glutamate Ratio',
        sections: [{ heading: 'Origin' }, { heading: 'Mechanism' }],
      },
    });
  });

  it('answers not-found for an unknown entry', async () => {
    await expect(target.call('getEntry', { id: 'no-such-entry' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('refuses an unknown method', async () => {
    await expect(target.call('writeEntry', { id: 'gaba-glutamate-ratio' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'unknown-method' },
    });
  });

  it.each([
    ['a missing field', {}],
    ['a wrong type', { id: 42 }],
    ['a path', { id: '../../etc/passwd' }],
    ['an extra field', { id: 'gaba-glutamate-ratio', write: true }],
    ['a NUL byte', { id: 'gaba\u0000' }],
  ])('refuses bad arguments: %s', async (_label, args) => {
    await expect(target.call('getEntry', args)).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments' },
    });
  });

  it('stores and returns the workspace state', async () => {
    await expect(
      target.call('updateWorkspaceState', {
        patch: { lastOpened: { kind: 'entry', id: 'neurochemical-balance-state' } },
      }),
    ).resolves.toMatchObject({ ok: true, value: { lastOpened: { kind: 'entry', id: 'neurochemical-balance-state' } } });
    await expect(target.call('getWorkspaceState', null)).resolves.toMatchObject({
      ok: true,
      value: { lastOpened: { kind: 'entry', id: 'neurochemical-balance-state' } },
    });
  });

  it('refuses a workspace state naming an entry that does not exist', async () => {
    await expect(
      target.call('updateWorkspaceState', { patch: { lastOpened: { kind: 'entry', id: 'made-up' } } }),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });
});

describe('the HTTP host refuses what a browser page or another process must not do', () => {
  const call = (headers: Record<string, string>, body = JSON.stringify({ method: 'listEntries', args: null })) =>
    rawRequest(suite.host.port, { method: 'POST', path: '/api/call', headers, body });
  const good = async (): Promise<Record<string, string>> => ({
    ...(await sessionHeaders(suite.host)),
    'Content-Type': 'application/json',
  });

  it('accepts a well-formed call from a page with a session', async () => {
    expect((await call(await good())).status).toBe(200);
  });

  it('refuses a call without a session, with a made-up one, or with the old bearer token scheme', async () => {
    const { Cookie: cookie, ...noSession } = await good();
    const name = cookie!.slice(0, cookie!.indexOf('='));
    for (const headers of [
      noSession,
      { ...noSession, Cookie: `${name}=${'x'.repeat(43)}` },
      { ...noSession, Cookie: `${name}=` },
      { ...noSession, Cookie: `study-notebook-session-1=${cookie!.slice(name.length + 1)}` },
      { ...noSession, Authorization: `Bearer ${launchCodeOf(suite.host.url)}` },
    ]) {
      const res = await call(headers);
      expect(res.status).toBe(401);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const res = await call({ ...(await good()), Host: `evil.example:${suite.host.port}` });
    expect(res.status).toBe(421);
    expect((await call({ ...(await good()), Host: '127.0.0.1:1' })).status).toBe(421);
  });

  it('refuses a foreign Origin and never sends CORS headers', async () => {
    const res = await call({ ...(await good()), Origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    const ok = await call({ ...(await good()), Origin: `http://127.0.0.1:${suite.host.port}` });
    expect(ok.status).toBe(200);
    expect(ok.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses API requests a browser marks as coming from another page, even on 127.0.0.1', async () => {
    for (const site of ['cross-site', 'same-site', 'none']) {
      expect((await call({ ...(await good()), 'Sec-Fetch-Site': site })).status).toBe(403);
    }
    expect((await call({ ...(await good()), 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
  });

  it('answers invalid JSON and a non-object body with 400 and a message', async () => {
    const bad = await call(await good(), '{"method": ');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { message: 'The body is not valid JSON.' } });
    expect((await call(await good(), '[1,2]')).status).toBe(400);
  });

  it('answers an unknown method with 404 and bad arguments with 400', async () => {
    expect((await call(await good(), JSON.stringify({ method: 'nope', args: null }))).status).toBe(404);
    expect((await call(await good(), JSON.stringify({ method: 'getEntry', args: { id: 7 } }))).status).toBe(400);
  });

  it('refuses a body over the size limit with 413', async () => {
    const small = await startHttpHost({ service: suite.service, rendererDir: dirs.make(), maxBodyBytes: 1024 });
    try {
      const res = await rawRequest(small.port, {
        method: 'POST',
        path: '/api/call',
        headers: { ...(await sessionHeaders(small)), 'Content-Type': 'application/json' },
        body: JSON.stringify({ method: 'listEntries', args: { pad: 'x'.repeat(4096) } }),
      });
      expect(res.status).toBe(413);
    } finally {
      await small.close();
    }
  });

  it('requires POST with a JSON content type', async () => {
    expect((await rawRequest(suite.host.port, { path: '/api/call', headers: await good() })).status).toBe(405);
    expect((await call({ ...(await good()), 'Content-Type': 'text/plain' })).status).toBe(415);
  });

  it('requires a session on the event stream', async () => {
    const res = await rawRequest(suite.host.port, {
      path: '/api/events',
      headers: { Host: `127.0.0.1:${suite.host.port}` },
    });
    expect(res.status).toBe(401);
  });

  it('refuses to open /etc, the home folder or any folder the user did not name, with 403', async () => {
    for (const path of ['/etc', homedir(), '~', join(tmpdir(), 'sn-never-chosen')]) {
      const res = await call(await good(), JSON.stringify({ method: 'openVault', args: { path } }));
      expect(res.status).toBe(403);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const info = JSON.parse((await call(await good(), JSON.stringify({ method: 'getAppInfo', args: null }))).body);
    expect(info.value.vaultPath).toBe((await suite.service.getAppInfo()).vaultPath);
  });

  it('binds to the loopback address only, and its address carries a launch code, never a token', () => {
    expect(suite.host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#code=[\w-]{32}$/);
  });
});
