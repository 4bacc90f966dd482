import { join } from 'node:path';
import type { BrowserWindow as BrowserWindowType } from 'electron';
import { app, BrowserWindow, dialog, session, shell } from 'electron';
import { dispatchWhenOpen, type OpenedNotebook } from '@shared/api/dispatchWhenOpen';
import { CONTENT_SECURITY_POLICY } from '@shared/security/contentSecurityPolicy';
import type { NotebookService } from '../notebook/openNotebook';
import { openNotebook } from '../notebook/openNotebook';
import type { MenuCommand } from './applicationMenu';
import { installApplicationMenu } from './applicationMenu';
import { APP_ENTRY_URL, handleAppProtocol, registerAppScheme } from './appProtocol';
import { createMainWindow } from './createMainWindow';
import { devContentSecurityPolicy } from './devContentSecurityPolicy';
import { registerIpcBridge } from './ipcBridge';
import { originOf } from './originOf';
import { resolveAppPaths } from './paths';
import { registerSecurityPolicy } from './security';
import { claimSingleInstance, focusWindow } from './singleInstance';
import { loadWindowState, trackWindowState } from './windowState';

/** How long quitting waits for the notebook to flush before giving up on it. */
export const CLOSE_TIMEOUT_MS = 5000;

export interface StartAppOptions {
  /** Built preload script; defaults to out/preload/index.js next to the built main. */
  preloadPath?: string;
  /** Built renderer folder served on app://; defaults to out/renderer. */
  rendererDir?: string;
  argv?: readonly string[];
  env?: NodeJS.ProcessEnv;
}

/**
 * Runs the desktop app. Before ready: sandbox every renderer, declare the `app:`
 * scheme, take the single-instance lock (a second instance focuses the first window
 * and quits). Once ready: lock down the session and every webContents, serve the
 * built renderer on `app://renderer/` (or use electron-vite's dev server when
 * unpackaged and `ELECTRON_RENDERER_URL` is set), serve the contract over IPC, install
 * the menu, and open the main window while the notebook opens (calls wait for it).
 *
 * Quits when the last window closes except on macOS, where the app stays in the Dock
 * and `activate` reopens a window. The notebook is closed (pending writes flushed)
 * after every window has closed and before the process exits. A failure to start is
 * shown in an error box and exits with status 1.
 */
export function startApp(options: StartAppOptions = {}): void {
  const preloadPath = options.preloadPath ?? join(__dirname, '../preload/index.js');
  const rendererDir = options.rendererDir ?? join(__dirname, '../renderer');
  const env = options.env ?? process.env;

  app.enableSandbox();
  registerAppScheme();

  let mainWindow: BrowserWindowType | null = null;
  const releaseLock = claimSingleInstance(() => focusWindow(mainWindow));
  if (!releaseLock) {
    app.quit();
    return;
  }

  // A packaged app must never load a page named by its environment.
  const devServerUrl = app.isPackaged ? undefined : env.ELECTRON_RENDERER_URL || undefined;
  const entryUrl = devServerUrl ?? APP_ENTRY_URL;
  const appOrigin = originOf(entryUrl);
  if (!appOrigin) throw new Error(`ELECTRON_RENDERER_URL is not a usable URL: ${entryUrl}`);
  const contentSecurityPolicy = devServerUrl ? devContentSecurityPolicy(devServerUrl) : CONTENT_SECURITY_POLICY;

  const cleanups: (() => void)[] = [];
  let service: NotebookService | null = null;
  /** The notebook being opened, then open (with its dispatcher), or why it could not open. */
  let opening: Promise<OpenedNotebook<NotebookService>> | null = null;

  const openWindow = (): void => {
    const window = createMainWindow({ preloadPath, state: loadWindowState() });
    mainWindow = window;
    const untrack = trackWindowState(window);
    window.once('closed', () => {
      untrack();
      if (mainWindow === window) mainWindow = null;
    });
    window.loadURL(entryUrl).catch((error: unknown) => console.error(`Could not load ${entryUrl}:`, error));
  };

  // Menu commands go to the UI, which flushes its edits before acting (e.g. calling openVault({})).
  const onMenuCommand = (command: MenuCommand): void => {
    service?.events.emit('app-command', { command });
  };

  const pickFolder = async (): Promise<string | null> => {
    const options = {
      title: 'Open Vault',
      buttonLabel: 'Open Vault',
      properties: ['openDirectory' as const, 'createDirectory' as const],
    };
    const result = await (mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options));
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };

  const failToStart = (reason: string): void => {
    console.error('Study Notebook could not start:', reason);
    dialog.showErrorBox('Study Notebook could not start', reason);
    app.exit(1);
  };

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (service && BrowserWindow.getAllWindows().length === 0) openWindow();
  });

  // will-quit rather than before-quit: it comes after every window has closed, so the
  // renderer's last saves (sent while its window closes) reach a notebook still open.
  let quitting: 'running' | 'closing' | 'closed' = 'running';
  app.on('will-quit', (event) => {
    if (quitting === 'closed') return;
    event.preventDefault();
    if (quitting === 'closing') return;
    quitting = 'closing';
    void shutDown().finally(() => {
      quitting = 'closed';
      app.quit();
    });
  });

  async function shutDown(): Promise<void> {
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        cleanup();
      } catch (error) {
        console.error('Cleanup failed while quitting:', error);
      }
    }
    // A notebook still opening (the window closed at once) is closed once open.
    const closing = opening?.then((notebook) => ('service' in notebook ? notebook.service.close() : undefined));
    opening = null;
    service = null;
    if (closing) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          console.error(`The notebook did not close within ${CLOSE_TIMEOUT_MS} ms; quitting anyway.`);
          resolve();
        }, CLOSE_TIMEOUT_MS);
      });
      await Promise.race([
        closing.catch((error: unknown) => console.error('Closing the notebook failed:', error)),
        timeout,
      ]);
      clearTimeout(timer);
    }
    releaseLock?.();
  }

  app
    .whenReady()
    .then(() => {
      cleanups.push(registerSecurityPolicy(session.defaultSession, { appOrigin, contentSecurityPolicy }));
      cleanups.push(
        handleAppProtocol(rendererDir, {
          contentSecurityPolicy,
          readVaultFile: (path) => service?.readVaultFile(path) ?? Promise.resolve(null),
        }),
      );
      const paths = resolveAppPaths({ argv: options.argv ?? process.argv, env });
      // The window opens while the notebook does (a pack of 120,000 entries takes about a
      // second): the page loads meanwhile and its first calls wait for the notebook (issue #15).
      const { ready, call } = dispatchWhenOpen(
        openNotebook({
          ...paths,
          host: 'electron',
          appVersion: app.getVersion(),
          trashItem: (path) => shell.trashItem(path),
          openPath: (path) => shell.openPath(path),
          pickFolder,
        }),
        { onInternalError: (method, error) => console.error(`Notebook method ${method} failed:`, error) },
      );
      opening = ready;
      void ready.then((notebook) => {
        if ('service' in notebook) service = notebook.service;
        else failToStart(notebook.failure);
      });
      cleanups.push(
        registerIpcBridge({
          dispatch: call,
          // Forwarded once the notebook is open (it has no events before).
          events: {
            onAny(listener) {
              let off: (() => void) | undefined;
              let stopped = false;
              void ready.then((notebook) => {
                if (!stopped && 'service' in notebook) off = notebook.service.events.onAny(listener);
              });
              return () => {
                stopped = true;
                off?.();
              };
            },
          },
          getWindow: () => mainWindow,
          appOrigin,
        }),
      );
      cleanups.push(
        installApplicationMenu({
          appName: app.getName(),
          platform: process.platform,
          developerTools: !app.isPackaged,
          onCommand: onMenuCommand,
        }),
      );
      openWindow();
    })
    .catch((error: unknown) => failToStart(error instanceof Error ? error.message : String(error)));
}
