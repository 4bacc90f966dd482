/**
 * The Content-Security-Policy of the UI, one string, delivered once, as a response header,
 * by every host: Electron's app:// protocol handler (appProtocol.ts; the session's
 * onHeadersReceived sets the same header for the dev server's pages, with what Vite needs
 * added, see devContentSecurityPolicy.ts) and the HTTP host (startHttpHost.ts). index.html
 * carries no `<meta>` copy: a second delivery would be enforced on top of the first (never
 * loosening it) and makes Chromium report every violation once per copy.
 *
 * - No inline or remote script: script-src is the app's own origin only, and
 *   script-src-attr 'none' refuses inline event handlers (`onerror=`…) explicitly, even in
 *   a policy that allows some inline script (the dev server's).
 * - style-src allows inline styles because Lexical and React set `style` attributes
 *   (indentation, pane sizes); styles cannot execute code.
 * - connect-src 'self' lets the browser build reach its own HTTP host and nothing else.
 * - Frames, plugins, forms and <base> are all off.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
