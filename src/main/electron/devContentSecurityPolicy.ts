import { CONTENT_SECURITY_POLICY } from '@shared/security/contentSecurityPolicy';

/**
 * The policy used while `electron-vite dev` serves the renderer: CONTENT_SECURITY_POLICY
 * plus what Vite's dev server needs, namely an inline module script (the React Fast
 * Refresh preamble) and the hot-reload WebSocket to the dev server. Never used for a
 * built app: the dev server URL is honoured only when the app is not packaged.
 *
 * @param devServerUrl the `ELECTRON_RENDERER_URL` electron-vite sets, e.g. `http://localhost:5173`.
 * @param basePolicy the production policy to extend; defaults to the app's.
 */
export function devContentSecurityPolicy(devServerUrl: string, basePolicy: string = CONTENT_SECURITY_POLICY): string {
  const server = new URL(devServerUrl);
  const socket = `${server.protocol === 'https:' ? 'wss:' : 'ws:'}//${server.host}`;
  const extra: Record<string, string> = { 'script-src': "'unsafe-inline'", 'connect-src': socket };
  const directives = basePolicy
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean);
  for (const [name, source] of Object.entries(extra)) {
    const index = directives.findIndex((d) => d.split(/\s+/)[0] === name);
    if (index === -1) directives.push(`${name} 'self' ${source}`);
    else directives[index] = `${directives[index]} ${source}`;
  }
  return directives.join('; ');
}
