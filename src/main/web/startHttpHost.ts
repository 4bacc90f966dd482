import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDispatcher } from '@shared/api/createDispatcher';
import type { Envelope } from '@shared/api/envelope';
import { CONTENT_SECURITY_POLICY } from '@shared/security/contentSecurityPolicy';
import type { NotebookService } from '../notebook/openNotebook';
import { serveStaticFile } from './serveStaticFile';

export interface HttpHostOptions {
  service: NotebookService;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The per-launch secret; random when omitted. */
  token?: string;
  /** Largest accepted request body in bytes. Default 64 MiB (a note is at most 50 MB). */
  maxBodyBytes?: number;
  onInternalError?: (method: string, error: unknown) => void;
}

export interface HttpHost {
  /** The address to open, token included (in the fragment, so it never reaches logs or Referer headers). */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';

/**
 * Serves the NotebookApi contract and the built UI over HTTP on 127.0.0.1 only.
 *
 * Defences (it is reachable by every local process and by web pages via the browser):
 * - a random per-launch token is required on every API call and event stream;
 * - the Host header must name this loopback address (DNS-rebinding defence), and an
 *   Origin header, when present, must be this origin;
 * - no CORS headers are ever sent, so other origins cannot read responses;
 * - bodies are size-limited; malformed JSON and bad calls get a 4xx with a message.
 */
export async function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const maxBody = options.maxBodyBytes ?? 64 * 1024 * 1024;
  const call = createDispatcher(options.service, { onInternalError: options.onInternalError });
  const eventStreams = new Set<ServerResponse>();
  let port = 0;

  const allowedHosts = () => new Set([`${LOOPBACK}:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://${LOOPBACK}:${port}`, `http://localhost:${port}`]);

  function hasToken(candidate: string | undefined | null): boolean {
    if (!candidate) return false;
    const bytes = Buffer.from(candidate);
    return bytes.length === tokenBytes.length && timingSafeEqual(bytes, tokenBytes);
  }

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

    if (url.pathname === '/api/call') {
      if (req.method !== 'POST') return sendText(res, 405, 'Use POST.', { Allow: 'POST' });
      if (!hasToken(bearer(req))) return sendJson(res, 401, failure('invalid-arguments', 'Missing or wrong token.'));
      if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
        return sendJson(res, 415, failure('invalid-arguments', 'The body must be application/json.'));
      }
      const body = await readBody(req, maxBody);
      if (body === 'too-large') {
        return sendJson(res, 413, failure('invalid-arguments', `The request is larger than ${maxBody} bytes.`), {
          Connection: 'close',
        });
      }
      let request: unknown;
      try {
        request = JSON.parse(body);
      } catch {
        return sendJson(res, 400, failure('invalid-arguments', 'The body is not valid JSON.'));
      }
      if (typeof request !== 'object' || request === null || Array.isArray(request)) {
        return sendJson(res, 400, failure('invalid-arguments', 'The body must be an object { method, args }.'));
      }
      const { method, args } = request as { method?: unknown; args?: unknown };
      const envelope = await call(method, args);
      const status = envelope.ok ? 200 : statusFor(envelope.error.code);
      return sendJson(res, status, envelope);
    }

    if (url.pathname === '/api/events') {
      if (req.method !== 'GET') return sendText(res, 405, 'Use GET.', { Allow: 'GET' });
      // EventSource cannot send headers, so the stream takes the token as a query parameter.
      if (!hasToken(url.searchParams.get('token'))) return sendText(res, 401, 'Missing or wrong token.');
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

    if (url.pathname.startsWith('/api/')) return sendJson(res, 404, failure('unknown-method', 'No such endpoint.'));
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Use GET.', { Allow: 'GET, HEAD' });
    return serveStaticFile(req, res, options.rendererDir, url.pathname);
  }

  const unsubscribe = options.service.events.onAny((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const stream of eventStreams) stream.write(frame);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://${LOOPBACK}:${port}/#token=${token}`,
    port,
    token,
    async close() {
      unsubscribe();
      for (const stream of eventStreams) stream.end();
      eventStreams.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function bearer(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
}

function readBody(req: IncomingMessage, limit: number): Promise<string | 'too-large'> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) {
    req.resume();
    return Promise.resolve('too-large');
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks).toString('utf8'));
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
      return 403;
    case 'already-exists':
    case 'conflict':
      return 409;
    default:
      return 500;
  }
}

function failure(code: 'invalid-arguments' | 'unknown-method' | 'internal', message: string): Envelope {
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
    ...headers,
  });
  res.end(text);
}

function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(text);
}
