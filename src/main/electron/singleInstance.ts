import type { BrowserWindow } from 'electron';
import { app } from 'electron';

/** Brings a window to the front: shown, restored if minimized, focused. No-op without a live window. */
export function focusWindow(window: BrowserWindow | null | undefined): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  if (!window.isVisible()) window.show();
  window.focus();
}

/**
 * Makes this process the only running instance. Two instances would both write the
 * same vault and state files, and their writes could interleave.
 *
 * @param onSecondInstance called when the user starts the app again while this one
 *   runs (typically: focus the window). A `--vault` on that second command line is
 *   ignored: switching vaults under a running window could drop unsaved edits.
 * @returns null when another instance already holds the lock (the caller should quit
 *   right away), else a cleanup that stops listening and releases the lock.
 */
export function claimSingleInstance(onSecondInstance: () => void): (() => void) | null {
  if (!app.requestSingleInstanceLock()) return null;
  const listener = () => onSecondInstance();
  app.on('second-instance', listener);
  return () => {
    app.off('second-instance', listener);
    app.releaseSingleInstanceLock();
  };
}
