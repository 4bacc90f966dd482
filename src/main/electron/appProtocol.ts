import { promises as fs } from 'node:fs';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { protocol } from 'electron';
import { VAULT_FILE_HEADERS, vaultPathOfUrl, type VaultFile } from '../notebook/attachments/readVaultFile';

/** The custom scheme the built renderer is served from. */
export const APP_SCHEME = 'app';
/** The one host of that scheme; any other host is refused. */
export const APP_HOST = 'renderer';
/** The origin of the built renderer's pages; IPC and navigation checks compare against it. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page the main window opens in a built app. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Declares `app:` a standard, secure scheme with fetch support and V8's code cache (the
 * page's scripts compiled once, not at every start: compiling the first chunk is about a
 * tenth of the first screen's time, issue #15; the built scripts' names carry their hash, so
 * a cached compilation never outlives its file). Must run before the app is ready (Electron
 * throws otherwise).
 *
 * Why a custom scheme rather than `file://`: a `file://` page's origin covers the
 * whole disk (any page could fetch any file it can name), CSP `'self'` means little
 * there, and relative URLs resolve against the file system. A standard scheme gives the
 * renderer a real origin of its own, so `'self'` means "our built files" and nothing else.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** The Content-Type served for a file name; unknown kinds are opaque bytes, never sniffed. */
export function mimeTypeOf(fileName: string): string {
  return MIME_TYPES[extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL path to a file inside `rootDir`, or null when it would leave that folder.
 * Percent-decoding happens here, once, so `%2e%2e%2f` and `..%5c` cannot slip past: the
 * decoded path is resolved and must still lie inside the root. NUL bytes, backslashes
 * (a separator on Windows) and malformed escapes are refused outright. `/` maps to
 * `index.html`.
 */
export function resolveInsideRoot(rootDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const root = resolve(rootDir);
  const target = resolve(root, `.${decoded.startsWith('/') ? '' : '/'}${decoded}`);
  const inside = relative(root, target);
  if (inside === '') return join(root, 'index.html');
  if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return null;
  return target;
}

export interface AppRequestHandlerOptions {
  /** Sent as the `Content-Security-Policy` header on every response. */
  contentSecurityPolicy: string;
  /**
   * The open vault's images, served at `app://renderer/vault-file/<path>` (see
   * readVaultFile); without it that path is not found.
   */
  readVaultFile?: (path: string) => Promise<VaultFile | null>;
}

/** Where the vault's images are served, on the app's own origin. */
export const VAULT_FILE_PREFIX = '/vault-file/';

/**
 * The `app://` request handler: serves files from `rootDir` (the built renderer) and
 * nothing else. GET and HEAD only; another host, a path escaping the root (including
 * through a symbolic link), a folder or a missing file get a plain-text error response.
 * Every response carries the CSP and `X-Content-Type-Options: nosniff`.
 */
export function createAppRequestHandler(
  rootDir: string,
  options: AppRequestHandlerOptions,
): (request: Request) => Promise<Response> {
  const baseHeaders = {
    'Content-Security-Policy': options.contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    // Files change with every build; the renderer must never run yesterday's bundle.
    'Cache-Control': 'no-cache',
  };
  const fail = (status: number, text: string): Response =>
    new Response(text, { status, headers: { ...baseHeaders, 'Content-Type': 'text/plain; charset=utf-8' } });

  const realRoot = fs.realpath(resolve(rootDir)).catch(() => resolve(rootDir));

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return fail(405, 'Method not allowed');
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return fail(400, 'Bad request');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return fail(404, 'Not found');
    if (url.pathname.startsWith(VAULT_FILE_PREFIX)) {
      const path = vaultPathOfUrl(url.pathname.slice(VAULT_FILE_PREFIX.length));
      const image = path === null ? null : await options.readVaultFile?.(path);
      if (!image) return fail(404, 'Not found');
      const headers = {
        ...VAULT_FILE_HEADERS,
        'Content-Type': image.contentType,
        'Content-Length': String(image.bytes.length),
      };
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(image.bytes), { status: 200, headers });
    }
    const file = resolveInsideRoot(rootDir, url.pathname);
    if (!file) return fail(404, 'Not found');

    let body: Buffer;
    try {
      // A link inside the build could point anywhere on disk: check where it really leads.
      const [real, rootReal] = await Promise.all([fs.realpath(file), realRoot]);
      const inside = relative(rootReal, real);
      if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
        return fail(404, 'Not found');
      }
      const stats = await fs.stat(real);
      if (!stats.isFile()) return fail(404, 'Not found');
      body = await fs.readFile(real);
    } catch {
      return fail(404, 'Not found');
    }
    const headers = { ...baseHeaders, 'Content-Type': mimeTypeOf(file), 'Content-Length': String(body.length) };
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}

/**
 * Serves `rootDir` on `app://renderer/` in the default session. Call after the app is
 * ready. Returns its own cleanup, which unregisters the handler.
 */
export function handleAppProtocol(rootDir: string, options: AppRequestHandlerOptions): () => void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rootDir, options));
  return () => protocol.unhandle(APP_SCHEME);
}
