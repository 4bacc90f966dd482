import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BrowserWindow, Rectangle } from 'electron';
import { app, screen } from 'electron';

/** Where and how big the main window was, as remembered between runs. */
export interface WindowState {
  /** Absent x/y: let the OS place (centre) the window. */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
  fullScreen: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1200, height: 800, maximized: false, fullScreen: false };
export const MIN_WINDOW_SIZE = { width: 640, height: 420 };

/** The file the state lives in: `window-state.json` in Electron's userData folder. */
export function windowStateFile(): string {
  return join(app.getPath('userData'), 'window-state.json');
}

const isInt = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/**
 * Reads a saved state. Anything unexpected (not JSON, missing or absurd numbers) gives
 * null, so a damaged file means default placement, never a crash or an invisible window.
 */
export function parseWindowState(text: string): WindowState | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (!isInt(r.width, MIN_WINDOW_SIZE.width, 100_000) || !isInt(r.height, MIN_WINDOW_SIZE.height, 100_000)) return null;
  const state: WindowState = {
    width: r.width,
    height: r.height,
    maximized: r.maximized === true,
    fullScreen: r.fullScreen === true,
  };
  if (isInt(r.x, -100_000, 100_000) && isInt(r.y, -100_000, 100_000)) {
    state.x = r.x;
    state.y = r.y;
  }
  return state;
}

// How much of the window's top strip must lie on a screen for the user to grab and move it.
const GRAB_WIDTH = 100;
const GRAB_HEIGHT = 24;

/**
 * Adjusts a saved state to the displays attached now: the size is capped to the
 * largest work area, and the position is dropped (the OS centres the window) unless
 * enough of the title-bar strip lies on some display to grab it. This covers an
 * unplugged monitor or a changed resolution.
 */
export function fitToDisplays(state: WindowState, workAreas: readonly Rectangle[]): WindowState {
  if (workAreas.length === 0) return state;
  const maxWidth = Math.max(...workAreas.map((a) => a.width));
  const maxHeight = Math.max(...workAreas.map((a) => a.height));
  const fitted: WindowState = {
    ...state,
    width: Math.max(MIN_WINDOW_SIZE.width, Math.min(state.width, maxWidth)),
    height: Math.max(MIN_WINDOW_SIZE.height, Math.min(state.height, maxHeight)),
  };
  if (fitted.x === undefined || fitted.y === undefined) return fitted;
  const { x, y, width } = fitted;
  const grabbable = workAreas.some((area) => {
    const overlapWidth = Math.min(x + width, area.x + area.width) - Math.max(x, area.x);
    const overlapHeight = Math.min(y + GRAB_HEIGHT, area.y + area.height) - Math.max(y, area.y);
    return overlapWidth >= GRAB_WIDTH && overlapHeight >= GRAB_HEIGHT;
  });
  if (!grabbable) {
    delete fitted.x;
    delete fitted.y;
  }
  return fitted;
}

/**
 * The state to open the main window with: the saved one fitted to the current
 * displays, or DEFAULT_WINDOW_STATE when none was saved or the file is unreadable.
 */
export function loadWindowState(file: string = windowStateFile()): WindowState {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
  const saved = parseWindowState(text) ?? { ...DEFAULT_WINDOW_STATE };
  return fitToDisplays(
    saved,
    screen.getAllDisplays().map((display) => display.workArea),
  );
}

/**
 * Writes the state so a crash mid-write leaves the old file, not half a file.
 * Synchronous on purpose: it runs while the window closes during quit, when an
 * asynchronous write might not finish before the process exits.
 */
export function saveWindowState(state: WindowState, file: string = windowStateFile()): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`, 'utf8');
    renameSync(temp, file);
  } catch (error) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // The leftover temp file is harmless; the warning below is what matters.
    }
    // Losing the window position is not worth failing a quit over.
    console.warn('Could not save the window position:', error);
  }
}

/** The state of a window as it should be remembered (its restored bounds when maximized). */
export function captureWindowState(window: BrowserWindow): WindowState {
  const bounds = window.getNormalBounds();
  return {
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: bounds.height,
    maximized: window.isMaximized(),
    fullScreen: window.isFullScreen(),
  };
}

/** Saves the window's state to `file` when it closes. Returns its own cleanup. */
export function trackWindowState(window: BrowserWindow, file: string = windowStateFile()): () => void {
  const onClose = () => saveWindowState(captureWindowState(window), file);
  window.on('close', onClose);
  return () => {
    window.off('close', onClose);
  };
}
