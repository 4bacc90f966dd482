import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  createAppRequestHandler,
  handleAppProtocol,
  mimeTypeOf,
  registerAppScheme,
  resolveInsideRoot,
} from './appProtocol';
import { fakeElectron, resetFakeElectron } from './testing/fakeElectron';

vi.mock('electron', async () => (await import('./testing/fakeElectron')).fakeElectron);

const CSP = "default-src 'none'; script-src 'self'";
let sandbox: string;
let root: string;

beforeAll(() => {
  sandbox = mkdtempSync(join(tmpdir(), 'app-protocol-'));
  root = join(sandbox, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Study Notebook</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(root, 'assets', 'font.woff2'), 'woff');
  writeFileSync(join(root, 'assets', 'with space.svg'), '<svg/>');
  writeFileSync(join(sandbox, 'secret.txt'), 'do not serve');
  mkdirSync(join(sandbox, 'renderer-evil'));
  writeFileSync(join(sandbox, 'renderer-evil', 'x.js'), 'evil');
  symlinkSync(join(sandbox, 'secret.txt'), join(root, 'assets', 'link.txt'));
});

afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

describe('resolveInsideRoot', () => {
  it.each([
    '/../secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/assets%5c..%5c..%5csecret.txt',
    '/../renderer-evil/x.js',
    '/%2e%2e/renderer-evil/x.js',
    '/index.html%00.js',
    '/%E0%A4%A',
    '//etc/passwd/../../../etc/passwd',
  ])('refuses %s', (path) => {
    expect(resolveInsideRoot(root, path)).toBeNull();
  });

  it('maps / to index.html and keeps ordinary paths inside the root', () => {
    expect(resolveInsideRoot(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveInsideRoot(root, '/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveInsideRoot(root, '/assets/with%20space.svg')).toBe(join(root, 'assets', 'with space.svg'));
  });

  it('refuses escapes that would still look like a sibling folder prefix', () => {
    expect(resolveInsideRoot(root, '/%2e%2e/renderer-evil/x.js')).toBeNull();
  });
});

describe('mimeTypeOf', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.JS', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['a.woff2', 'font/woff2'],
    ['a.unknown', 'application/octet-stream'],
    ['noextension', 'application/octet-stream'],
  ])('%s is %s', (file, type) => {
    expect(mimeTypeOf(file)).toBe(type);
  });
});

describe('createAppRequestHandler', () => {
  const handler = () => createAppRequestHandler(root, { contentSecurityPolicy: CSP });
  const get = (url: string, method = 'GET') => handler()(new Request(url, { method }));

  it('serves index.html with its type, the CSP and nosniff', async () => {
    const response = await get(APP_ENTRY_URL);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Study Notebook</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves scripts and styles with the right MIME types', async () => {
    const script = await get(`${APP_ORIGIN}/assets/index-abc.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const style = await get(`${APP_ORIGIN}/assets/index-abc.css`);
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('serves / as index.html', async () => {
    const response = await get(`${APP_ORIGIN}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it.each([
    `${APP_ORIGIN}/..%2fsecret.txt`,
    `${APP_ORIGIN}/%2e%2e%2fsecret.txt`,
    `${APP_ORIGIN}/assets/..%2f..%2fsecret.txt`,
    `${APP_ORIGIN}/..%5csecret.txt`,
    `${APP_ORIGIN}/%2e%2e/renderer-evil/x.js`,
  ])('refuses the escape %s with a 404 and no file content', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('do not serve');
    expect(response.headers.get('content-security-policy')).toBe(CSP);
  });

  it('refuses a symbolic link that leads out of the build', async () => {
    const response = await get(`${APP_ORIGIN}/assets/link.txt`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('do not serve');
  });

  it('answers 404 for missing files, folders and other hosts', async () => {
    expect((await get(`${APP_ORIGIN}/missing.js`)).status).toBe(404);
    expect((await get(`${APP_ORIGIN}/assets/`)).status).toBe(404);
    expect((await get('app://elsewhere/index.html')).status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get(APP_ENTRY_URL, 'POST')).status).toBe(405);
    const head = await get(APP_ENTRY_URL, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('app scheme registration', () => {
  beforeEach(() => {
    resetFakeElectron();
  });

  it('declares app: standard, secure and fetch-capable', () => {
    registerAppScheme();
    expect(fakeElectron.protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
  });

  it('handleAppProtocol installs the handler and its cleanup removes it', async () => {
    await fakeElectron.app.becomeReady();
    const release = handleAppProtocol(root, { contentSecurityPolicy: CSP });
    const handler = fakeElectron.protocol.handlers.get('app');
    expect(handler).toBeTypeOf('function');
    const response = await handler?.(new Request(APP_ENTRY_URL));
    expect(response?.status).toBe(200);
    release();
    expect(fakeElectron.protocol.handlers.has('app')).toBe(false);
  });
});

describe('vault files on app://', () => {
  it('serves what readVaultFile gives, with the sandbox CSP and nosniff, and 404s bad paths', async () => {
    const asked: string[] = [];
    const handler = createAppRequestHandler(root, {
      contentSecurityPolicy: CSP,
      readVaultFile: async (path) => {
        asked.push(path);
        return path === 'sub/x y.png' ? { bytes: Buffer.from('png'), contentType: 'image/png' } : null;
      },
    });
    const ok = await handler(new Request('app://renderer/vault-file/sub/x%20y.png'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('image/png');
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
    expect(ok.headers.get('content-security-policy')).toMatch(/^sandbox; default-src 'none'/);
    for (const path of ['..%2f..%2fetc%2fpasswd', '.obsidian/app.json', 'missing.png'])
      expect((await handler(new Request(`app://renderer/vault-file/${path}`))).status, path).toBe(404);
    expect(asked).toEqual(['sub/x y.png', 'missing.png']);
  });
});
