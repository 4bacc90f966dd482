import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dispatchWhenOpen } from '@shared/api/dispatchWhenOpen';
import type { Envelope } from '@shared/api/envelope';
import { CONTENT_SECURITY_POLICY } from '@shared/security/contentSecurityPolicy';
import { VAULT_FILE_HEADERS, vaultPathOfUrl } from '../notebook/attachments/readVaultFile';
import { createReadStream } from 'node:fs';
import type { NotebookService } from '../notebook/openNotebook';
import { LaunchSessions } from './launchSessions';
import { cookieValues, sessionCookie, sessionCookieName } from './sessionCookie';
import { closeUnlessBodyRead, serveStaticFile } from './serveStaticFile';

export interface HttpHostOptions {
  /**
   * The notebook, or its opening: the host listens (and serves the page) at once, and calls
   * made before the notebook is open wait for it, so the page loads while a large reference
   * pack does (issue #15: start-up). If it fails to open, every call answers why.
   */
  service: NotebookService | Promise<NotebookService>;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Largest accepted request body in bytes. Default 64 MiB (a note is at most 50 MB). */
  maxBodyBytes?: number;
  onInternalError?: (method: string, error: unknown) => void;
}

export interface HttpHost {
  /**
   * The address to open: it carries a one-time launch code (in the fragment, so it never
   * reaches a request line, a log or a Referer header) that the page trades for a session.
   */
  url: string;
  port: number;
  /** A new address to open (e.g. in another browser); the earlier one stops working if unused. */
  newLaunchUrl(): string;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';
/** The launch-code exchange carries one short JSON object. */
const MAX_SESSION_BODY = 1024;
/**
 * The most calls one POST /api/calls may carry: the page batches the calls it makes in one
 * go (its first screen's, see httpCall's batching), a handful, never an unbounded list.
 */
export const MAX_BATCH_CALLS = 32;

/**
 * Serves the NotebookApi contract and the built UI over HTTP on 127.0.0.1 only.
 *
 * Defences (it is reachable by every local process and by web pages via the browser):
 * - the printed address carries a one-time launch code, which the page trades for a
 *   session held in an HttpOnly, SameSite=Strict cookie (see LaunchSessions); every API
 *   call and event stream needs that session, so an address found later in the browser's
 *   history opens nothing;
 * - the Host header must name this loopback address (DNS-rebinding defence), an Origin
 *   header, when present, must be this origin, and API requests a browser marks as sent
 *   from another origin or site (Sec-Fetch-Site) are refused;
 * - no CORS headers are ever sent, so other origins cannot read responses;
 * - bodies are size-limited; an answer given before the body was read (a refusal) closes
 *   the connection, so a refused request's body is never read; malformed JSON and bad
 *   calls get a 4xx with a message.
 */
export async function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const maxBody = options.maxBodyBytes ?? 64 * 1024 * 1024;
  const { ready, call } = dispatchWhenOpen(options.service, { onInternalError: options.onInternalError });
  /** The notebook once open, or null if it could not be. */
  const openService = async () => {
    const state = await ready;
    return 'service' in state ? state.service : null;
  };
  const sessions = new LaunchSessions();
  const eventStreams = new Set<ServerResponse>();
  let port = 0;

  const allowedHosts = () => new Set([`${LOOPBACK}:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://${LOOPBACK}:${port}`, `http://localhost:${port}`]);
  const hasSession = (req: IncomingMessage) => sessions.isSession(cookieValues(req.headers, sessionCookieName(port)));

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.onInternalError?.('http', error);
      if (!res.headersSent) sendJson(res, 500, failure('internal', 'The request could not be handled.'));
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setCommonHeaders(res);
    if (!allowedHosts().has(req.headers.host ?? '')) {
      return sendText(res, 421, 'This server only answers requests addressed to its own loopback address.');
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin)) {
      return sendText(res, 403, 'Requests from other origins are refused.');
    }
    const url = new URL(req.url ?? '/', `http://${LOOPBACK}:${port}`);

    if (url.pathname.startsWith('/api/')) {
      // Browsers say where a request comes from; only this page's own requests reach the API
      // (a page on another 127.0.0.1 port is "same-site", so SameSite alone would let it in).
      const site = req.headers['sec-fetch-site'];
      if (site !== undefined && site !== 'same-origin') {
        return sendJson(res, 403, failure('forbidden', 'Requests from other pages are refused.'));
      }
    }

    if (url.pathname === '/api/session') {
      if (req.method === 'GET') {
        return hasSession(req)
          ? sendJson(res, 200, { ok: true, value: null })
          : sendJson(res, 401, failure('forbidden', NO_SESSION));
      }
      if (req.method !== 'POST') return sendText(res, 405, 'Use GET or POST.', { Allow: 'GET, POST' });
      const request = await readJsonCall(req, res, MAX_SESSION_BODY);
      if (!request) return;
      const code = (request as { code?: unknown }).code;
      const session = typeof code === 'string' ? sessions.exchange(code) : null;
      if (!session) return sendJson(res, 401, failure('forbidden', USED_LINK));
      return sendJson(res, 200, { ok: true, value: null }, { 'Set-Cookie': sessionCookie(port, session) });
    }

    if (url.pathname === '/api/call') {
      if (req.method !== 'POST') return sendText(res, 405, 'Use POST.', { Allow: 'POST' });
      if (!hasSession(req)) return sendJson(res, 401, failure('forbidden', NO_SESSION));
      const request = await readJsonCall(req, res, maxBody);
      if (!request) return;
      const { method, args } = request as { method?: unknown; args?: unknown };
      const envelope = await call(method, args);
      const status = envelope.ok ? 200 : statusFor(envelope.error.code);
      return sendJson(res, status, envelope);
    }

    if (url.pathname === '/api/calls') {
      if (req.method !== 'POST') return sendText(res, 405, 'Use POST.', { Allow: 'POST' });
      if (!hasSession(req)) return sendJson(res, 401, failure('forbidden', NO_SESSION));
      const request = await readJsonCall(req, res, maxBody);
      if (!request) return;
      const calls = (request as { calls?: unknown }).calls;
      if (!Array.isArray(calls) || calls.length === 0 || calls.length > MAX_BATCH_CALLS) {
        return sendJson(
          res,
          400,
          failure('invalid-arguments', `calls must be a list of 1 to ${MAX_BATCH_CALLS} calls ({ method, args }).`),
        );
      }
      // Each call is answered exactly as /api/call answers it (validated by the dispatcher),
      // concurrently, as separate requests would be; one failing never affects the others.
      const envelopes = await Promise.all(
        calls.map((one: unknown) =>
          typeof one === 'object' && one !== null && !Array.isArray(one)
            ? call((one as { method?: unknown }).method, (one as { args?: unknown }).args)
            : failure('invalid-arguments', 'Each call must be an object { method, args }.'),
        ),
      );
      return sendJson(res, 200, { envelopes });
    }

    if (url.pathname === '/api/events') {
      if (req.method !== 'GET') return sendText(res, 405, 'Use GET.', { Allow: 'GET' });
      if (!hasSession(req)) return sendText(res, 401, NO_SESSION);
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      eventStreams.add(res);
      req.on('close', () => eventStreams.delete(res));
      return;
    }

    if (url.pathname.startsWith(VAULT_FILE_PREFIX)) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Use GET.', { Allow: 'GET, HEAD' });
      // Only this page's own <img> requests, with its session: no other page can read the vault.
      const site = req.headers['sec-fetch-site'];
      if ((site !== undefined && site !== 'same-origin') || !hasSession(req)) return sendText(res, 403, 'Forbidden.');
      const path = vaultPathOfUrl(url.pathname.slice(VAULT_FILE_PREFIX.length));
      const file = path === null ? null : await (await openService())?.readVaultFile(path);
      if (!file) return sendText(res, 404, 'Not found.');
      res.writeHead(200, {
        ...VAULT_FILE_HEADERS,
        'Content-Type': file.contentType,
        'Content-Length': file.bytes.length,
      });
      res.end(req.method === 'HEAD' ? undefined : file.bytes);
      return;
    }

    if (url.pathname.startsWith(VAULT_DOWNLOAD_PREFIX)) {
      if (req.method !== 'GET') return sendText(res, 405, 'Use GET.', { Allow: 'GET' });
      const site = req.headers['sec-fetch-site'];
      if ((site !== undefined && site !== 'same-origin') || !hasSession(req)) return sendText(res, 403, 'Forbidden.');
      const path = vaultPathOfUrl(url.pathname.slice(VAULT_DOWNLOAD_PREFIX.length));
      const file = path === null ? null : await (await openService())?.attachmentFile(path);
      if (path === null || !file) return sendText(res, 404, 'Not found.');
      const name = path.slice(path.lastIndexOf('/') + 1);
      // Always a download, never a page of this origin: no type to sniff, no script to run.
      res.writeHead(200, {
        ...VAULT_FILE_HEADERS,
        'Content-Type': 'application/octet-stream',
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
      });
      createReadStream(file)
        .on('error', () => res.destroy())
        .pipe(res);
      return;
    }

    if (url.pathname.startsWith('/api/')) return sendJson(res, 404, failure('unknown-method', 'No such endpoint.'));
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Use GET.', { Allow: 'GET, HEAD' });
    return serveStaticFile(req, res, options.rendererDir, url.pathname);
  }

  /**
   * Reads a JSON object body; answers a 4xx itself (and returns null) when the body is not
   * JSON, too large or not an object.
   */
  async function readJsonCall(req: IncomingMessage, res: ServerResponse, limit: number): Promise<object | null> {
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      sendJson(res, 415, failure('invalid-arguments', 'The body must be application/json.'));
      return null;
    }
    const body = await readBody(req, limit);
    if (body === 'too-large') {
      sendJson(res, 413, failure('invalid-arguments', `The request is larger than ${limit} bytes.`));
      return null;
    }
    let request: unknown;
    try {
      request = JSON.parse(body);
    } catch {
      sendJson(res, 400, failure('invalid-arguments', 'The body is not valid JSON.'));
      return null;
    }
    if (typeof request !== 'object' || request === null || Array.isArray(request)) {
      sendJson(res, 400, failure('invalid-arguments', 'The body must be a JSON object.'));
      return null;
    }
    return request;
  }

  let unsubscribe: () => void = () => undefined;
  let hostClosed = false;
  void openService().then((service) => {
    if (!service || hostClosed) return;
    unsubscribe = service.events.onAny((event, payload) => {
      const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const stream of eventStreams) stream.write(frame);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const newLaunchUrl = () => `http://${LOOPBACK}:${port}/#code=${sessions.issueCode()}`;

  return {
    url: newLaunchUrl(),
    port,
    newLaunchUrl,
    async close() {
      hostClosed = true;
      unsubscribe();
      for (const stream of eventStreams) stream.end();
      eventStreams.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Where the vault's images are served (`/vault-file/sub/x%20y.png`). */
export const VAULT_FILE_PREFIX = '/vault-file/';

/** Where the browser build downloads the vault's attachments (see NotebookService.attachmentFile). */
export const VAULT_DOWNLOAD_PREFIX = '/vault-download/';

const NO_SESSION =
  'This page has no session with Study Notebook: open the address that npm run serve printed in the terminal.';
const USED_LINK =
  'This address was already used, or a newer one was printed: each address npm run serve prints opens the app once.';

/**
 * The body as text, or 'too-large' as soon as it (or its declared length) passes `limit`;
 * then the rest is left unread (the answer closes the connection).
 */
function readBody(req: IncomingMessage, limit: number): Promise<string | 'too-large'> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return Promise.resolve('too-large');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => {
      if (size <= limit) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

function statusFor(code: string): number {
  switch (code) {
    case 'unknown-method':
      return 404;
    case 'invalid-arguments':
      return 400;
    case 'not-found':
      return 404;
    case 'read-only':
    case 'forbidden':
      return 403;
    case 'already-exists':
    case 'conflict':
      return 409;
    default:
      return 500;
  }
}

function failure(code: 'invalid-arguments' | 'unknown-method' | 'forbidden' | 'internal', message: string): Envelope {
  return { ok: false, error: { code, message } };
}

function setCommonHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...closeUnlessBodyRead(res.req),
    ...headers,
  });
  res.end(text);
}

function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    ...closeUnlessBodyRead(res.req),
    ...headers,
  });
  res.end(text);
}
