import type { BaseWindow, Event, Session, WebContents } from 'electron';
import { app, BrowserWindow, dialog, shell } from 'electron';
import { toExternalUrl } from '@shared/markdown/linkPolicy';
import { originOf } from './originOf';

const MAX_SHOWN_URL = 300;
let confirmationOpen = false;

/**
 * Asks the user whether to open `url` in their browser (or mail app) and opens it if
 * they agree (Cancel is the default button). Resolves to whether it was opened. What is
 * shown and opened is the link policy's form of the URL (toExternalUrl in
 * shared/markdown/linkPolicy.ts: http, https and mailto only, no credentials, a mailto:
 * link without `attach`); URLs the policy refuses are refused without asking. While one confirmation is showing, further requests are
 * dropped, so a page cannot bury the user under dialogs.
 */
export async function openExternalAfterConfirm(url: string, parent: BaseWindow | null = null): Promise<boolean> {
  const external = toExternalUrl(url);
  if (!external || confirmationOpen) return false;
  confirmationOpen = true;
  try {
    const shown = external.length > MAX_SHOWN_URL ? `${external.slice(0, MAX_SHOWN_URL)}…` : external;
    // Enter or Escape, pressed by habit or by a page that timed the dialog, never opens it.
    const options = {
      type: 'question' as const,
      buttons: ['Open', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
      title: 'Open external link',
      message: external.startsWith('mailto:')
        ? 'Open this address in your email app?'
        : 'Open this link in your web browser?',
      detail: shown,
    };
    const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
    if (response !== 0) return false;
    await shell.openExternal(external);
    return true;
  } catch (error) {
    console.error('Could not open an external link:', error);
    return false;
  } finally {
    confirmationOpen = false;
  }
}

/**
 * Locks down one webContents: navigation away from `appOrigin` is cancelled (in the
 * main frame and in subframes, including redirects), `window.open` and
 * `target=_blank` never create a window, `<webview>` never attaches. A link the page
 * tried to follow or open that is http(s)/mailto is offered to the system browser
 * after a confirmation. Returns its own cleanup.
 */
export function hardenWebContents(contents: WebContents, appOrigin: string): () => void {
  const parentWindow = () => BrowserWindow.fromWebContents(contents);
  const isOurs = (url: string) => originOf(url) === appOrigin;

  const onWillNavigate = (event: Event<{ url: string }>) => {
    if (isOurs(event.url)) return;
    event.preventDefault();
    void openExternalAfterConfirm(event.url, parentWindow());
  };
  const onWillFrameNavigate = (event: Event<{ url: string; isMainFrame: boolean }>) => {
    // The main frame is handled by will-navigate; subframes are never sent elsewhere.
    if (event.isMainFrame || isOurs(event.url)) return;
    event.preventDefault();
  };
  const onWillRedirect = (event: Event<{ url: string }>) => {
    if (!isOurs(event.url)) event.preventDefault();
  };
  const onWillAttachWebview = (event: Event) => event.preventDefault();

  contents.on('will-navigate', onWillNavigate);
  contents.on('will-frame-navigate', onWillFrameNavigate);
  contents.on('will-redirect', onWillRedirect);
  contents.on('will-attach-webview', onWillAttachWebview);
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalAfterConfirm(url, parentWindow());
    return { action: 'deny' };
  });

  return () => {
    contents.off('will-navigate', onWillNavigate);
    contents.off('will-frame-navigate', onWillFrameNavigate);
    contents.off('will-redirect', onWillRedirect);
    contents.off('will-attach-webview', onWillAttachWebview);
    if (!contents.isDestroyed()) contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  };
}

/**
 * Locks down a session: every permission request and permission check is refused
 * (the app needs no camera, notifications, geolocation, USB…), device access is
 * refused, downloads are cancelled, and every response from `appOrigin` carries
 * `contentSecurityPolicy` as its CSP header (replacing any CSP the server sent).
 * Returns its own cleanup, which restores Electron's defaults.
 */
export function hardenSession(ses: Session, appOrigin: string, contentSecurityPolicy: string): () => void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);

  const onWillDownload = (event: Event) => event.preventDefault();
  ses.on('will-download', onWillDownload);

  ses.webRequest.onHeadersReceived((details, callback) => {
    // Only our pages: DevTools and other internal pages have policies of their own.
    if (originOf(details.url) !== appOrigin) {
      callback({});
      return;
    }
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    headers['Content-Security-Policy'] = [contentSecurityPolicy];
    callback({ responseHeaders: headers });
  });

  return () => {
    ses.setPermissionRequestHandler(null);
    ses.setPermissionCheckHandler(null);
    ses.setDevicePermissionHandler(null);
    ses.off('will-download', onWillDownload);
    ses.webRequest.onHeadersReceived(null);
  };
}

export interface SecurityPolicyOptions {
  /** The only origin pages may live on (the app:// origin, or the dev server's). */
  appOrigin: string;
  /** The CSP header for responses from that origin. */
  contentSecurityPolicy: string;
}

/**
 * Applies hardenSession to the default session and hardenWebContents to every
 * webContents the app ever creates (windows, DevTools, anything a future feature adds),
 * as Electron's security checklist recommends. Call once the app is ready, before the
 * first window. Returns its own cleanup.
 */
export function registerSecurityPolicy(ses: Session, options: SecurityPolicyOptions): () => void {
  const releaseSession = hardenSession(ses, options.appOrigin, options.contentSecurityPolicy);
  const releases = new Set<() => void>();
  const onContentsCreated = (_event: Event, contents: WebContents) => {
    const release = hardenWebContents(contents, options.appOrigin);
    releases.add(release);
    contents.once('destroyed', () => releases.delete(release));
  };
  app.on('web-contents-created', onContentsCreated);
  return () => {
    app.off('web-contents-created', onContentsCreated);
    for (const release of releases) release();
    releases.clear();
    releaseSession();
  };
}
