import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Envelope } from '@shared/api/envelope';
import { EventBus } from '../notebook/events/EventBus';
import { openNotebook } from '../notebook/openNotebook';
import { CALL_CHANNEL } from './ipcBridge';
import { startApp } from './startApp';
import { FakeBrowserWindow, FakeEvent, fakeElectron, fakeInvokeEvent, resetFakeElectron } from './testing/fakeElectron';

vi.mock('electron', async () => (await import('./testing/fakeElectron')).fakeElectron);
vi.mock('../notebook/openNotebook', () => ({ openNotebook: vi.fn() }));

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function fakeService() {
  return {
    events: new EventBus(),
    close: vi.fn(async () => undefined),
    getAppInfo: vi.fn(async () => ({ name: 'Study Notebook', version: '0.1.0', host: 'electron', vaultPath: '/v' })),
    listEntries: vi.fn(async () => []),
    getEntry: vi.fn(),
    getWorkspaceState: vi.fn(async () => ({})),
    updateWorkspaceState: vi.fn(async () => ({})),
  };
}

function setPlatform(platform: NodeJS.Platform): () => void {
  const original = process.platform;
  Object.defineProperty(process, 'platform', { value: platform, configurable: true });
  return () => Object.defineProperty(process, 'platform', { value: original, configurable: true });
}

describe('startApp', () => {
  let dir: string;
  let service: ReturnType<typeof fakeService>;

  beforeEach(() => {
    resetFakeElectron();
    dir = mkdtempSync(join(tmpdir(), 'start-app-'));
    fakeElectron.app.paths.userData = join(dir, 'userData');
    service = fakeService();
    vi.mocked(openNotebook)
      .mockReset()
      .mockResolvedValue(service as never);
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const start = (env: NodeJS.ProcessEnv = {}) =>
    startApp({ preloadPath: '/out/preload/index.js', rendererDir: join(dir, 'renderer'), argv: ['app'], env });

  async function startReady(env: NodeJS.ProcessEnv = {}): Promise<FakeBrowserWindow> {
    start(env);
    await fakeElectron.app.becomeReady();
    await settle();
    const window = FakeBrowserWindow.instances[0];
    if (!window) throw new Error('no window opened');
    return window;
  }

  it('sandboxes every renderer and declares the app: scheme before the app is ready', () => {
    start();
    expect(fakeElectron.app.enableSandbox).toHaveBeenCalledTimes(1);
    expect(fakeElectron.protocol.privileged).toHaveLength(1);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('quits at once, opening nothing, when another instance is running', async () => {
    fakeElectron.app.singleInstanceLock = false;
    start();
    expect(fakeElectron.app.quit).toHaveBeenCalled();
    await fakeElectron.app.becomeReady();
    await settle();
    expect(openNotebook).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('once ready, opens the notebook and a locked-down window on app://renderer', async () => {
    const window = await startReady();
    expect(openNotebook).toHaveBeenCalledWith({
      vaultPath: join('/fake/Documents', 'Study Notebook'),
      glossaryDir: join('/fake/app', 'resources', 'glossary', 'sources'),
      stateDir: join(dir, 'userData'),
      host: 'electron',
      appVersion: '0.1.0',
      trashItem: expect.any(Function),
      openPath: expect.any(Function),
      pickFolder: expect.any(Function),
    });
    expect(window.loadedUrls).toEqual(['app://renderer/index.html']);
    expect(window.options.webPreferences).toMatchObject({ preload: '/out/preload/index.js', sandbox: true });
    expect(fakeElectron.protocol.handlers.has('app')).toBe(true);
    expect(fakeElectron.session.defaultSession.permissionRequestHandler).not.toBeNull();
    expect(fakeElectron.Menu.current).not.toBeNull();
  });

  it('serves the contract to its window over IPC', async () => {
    const window = await startReady();
    const envelope = (await fakeElectron.ipcMain.invoke(
      CALL_CHANNEL,
      fakeInvokeEvent(window.webContents),
      'getAppInfo',
      null,
    )) as Envelope;
    expect(envelope).toMatchObject({ ok: true, value: { name: 'Study Notebook' } });
  });

  it('moves deleted notes to the system trash', async () => {
    await startReady();
    const config = vi.mocked(openNotebook).mock.calls[0]?.[0];
    const trashItem = vi.fn(async (_path: string) => undefined);
    Object.assign(fakeElectron.shell, { trashItem });
    await config?.trashItem?.('/vault/Cells.md');
    expect(trashItem).toHaveBeenCalledWith('/vault/Cells.md');
  });

  it('picks a vault folder with the open dialog, attached to the window', async () => {
    const window = await startReady();
    const config = vi.mocked(openNotebook).mock.calls[0]?.[0];
    fakeElectron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/home/me/Notes'] });
    await expect(config?.pickFolder?.()).resolves.toBe('/home/me/Notes');
    expect(fakeElectron.dialog.showOpenDialog).toHaveBeenCalledWith(
      window,
      expect.objectContaining({ properties: expect.arrayContaining(['openDirectory', 'createDirectory']) }),
    );
    await expect(config?.pickFolder?.()).resolves.toBeNull();
  });

  it('sends menu commands to the UI as app-command events', async () => {
    await startReady();
    const events: unknown[] = [];
    service.events.on('app-command', (payload) => events.push(payload));
    const template = vi.mocked(fakeElectron.Menu.buildFromTemplate).mock.calls[0]?.[0] as {
      label?: string;
      submenu?: { label?: string; click?: () => void }[];
    }[];
    const file = template.find((menu) => menu.label === '&File');
    file?.submenu?.find((item) => item.label === 'Open Vault…')?.click?.();
    file?.submenu?.find((item) => item.label === 'New Note')?.click?.();
    expect(events).toEqual([{ command: 'open-vault' }, { command: 'new-note' }]);
  });

  it('hardens windows the app creates', async () => {
    await startReady();
    const contents = new FakeBrowserWindow().webContents;
    fakeElectron.app.emit('web-contents-created', new FakeEvent(), contents);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('uses the electron-vite dev server when unpackaged', async () => {
    const window = await startReady({ ELECTRON_RENDERER_URL: 'http://localhost:5173' });
    expect(window.loadedUrls).toEqual(['http://localhost:5173']);
  });

  it('ignores ELECTRON_RENDERER_URL in a packaged app', async () => {
    fakeElectron.app.isPackaged = true;
    const original = process.resourcesPath;
    Object.defineProperty(process, 'resourcesPath', { value: '/opt/app/resources', configurable: true });
    try {
      const window = await startReady({ ELECTRON_RENDERER_URL: 'https://evil.example' });
      expect(window.loadedUrls).toEqual(['app://renderer/index.html']);
    } finally {
      Object.defineProperty(process, 'resourcesPath', { value: original, configurable: true });
    }
  });

  it('quits when the last window closes, except on macOS', async () => {
    const restore = setPlatform('darwin');
    try {
      (await startReady()).close();
      expect(fakeElectron.app.quit).not.toHaveBeenCalled();
      fakeElectron.app.emit('activate');
      expect(FakeBrowserWindow.getAllWindows()).toHaveLength(1);
    } finally {
      restore();
    }
    resetFakeElectron();
    fakeElectron.app.paths.userData = join(dir, 'userData');
    const restoreLinux = setPlatform('linux');
    try {
      const window = await startReady();
      window.close();
      fakeElectron.app.emit('window-all-closed');
      expect(fakeElectron.app.quit).toHaveBeenCalled();
    } finally {
      restoreLinux();
    }
  });

  it('closes the notebook once, after the windows, before the process exits', async () => {
    await startReady();
    const first = new FakeEvent();
    fakeElectron.app.emit('will-quit', first);
    expect(first.defaultPrevented).toBe(true);
    const again = new FakeEvent();
    fakeElectron.app.emit('will-quit', again);
    expect(again.defaultPrevented).toBe(true);
    await settle();
    expect(service.close).toHaveBeenCalledTimes(1);
    expect(fakeElectron.app.quit).toHaveBeenCalledTimes(1);
    expect(fakeElectron.ipcMain.handlers.has(CALL_CHANNEL)).toBe(false);
    const last = new FakeEvent();
    fakeElectron.app.emit('will-quit', last);
    expect(last.defaultPrevented).toBe(false);
  });

  it('opens its window while the notebook opens: calls wait for it, and its events follow once open', async () => {
    let open: (value: unknown) => void = () => undefined;
    vi.mocked(openNotebook).mockReturnValue(new Promise((resolve) => (open = resolve)) as never);
    const window = await startReady();
    expect(window.loadedUrls).toEqual(['app://renderer/index.html']);

    let answered: Envelope | undefined;
    void (
      fakeElectron.ipcMain.invoke(
        CALL_CHANNEL,
        fakeInvokeEvent(window.webContents),
        'getAppInfo',
        null,
      ) as Promise<Envelope>
    ).then((envelope) => (answered = envelope));
    await settle();
    expect(answered).toBeUndefined();

    open(service);
    await settle();
    await settle();
    expect(answered).toMatchObject({ ok: true, value: { name: 'Study Notebook' } });
    service.events.emit('notes-changed', { changes: [] });
    expect(window.webContents.sent).toContainEqual(['notebook:event', 'notes-changed', { changes: [] }]);
  });

  it('closes a notebook still opening when the app quits, once it is open', async () => {
    let open: (value: unknown) => void = () => undefined;
    vi.mocked(openNotebook).mockReturnValue(new Promise((resolve) => (open = resolve)) as never);
    await startReady();
    fakeElectron.app.emit('will-quit', new FakeEvent());
    await settle();
    expect(fakeElectron.app.quit).not.toHaveBeenCalled();
    open(service);
    await settle();
    await settle();
    expect(service.close).toHaveBeenCalledTimes(1);
    expect(fakeElectron.app.quit).toHaveBeenCalledTimes(1);
  });

  it('shows why and exits with status 1 when the notebook cannot open; a call made meanwhile says why', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let fail: (error: Error) => void = () => undefined;
    vi.mocked(openNotebook).mockReturnValue(new Promise((_, reject) => (fail = reject)) as never);
    const window = await startReady();
    const answer = fakeElectron.ipcMain.invoke(
      CALL_CHANNEL,
      fakeInvokeEvent(window.webContents),
      'listNotes',
      null,
    ) as Promise<Envelope>;
    fail(new Error('The glossary folder is missing: /x'));
    expect(await answer).toEqual({
      ok: false,
      error: {
        code: 'io-failure',
        message: 'Study Notebook could not open the notebook: The glossary folder is missing: /x',
      },
    });
    await settle();
    expect(fakeElectron.dialog.showErrorBox).toHaveBeenCalledWith(
      'Study Notebook could not start',
      'The glossary folder is missing: /x',
    );
    expect(fakeElectron.app.exit).toHaveBeenCalledWith(1);
    vi.mocked(console.error).mockRestore();
  });
});
