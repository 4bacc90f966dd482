import { createReadStream, promises as fs } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, relative, resolve, sep } from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json; charset=utf-8',
};

/**
 * The UI's files as last read, by path: the page's first script (≈350 kB) is then one write
 * from memory instead of a stream of 64 kB reads, each waiting for a turn of a server that
 * may be busy loading a large reference pack (issue #15: the glossary's first render). A
 * file is used only while its size and modification time are those it was read with.
 */
const heldFiles = new Map<string, { size: number; mtimeMs: number; bytes: Buffer }>();
let heldBytes = 0;
/** Larger files (KaTeX's fonts are ≈60 kB, the largest chunk ≈400 kB) are streamed. */
const MAX_HELD_FILE = 2 * 1024 * 1024;
/** All of the built UI fits (≈2.5 MB); a bound all the same. */
const MAX_HELD_BYTES = 32 * 1024 * 1024;

function heldCopy(file: string, stat: { size: number; mtimeMs: number }): Buffer | undefined {
  const entry = heldFiles.get(file);
  return entry && entry.size === stat.size && entry.mtimeMs === stat.mtimeMs ? entry.bytes : undefined;
}

function hold(file: string, stat: { size: number; mtimeMs: number }, bytes: Buffer): void {
  const previous = heldFiles.get(file);
  if (previous) heldBytes -= previous.bytes.length;
  heldFiles.delete(file);
  if (heldBytes + bytes.length > MAX_HELD_BYTES) return;
  heldFiles.set(file, { size: stat.size, mtimeMs: stat.mtimeMs, bytes });
  heldBytes += bytes.length;
}

/**
 * Serves one file of the built UI. Only files inside `root` are ever read: the decoded
 * path is resolved and must stay below the root, so `..`, encoded slashes and absolute
 * paths all end in a 404. `/` serves index.html.
 */
export async function serveStaticFile(
  req: IncomingMessage,
  res: ServerResponse,
  root: string,
  pathname: string,
): Promise<void> {
  const file = resolveInside(root, pathname === '/' ? '/index.html' : pathname);
  const type = file ? MIME[extname(file).toLowerCase()] : undefined;
  const stat = file && type ? await fs.stat(file).catch(() => undefined) : undefined;
  if (!file || !type || !stat?.isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...closeUnlessBodyRead(req) });
    res.end('Not found.');
    return;
  }
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': stat.size,
    // Hashed asset names can be cached; index.html must always be fresh.
    'Cache-Control': file.endsWith('.html') ? 'no-store' : 'public, max-age=31536000, immutable',
    ...closeUnlessBodyRead(req),
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const held = heldCopy(file, stat);
  if (held) {
    res.end(held);
    return;
  }
  if (stat.size <= MAX_HELD_FILE) {
    const bytes = await fs.readFile(file);
    // Changed between the stat and the read (a rebuild): sent as read, held only if it matches.
    if (bytes.length === stat.size) hold(file, stat, bytes);
    res.end(bytes);
    return;
  }
  createReadStream(file).pipe(res);
}

/**
 * `Connection: close` for an answer given before the whole request body arrived (a
 * refusal, or a page requested with a body): otherwise Node reads and discards the rest of
 * the body to reuse the connection, so any local process could make the host read
 * gigabytes after a 401. Closing stops the reading once the answer is sent.
 */
export function closeUnlessBodyRead(req: IncomingMessage): { Connection: 'close' } | Record<string, never> {
  return req.complete ? {} : { Connection: 'close' };
}

/** Maps a URL path to a file below root, or undefined if it would escape it. */
export function resolveInside(root: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const base = resolve(root);
  const target = resolve(join(base, decoded));
  const rel = relative(base, target);
  if (rel === '' || rel.startsWith('..') || rel.startsWith(sep) || resolve(base, rel) !== target) return undefined;
  return target;
}
