import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, fakeElectron, resetFakeElectron } from './testing/fakeElectron';
import {
  DEFAULT_WINDOW_STATE,
  fitToDisplays,
  loadWindowState,
  parseWindowState,
  trackWindowState,
  windowStateFile,
} from './windowState';

vi.mock('electron', async () => (await import('./testing/fakeElectron')).fakeElectron);

const screen = { x: 0, y: 0, width: 1920, height: 1080 };

describe('parseWindowState', () => {
  it('reads a saved state', () => {
    expect(parseWindowState('{"x":10,"y":20,"width":1000,"height":700,"maximized":true,"fullScreen":false}')).toEqual({
      x: 10,
      y: 20,
      width: 1000,
      height: 700,
      maximized: true,
      fullScreen: false,
    });
  });

  it.each([
    '',
    'not json',
    'null',
    '[]',
    '{"width":"wide","height":700}',
    '{"width":10,"height":10}',
    '{"width":1e9,"height":700}',
  ])('gives null for %j', (text) => {
    expect(parseWindowState(text)).toBeNull();
  });

  it('drops a position that is not a pair of integers', () => {
    expect(parseWindowState('{"x":"left","y":5,"width":1000,"height":700}')).not.toHaveProperty('x');
  });
});

describe('fitToDisplays', () => {
  const saved = { x: 100, y: 100, width: 1000, height: 700, maximized: false, fullScreen: false };

  it('keeps a window that is on screen', () => {
    expect(fitToDisplays(saved, [screen])).toEqual(saved);
  });

  it('lets the OS place a window whose monitor was unplugged', () => {
    const fitted = fitToDisplays({ ...saved, x: 2500 }, [screen]);
    expect(fitted).not.toHaveProperty('x');
    expect(fitted).not.toHaveProperty('y');
  });

  it('keeps a window on a second monitor that is still attached', () => {
    const second = { x: 1920, y: 0, width: 1280, height: 1024 };
    expect(fitToDisplays({ ...saved, x: 2000 }, [screen, second])).toMatchObject({ x: 2000, y: 100 });
  });

  it('lets the OS place a window whose title bar is above every screen', () => {
    expect(fitToDisplays({ ...saved, y: -500 }, [screen])).not.toHaveProperty('y');
  });

  it('shrinks a window larger than any screen', () => {
    expect(fitToDisplays({ ...saved, width: 5000, height: 3000 }, [screen])).toMatchObject({
      width: 1920,
      height: 1080,
    });
  });
});

describe('loading and saving', () => {
  let dir: string;
  beforeEach(() => {
    resetFakeElectron();
    dir = mkdtempSync(join(tmpdir(), 'window-state-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("lives in Electron's userData folder", () => {
    expect(windowStateFile()).toBe(join('/fake/userData', 'window-state.json'));
  });

  it('gives the defaults when nothing was saved or the file is damaged', () => {
    expect(loadWindowState(join(dir, 'missing.json'))).toEqual(DEFAULT_WINDOW_STATE);
    writeFileSync(join(dir, 'bad.json'), '{"width":');
    expect(loadWindowState(join(dir, 'bad.json'))).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('remembers the size, place and maximized state across a close and a reopen', () => {
    const file = join(dir, 'state', 'window-state.json');
    const window = new FakeBrowserWindow();
    window.bounds = { x: 50, y: 60, width: 1100, height: 750 };
    window.maximized = true;
    trackWindowState(window as unknown as BrowserWindow, file);
    window.close();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ x: 50, y: 60, width: 1100, height: 750 });
    expect(loadWindowState(file)).toEqual({
      x: 50,
      y: 60,
      width: 1100,
      height: 750,
      maximized: true,
      fullScreen: false,
    });
  });

  it('fits the saved place to the displays attached now', () => {
    const file = join(dir, 'window-state.json');
    writeFileSync(file, JSON.stringify({ x: 3000, y: 60, width: 1100, height: 750 }));
    fakeElectron.screen.displays = [{ id: 1, workArea: screen }];
    expect(loadWindowState(file)).not.toHaveProperty('x');
  });

  it('its cleanup stops saving', () => {
    const file = join(dir, 'window-state.json');
    const window = new FakeBrowserWindow();
    trackWindowState(window as unknown as BrowserWindow, file)();
    window.close();
    expect(() => readFileSync(file)).toThrow();
  });
});
