/**
 * The Content-Security-Policy of the UI, one string for every host (Electron's app://
 * protocol, the HTTP host, and the meta tag in index.html, which a test keeps in sync).
 *
 * - No inline or remote script: script-src is the app's own origin only.
 * - style-src allows inline styles because Lexical and React set `style` attributes
 *   (indentation, pane sizes); styles cannot execute code.
 * - connect-src 'self' lets the browser build reach its own HTTP host and nothing else.
 * - Frames, plugins, forms and <base> are all off.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
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
