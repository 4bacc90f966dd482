import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMainWindow, WINDOW_BACKGROUND } from './createMainWindow';
import { FakeBrowserWindow, fakeElectron, resetFakeElectron } from './testing/fakeElectron';

vi.mock('electron', async () => (await import('./testing/fakeElectron')).fakeElectron);

function created(): FakeBrowserWindow {
  const window = FakeBrowserWindow.instances.at(-1);
  if (!window) throw new Error('no window was created');
  return window;
}

describe('createMainWindow', () => {
  beforeEach(() => {
    resetFakeElectron();
  });

  it('isolates and sandboxes the page, with no Node, no webview and full web security', () => {
    createMainWindow({ preloadPath: '/app/out/preload/index.js' });
    const prefs = created().options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
    });
    // No option may switch any of that back on behind our back.
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('turns DevTools off in a packaged app, and leaves them on in development', () => {
    fakeElectron.app.isPackaged = true;
    createMainWindow({ preloadPath: '/p.js' });
    expect(created().options.webPreferences).toMatchObject({ devTools: false });
    fakeElectron.app.isPackaged = false;
    createMainWindow({ preloadPath: '/p.js' });
    expect(created().options.webPreferences).toMatchObject({ devTools: true });
  });

  it('stays hidden until the first paint is ready, then shows', () => {
    const window = createMainWindow({ preloadPath: '/p.js' }) as unknown as FakeBrowserWindow;
    expect(window.options.show).toBe(false);
    expect(window.visible).toBe(false);
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
  });

  it('shows the window even when the page fails to load, so a broken build is visible', () => {
    const window = createMainWindow({ preloadPath: '/p.js' }) as unknown as FakeBrowserWindow;
    window.webContents.emit('did-fail-load');
    expect(window.visible).toBe(true);
  });

  it('paints a background that matches the system theme', () => {
    fakeElectron.nativeTheme.shouldUseDarkColors = true;
    createMainWindow({ preloadPath: '/p.js' });
    expect(created().options.backgroundColor).toBe(WINDOW_BACKGROUND.dark);
    fakeElectron.nativeTheme.shouldUseDarkColors = false;
    createMainWindow({ preloadPath: '/p.js' });
    expect(created().options.backgroundColor).toBe(WINDOW_BACKGROUND.light);
  });

  it('opens at the remembered place and size, maximized if it was', () => {
    const window = createMainWindow({
      preloadPath: '/p.js',
      state: { x: 40, y: 50, width: 1000, height: 700, maximized: true, fullScreen: false },
    }) as unknown as FakeBrowserWindow;
    expect(window.options).toMatchObject({ x: 40, y: 50, width: 1000, height: 700 });
    expect(window.maximized).toBe(false);
    window.emit('ready-to-show');
    expect(window.maximized).toBe(true);
  });

  it('lets the OS place the window when no position is remembered', () => {
    createMainWindow({ preloadPath: '/p.js', state: { width: 900, height: 600, maximized: false, fullScreen: false } });
    expect(created().options).not.toHaveProperty('x');
    expect(created().options).not.toHaveProperty('y');
  });
});
