import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '@shared/security/contentSecurityPolicy';
import { openNotebook, type NotebookService } from '../notebook/openNotebook';
import { rawRequest } from '../testing/rawRequest';
import { SHIPPED_GLOSSARY, tempDirs } from '../testing/tempDirs';
import { resolveInside } from './serveStaticFile';
import { startHttpHost, type HttpHost } from './startHttpHost';

describe('resolveInside', () => {
  it('maps paths below the root', () => {
    expect(resolveInside('/srv/ui', '/assets/app.js')).toBe('/srv/ui/assets/app.js');
  });

  it.each([
    '/../secret',
    '/assets/../../secret',
    '/%2e%2e/secret',
    '/..%2fsecret',
    '/a\\..\\b',
    '/x%00.js',
    '/%E0%A4%A',
  ])('refuses %s', (path) => {
    expect(resolveInside('/srv/ui', path)).toBeUndefined();
  });
});

describe('the HTTP host serves the built UI', () => {
  const dirs = tempDirs();
  let service: NotebookService;
  let host: HttpHost;
  let root: string;
  const get = (path: string) => rawRequest(host.port, { path, headers: { Host: `127.0.0.1:${host.port}` } });

  beforeAll(async () => {
    const parent = dirs.make();
    root = join(parent, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>ui</title>');
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(parent, 'secret.txt'), 'do not serve');
    service = await openNotebook({
      vaultPath: dirs.make(),
      glossaryDir: SHIPPED_GLOSSARY,
      stateDir: dirs.make(),
      host: 'web',
      appVersion: '0',
    });
    host = await startHttpHost({ service, rendererDir: root });
  });

  afterAll(async () => {
    await host.close();
    await service.close();
    dirs.cleanup();
  });

  it('serves index.html at / with the strict CSP and hardening headers', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>ui</title>');
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
  });

  it('serves assets with their MIME type', async () => {
    const res = await get('/assets/app.js');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/javascript');
  });

  it('serves a file as it is now after it changed on disk (a rebuild), though it keeps read files in memory', async () => {
    const file = join(root, 'assets', 'changing.js');
    writeFileSync(file, 'console.log("first")');
    expect((await get('/assets/changing.js')).body).toBe('console.log("first")');
    expect((await get('/assets/changing.js')).body).toBe('console.log("first")');
    // Same size, later modification time.
    writeFileSync(file, 'console.log("again")');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect((await get('/assets/changing.js')).body).toBe('console.log("again")');
    writeFileSync(file, 'console.log("a longer one")');
    const res = await get('/assets/changing.js');
    expect(res.body).toBe('console.log("a longer one")');
    expect(res.headers['content-length']).toBe(String('console.log("a longer one")'.length));
    rmSync(file);
    expect((await get('/assets/changing.js')).status).toBe(404);
  });

  it('never serves files outside the UI folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt']) {
      const res = await get(path);
      expect(res.status).toBe(404);
      expect(res.body).not.toContain('do not serve');
    }
  });

  it('refuses other methods on static files', async () => {
    const res = await rawRequest(host.port, {
      method: 'DELETE',
      path: '/',
      headers: { Host: `127.0.0.1:${host.port}` },
    });
    expect(res.status).toBe(405);
  });
});
