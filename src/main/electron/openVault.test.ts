import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Envelope } from '@shared/api/envelope';
import { CALL_CHANNEL } from './ipcBridge';
import { startApp } from './startApp';
import { FakeBrowserWindow, fakeElectron, fakeInvokeEvent, resetFakeElectron } from './testing/fakeElectron';

vi.mock('electron', async () => (await import('./testing/fakeElectron')).fakeElectron);

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

/**
 * The desktop app with its real notebook: the page asks for vaults over IPC, and only the
 * main process's folder picker (or a vault opened before) decides which folder opens.
 */
describe('opening a vault in the desktop app', () => {
  let dir: string;
  let window: FakeBrowserWindow;
  const call = async (method: string, args: unknown) =>
    (await fakeElectron.ipcMain.invoke(CALL_CHANNEL, fakeInvokeEvent(window.webContents), method, args)) as Envelope;

  beforeEach(async () => {
    resetFakeElectron();
    // The app reads the shipped glossary from its source tree when unpackaged.
    fakeElectron.app.appPath = join(__dirname, '..', '..', '..');
    dir = mkdtempSync(join(tmpdir(), 'open-vault-'));
    mkdirSync(join(dir, 'A'));
    startApp({
      preloadPath: '/out/preload/index.js',
      rendererDir: join(dir, 'renderer'),
      argv: ['app', '--vault', join(dir, 'A'), '--state-dir', join(dir, 'state')],
      env: {},
    });
    await fakeElectron.app.becomeReady();
    for (let i = 0; i < 100 && FakeBrowserWindow.instances.length === 0; i++) await settle();
    window = FakeBrowserWindow.instances[0]!;
  });

  afterEach(async () => {
    // Quitting closes the notebook (watchers, search worker) before the folders go.
    fakeElectron.app.emit('will-quit', { preventDefault: () => undefined });
    for (let i = 0; i < 250 && fakeElectron.app.quit.mock.calls.length === 0; i++) await settle();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a folder the page names that the user never picked: /etc, the home folder, a new folder', async () => {
    for (const path of ['/etc', homedir(), '~', join(dir, 'Elsewhere')]) {
      expect(await call('openVault', { path })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(fakeElectron.dialog.showOpenDialog).not.toHaveBeenCalled();
    expect(await call('getAppInfo', null)).toMatchObject({ ok: true, value: { vaultPath: join(dir, 'A') } });
    expect(readdirSync(dir).sort()).toEqual(['A', 'state']);
  });

  it('opens what the user picks in the main process folder picker, then lets the page switch back by path', async () => {
    mkdirSync(join(dir, 'Picked'));
    fakeElectron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [join(dir, 'Picked')] });
    expect(await call('openVault', {})).toMatchObject({ ok: true, value: { vaultPath: join(dir, 'Picked') } });
    expect(fakeElectron.dialog.showOpenDialog).toHaveBeenCalledWith(window, expect.anything());
    expect(await call('listVaults', null)).toEqual({ ok: true, value: [join(dir, 'Picked'), join(dir, 'A')] });
    expect(await call('openVault', { path: join(dir, 'A') })).toMatchObject({
      ok: true,
      value: { vaultPath: join(dir, 'A') },
    });
    // Cancelling the picker changes nothing.
    expect(await call('openVault', {})).toEqual({ ok: true, value: null });
    expect(await call('getAppInfo', null)).toMatchObject({ ok: true, value: { vaultPath: join(dir, 'A') } });
  });
});
