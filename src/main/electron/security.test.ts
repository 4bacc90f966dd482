import type { Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { hardenSession, hardenWebContents, openExternalAfterConfirm, registerSecurityPolicy } from './security';
import {
  FakeBrowserWindow,
  FakeEvent,
  fakeElectron,
  FakeSession,
  FakeWebContents,
  resetFakeElectron,
} from './testing/fakeElectron';

vi.mock('electron', async () => (await import('./testing/fakeElectron')).fakeElectron);

const ORIGIN = 'app://renderer';
const CSP = "default-src 'none'; script-src 'self'";

/** Lets queued promise callbacks (the confirm dialog, openExternal) run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function hardened(): FakeWebContents {
  const contents = new FakeWebContents();
  hardenWebContents(contents as unknown as WebContents, ORIGIN);
  return contents;
}

function navigate(contents: FakeWebContents, url: string, isMainFrame = true): FakeEvent {
  const event = new FakeEvent({ url, isMainFrame, isSameDocument: false, frame: null });
  contents.emit('will-navigate', event, url);
  return event;
}

describe('mailto: links', () => {
  it('shows and opens the link without its attachment', async () => {
    resetFakeElectron();
    fakeElectron.dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    await openExternalAfterConfirm('mailto:me@example.com?subject=Notes&attach=%2Fhome%2Fme%2F.ssh%2Fid_rsa');
    const options = fakeElectron.dialog.showMessageBox.mock.calls[0]![0] as { detail: string };
    expect(options.detail).toBe('mailto:me@example.com?subject=Notes');
    expect(fakeElectron.shell.openExternal).toHaveBeenCalledWith('mailto:me@example.com?subject=Notes');
  });
});

describe('openExternalAfterConfirm', () => {
  beforeEach(() => {
    resetFakeElectron();
  });

  it('opens an https link only after the user confirms', async () => {
    fakeElectron.dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    await expect(openExternalAfterConfirm('https://example.com/page')).resolves.toBe(true);
    expect(fakeElectron.dialog.showMessageBox).toHaveBeenCalledTimes(1);
    expect(fakeElectron.shell.openExternal).toHaveBeenCalledWith('https://example.com/page');
  });

  it('makes Cancel the default button and the answer to Escape, so Enter never opens a link', async () => {
    await openExternalAfterConfirm('https://example.com/page');
    const options = fakeElectron.dialog.showMessageBox.mock.calls[0]![0] as {
      buttons: string[];
      defaultId: number;
      cancelId: number;
    };
    expect(options.buttons[options.defaultId]).toBe('Cancel');
    expect(options.buttons[options.cancelId]).toBe('Cancel');
  });

  it('does not open the link when the user cancels', async () => {
    fakeElectron.dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    await expect(openExternalAfterConfirm('https://example.com/page')).resolves.toBe(false);
    expect(fakeElectron.shell.openExternal).not.toHaveBeenCalled();
  });

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,hi'])(
    'refuses %s without even asking',
    async (url) => {
      await expect(openExternalAfterConfirm(url)).resolves.toBe(false);
      expect(fakeElectron.dialog.showMessageBox).not.toHaveBeenCalled();
      expect(fakeElectron.shell.openExternal).not.toHaveBeenCalled();
    },
  );

  it('asks once at a time: a page cannot stack up dialogs', async () => {
    let answer: (value: { response: number; checkboxChecked: boolean }) => void = () => undefined;
    fakeElectron.dialog.showMessageBox.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    const first = openExternalAfterConfirm('https://one.example');
    await expect(openExternalAfterConfirm('https://two.example')).resolves.toBe(false);
    answer({ response: 0, checkboxChecked: false });
    await expect(first).resolves.toBe(true);
    expect(fakeElectron.dialog.showMessageBox).toHaveBeenCalledTimes(1);
    expect(fakeElectron.shell.openExternal).toHaveBeenCalledWith('https://one.example/');
  });
});

describe('hardenWebContents', () => {
  beforeEach(() => {
    resetFakeElectron();
  });

  it('lets the page navigate within its own origin', () => {
    const event = navigate(hardened(), 'app://renderer/index.html#notes');
    expect(event.defaultPrevented).toBe(false);
  });

  it.each([
    'https://evil.example/',
    'file:///etc/passwd',
    'app://other-host/index.html',
    'http://localhost:5173/',
    'javascript:alert(1)',
  ])('cancels navigation to %s', (url) => {
    expect(navigate(hardened(), url).defaultPrevented).toBe(true);
  });

  it('offers a clicked web link to the system browser after confirmation, instead of navigating', async () => {
    const contents = hardened();
    const event = navigate(contents, 'https://example.com/docs');
    expect(event.defaultPrevented).toBe(true);
    await settle();
    expect(fakeElectron.dialog.showMessageBox).toHaveBeenCalledTimes(1);
    expect(fakeElectron.shell.openExternal).toHaveBeenCalledWith('https://example.com/docs');
  });

  it('never opens a file: link externally', async () => {
    const contents = hardened();
    navigate(contents, 'file:///Applications/Calculator.app');
    await settle();
    expect(fakeElectron.dialog.showMessageBox).not.toHaveBeenCalled();
    expect(fakeElectron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('cancels subframe navigations away from the app origin', () => {
    const contents = hardened();
    const away = new FakeEvent({ url: 'https://evil.example/', isMainFrame: false });
    contents.emit('will-frame-navigate', away);
    expect(away.defaultPrevented).toBe(true);
    const home = new FakeEvent({ url: 'app://renderer/frame.html', isMainFrame: false });
    contents.emit('will-frame-navigate', home);
    expect(home.defaultPrevented).toBe(false);
  });

  it('cancels redirects to another origin', () => {
    const contents = hardened();
    const event = new FakeEvent({ url: 'https://evil.example/' });
    contents.emit('will-redirect', event);
    expect(event.defaultPrevented).toBe(true);
  });

  it('denies every window.open, and opens allowed links externally only after confirmation', async () => {
    const contents = hardened();
    const handler = contents.windowOpenHandler;
    expect(handler).toBeTypeOf('function');
    fakeElectron.dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    expect(handler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    await settle();
    expect(fakeElectron.dialog.showMessageBox).toHaveBeenCalledTimes(1);
    expect(fakeElectron.shell.openExternal).not.toHaveBeenCalled();

    expect(handler?.({ url: 'mailto:me@example.com' })).toEqual({ action: 'deny' });
    await settle();
    expect(fakeElectron.shell.openExternal).toHaveBeenCalledWith('mailto:me@example.com');
  });

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,<b>x</b>', 'app://renderer/index.html'])(
    'window.open(%s) is denied and never reaches the OS',
    async (url) => {
      const contents = hardened();
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
      await settle();
      expect(fakeElectron.dialog.showMessageBox).not.toHaveBeenCalled();
      expect(fakeElectron.shell.openExternal).not.toHaveBeenCalled();
    },
  );

  it('prevents <webview> from attaching', () => {
    const contents = hardened();
    const event = new FakeEvent();
    contents.emit('will-attach-webview', event, {}, { src: 'https://evil.example/' });
    expect(event.defaultPrevented).toBe(true);
  });

  it('asks the dialog with the window that owns the page as parent', async () => {
    const window = new FakeBrowserWindow();
    hardenWebContents(window.webContents as unknown as WebContents, ORIGIN);
    navigate(window.webContents, 'https://example.com/');
    await settle();
    expect(fakeElectron.dialog.showMessageBox.mock.calls[0]?.[0]).toBe(window);
  });

  it('its cleanup removes the navigation guards', () => {
    const contents = new FakeWebContents();
    const release = hardenWebContents(contents as unknown as WebContents, ORIGIN);
    release();
    expect(contents.listenerCount('will-navigate')).toBe(0);
    expect(contents.listenerCount('will-attach-webview')).toBe(0);
  });
});

describe('hardenSession', () => {
  let ses: FakeSession;
  beforeEach(() => {
    resetFakeElectron();
    ses = new FakeSession();
    hardenSession(ses as unknown as Session, ORIGIN, CSP);
  });

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen'])(
    'denies the %s permission request',
    (permission) => {
      const callback = vi.fn();
      ses.permissionRequestHandler?.(new FakeWebContents(), permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
    },
  );

  it('answers every permission check with no', () => {
    expect(ses.permissionCheckHandler?.(null, 'media', ORIGIN, {})).toBe(false);
    expect(ses.permissionCheckHandler?.(null, 'clipboard-sanitized-write', ORIGIN, {})).toBe(false);
    expect(ses.devicePermissionHandler?.({ deviceType: 'usb' })).toBe(false);
  });

  it('cancels downloads', () => {
    const event = new FakeEvent();
    ses.emit('will-download', event);
    expect(event.defaultPrevented).toBe(true);
  });

  it("sets our CSP on responses from the app's origin, replacing any the server sent", () => {
    const callback = vi.fn();
    ses.headersReceivedListener?.(
      {
        url: 'app://renderer/index.html',
        responseHeaders: { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] },
      },
      callback,
    );
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Security-Policy': [CSP], 'Content-Type': ['text/html'] },
    });
  });

  it('leaves responses from other origins (DevTools) alone', () => {
    const callback = vi.fn();
    ses.headersReceivedListener?.({ url: 'devtools://devtools/bundled/index.html', responseHeaders: {} }, callback);
    expect(callback).toHaveBeenCalledWith({});
  });
});

describe('registerSecurityPolicy', () => {
  beforeEach(() => {
    resetFakeElectron();
  });

  it('hardens every webContents the app creates, and its cleanup stops doing so', () => {
    const ses = new FakeSession();
    const release = registerSecurityPolicy(ses as unknown as Session, {
      appOrigin: ORIGIN,
      contentSecurityPolicy: CSP,
    });
    const contents = new FakeWebContents();
    fakeElectron.app.emit('web-contents-created', new FakeEvent(), contents);
    expect(navigate(contents, 'https://evil.example/').defaultPrevented).toBe(true);
    expect(ses.permissionRequestHandler).not.toBeNull();

    release();
    const later = new FakeWebContents();
    fakeElectron.app.emit('web-contents-created', new FakeEvent(), later);
    expect(later.windowOpenHandler).toBeNull();
    expect(ses.permissionRequestHandler).toBeNull();
    expect(ses.headersReceivedListener).toBeNull();
  });
});
