import type { WebPreferences } from 'electron';
import { app, BrowserWindow, nativeTheme } from 'electron';
import type { WindowState } from './windowState';
import { DEFAULT_WINDOW_STATE, MIN_WINDOW_SIZE } from './windowState';

/** Painted before the first frame so opening the window never flashes the wrong colour. */
export const WINDOW_BACKGROUND = { light: '#ffffff', dark: '#1e1e1e' } as const;

/**
 * The renderer's web preferences: an isolated, sandboxed page with no Node, no
 * `<webview>`, full web security and the preload as its only bridge, and no DevTools in a
 * packaged app (where they would only serve someone at the keyboard poking at the
 * user's notes through the page's own bridge). Each line is a deliberate choice; several
 * restate Electron's defaults so that a future default change or a careless edit shows up
 * in review and in the tests.
 */
export function mainWindowWebPreferences(preloadPath: string, packaged: boolean): WebPreferences {
  return {
    preload: preloadPath,
    devTools: !packaged,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
  };
}

export interface MainWindowOptions {
  /** Absolute path of the built preload script (out/preload/index.js). */
  preloadPath: string;
  /** Size and place to open at; see loadWindowState. */
  state?: WindowState;
}

/**
 * Creates the main window, hidden until its first paint is ready (then shown, and
 * maximized or full-screened as remembered), so the user never sees a blank or
 * half-styled frame. A page that fails to load shows the window anyway, so a broken
 * build is visible rather than a silent background process. The caller loads the URL.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const state = options.state ?? DEFAULT_WINDOW_STATE;
  const window = new BrowserWindow({
    title: 'Study Notebook',
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light,
    webPreferences: mainWindowWebPreferences(options.preloadPath, app.isPackaged),
  });

  let shown = false;
  const reveal = () => {
    if (shown || window.isDestroyed()) return;
    shown = true;
    if (state.maximized) window.maximize();
    if (state.fullScreen) window.setFullScreen(true);
    window.show();
  };
  window.once('ready-to-show', reveal);
  window.webContents.once('did-fail-load', reveal);
  return window;
}
