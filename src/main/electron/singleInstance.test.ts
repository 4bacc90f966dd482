import type { BrowserWindow } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { claimSingleInstance, focusWindow } from './singleInstance';
import { FakeBrowserWindow, fakeElectron, resetFakeElectron } from './testing/fakeElectron';

vi.mock('electron', async () => (await import('./testing/fakeElectron')).fakeElectron);

describe('claimSingleInstance', () => {
  beforeEach(() => {
    resetFakeElectron();
  });

  it('gives null when another instance holds the lock', () => {
    fakeElectron.app.singleInstanceLock = false;
    expect(claimSingleInstance(vi.fn())).toBeNull();
  });

  it('calls back when the app is started a second time, until released', () => {
    const onSecond = vi.fn();
    const release = claimSingleInstance(onSecond);
    expect(release).toBeTypeOf('function');
    fakeElectron.app.emit('second-instance', {}, ['app'], '/');
    expect(onSecond).toHaveBeenCalledTimes(1);
    release?.();
    fakeElectron.app.emit('second-instance', {}, ['app'], '/');
    expect(onSecond).toHaveBeenCalledTimes(1);
    expect(fakeElectron.app.releaseSingleInstanceLock).toHaveBeenCalled();
  });
});

describe('focusWindow', () => {
  beforeEach(() => {
    resetFakeElectron();
  });

  it('restores, shows and focuses a minimized window', () => {
    const window = new FakeBrowserWindow();
    window.minimized = true;
    focusWindow(window as unknown as BrowserWindow);
    expect(window).toMatchObject({ minimized: false, visible: true, focused: true });
  });

  it('ignores a missing or closed window', () => {
    const window = new FakeBrowserWindow();
    window.close();
    expect(() => focusWindow(window as unknown as BrowserWindow)).not.toThrow();
    expect(() => focusWindow(null)).not.toThrow();
    expect(window.focused).toBe(false);
  });
});
