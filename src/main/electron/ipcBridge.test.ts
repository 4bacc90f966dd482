import type { BrowserWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDispatcher } from '@shared/api/createDispatcher';
import type { Envelope } from '@shared/api/envelope';
import { EventBus } from '../notebook/events/EventBus';
import type { NotebookBridge } from '../../preload/index';
import { CALL_CHANNEL, EVENT_CHANNEL, REFUSED_CALL, registerIpcBridge } from './ipcBridge';
import {
  FakeBrowserWindow,
  fakeElectron,
  FakeFrame,
  fakeInvokeEvent,
  FakeWebContents,
  resetFakeElectron,
} from './testing/fakeElectron';

import { fakeNotebookApi } from '@shared/api/testing/fakeNotebookApi';

vi.mock('electron', async () => (await import('./testing/fakeElectron')).fakeElectron);

const ORIGIN = 'app://renderer';

function fakeService() {
  return fakeNotebookApi({
    getAppInfo: async () => ({ name: 'Study Notebook', version: '1', host: 'electron' as const, vaultPath: '/v' }),
    listEntries: async () => [],
    getWorkspaceState: async () => ({}),
    updateWorkspaceState: async () => ({}),
  });
}

describe('registerIpcBridge', () => {
  let window: FakeBrowserWindow;
  let service: ReturnType<typeof fakeService>;
  let events: EventBus;
  let release: () => void;
  let consoleWarn: ReturnType<typeof vi.spyOn>;

  beforeEach(async () => {
    resetFakeElectron();
    consoleWarn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    window = new FakeBrowserWindow();
    await window.loadURL('app://renderer/index.html');
    service = fakeService();
    events = new EventBus();
    release = registerIpcBridge({
      dispatch: createDispatcher(service),
      events,
      getWindow: () => window as unknown as BrowserWindow,
      appOrigin: ORIGIN,
    });
  });

  afterEach(() => {
    release();
    consoleWarn.mockRestore();
  });

  const call = (event: unknown, method: unknown, args: unknown = null) =>
    fakeElectron.ipcMain.invoke(CALL_CHANNEL, event, method, args) as Promise<Envelope>;

  it('answers a call from our window with the service result', async () => {
    const envelope = await call(fakeInvokeEvent(window.webContents), 'getAppInfo');
    expect(envelope).toEqual({
      ok: true,
      value: { name: 'Study Notebook', version: '1', host: 'electron', vaultPath: '/v' },
    });
    expect(service.getAppInfo).toHaveBeenCalledTimes(1);
  });

  it('accepts a call whose frame object is a different instance for our main frame', async () => {
    const frame = window.webContents.mainFrame.sameFrame();
    const envelope = await call(fakeInvokeEvent(window.webContents, frame), 'getAppInfo');
    expect(envelope).toMatchObject({ ok: true });
  });

  it('refuses a call from a top-level frame that is not our main frame', async () => {
    const stranger = new FakeFrame('app://renderer/index.html');
    expect(await call(fakeInvokeEvent(window.webContents, stranger), 'getAppInfo')).toEqual(REFUSED_CALL);
    expect(service.getAppInfo).not.toHaveBeenCalled();
  });

  it('passes the dispatcher verdict on bad input through as an envelope', async () => {
    const envelope = await call(fakeInvokeEvent(window.webContents), 'deleteEverything');
    expect(envelope).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
  });

  it('refuses a call from a subframe of our window, without calling the service', async () => {
    // Same ids as the main frame, so only the parent check can catch it.
    const main = window.webContents.mainFrame;
    const iframe = new FakeFrame('app://renderer/index.html', main, main.routingId);
    const envelope = await call(fakeInvokeEvent(window.webContents, iframe), 'getAppInfo');
    expect(envelope).toEqual(REFUSED_CALL);
    expect(service.getAppInfo).not.toHaveBeenCalled();
    expect(consoleWarn).toHaveBeenCalledTimes(1);
  });

  it('refuses a call once our window shows a page of another origin', async () => {
    window.webContents.mainFrame.url = 'https://evil.example/';
    const envelope = await call(fakeInvokeEvent(window.webContents), 'getAppInfo');
    expect(envelope).toEqual(REFUSED_CALL);
    expect(service.getAppInfo).not.toHaveBeenCalled();
  });

  it.each(['file:///tmp/index.html', 'app://elsewhere/index.html', 'about:blank', 'data:text/html,x'])(
    'refuses a call from a main frame at %s',
    async (url) => {
      window.webContents.mainFrame.url = url;
      expect(await call(fakeInvokeEvent(window.webContents), 'getAppInfo')).toEqual(REFUSED_CALL);
      expect(service.getAppInfo).not.toHaveBeenCalled();
    },
  );

  it('refuses a call from another webContents, even one showing our page', async () => {
    const other = new FakeWebContents('app://renderer/index.html');
    // Even with frame ids that collide with ours, the sender check alone must refuse it.
    other.mainFrame = window.webContents.mainFrame.sameFrame();
    expect(await call(fakeInvokeEvent(other), 'getAppInfo')).toEqual(REFUSED_CALL);
    expect(service.getAppInfo).not.toHaveBeenCalled();
  });

  it('refuses a call whose frame is already gone', async () => {
    expect(await call(fakeInvokeEvent(window.webContents, null), 'getAppInfo')).toEqual(REFUSED_CALL);
    expect(service.getAppInfo).not.toHaveBeenCalled();
  });

  it('refuses calls after the window was closed', async () => {
    window.close();
    expect(await call(fakeInvokeEvent(window.webContents), 'getAppInfo')).toEqual(REFUSED_CALL);
    expect(service.getAppInfo).not.toHaveBeenCalled();
  });

  it('answers with an internal-error envelope, not a rejection, if the dispatcher throws', async () => {
    release();
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    release = registerIpcBridge({
      dispatch: () => Promise.reject(new Error('boom at /secret/path')),
      events,
      getWindow: () => window as unknown as BrowserWindow,
      appOrigin: ORIGIN,
    });
    const envelope = await call(fakeInvokeEvent(window.webContents), 'getAppInfo');
    expect(envelope).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(envelope)).not.toContain('/secret/path');
    consoleError.mockRestore();
  });

  it('forwards backend events to our page as (name, payload)', () => {
    events.emit('glossary-changed', { count: 3 });
    expect(window.webContents.sent).toEqual([[EVENT_CHANNEL, 'glossary-changed', { count: 3 }]]);
  });

  it('does not leak events to a page of another origin', () => {
    window.webContents.mainFrame.url = 'https://evil.example/';
    events.emit('glossary-changed', { count: 3 });
    expect(window.webContents.sent).toEqual([]);
  });

  it('agrees with the preload on channels: a call and an event make the full round trip', async () => {
    // Play Electron's part: the preload's invoke reaches ipcMain as a call from our main frame,
    // and what main sends to the window arrives at the preload's ipcRenderer.
    fakeElectron.ipcRenderer.invoke.mockImplementation((channel: string, ...args: unknown[]) =>
      fakeElectron.ipcMain.invoke(channel, fakeInvokeEvent(window.webContents), ...args),
    );
    await import('../../preload/index');
    const bridge = fakeElectron.contextBridge.exposed.get('notebook') as NotebookBridge;

    expect(await bridge.call('listEntries', null)).toEqual({ ok: true, value: [] });
    expect(service.listEntries).toHaveBeenCalledTimes(1);

    const listener = vi.fn();
    bridge.on('glossary-changed', listener);
    events.emit('glossary-changed', { count: 2 });
    for (const [channel, ...args] of window.webContents.sent) {
      fakeElectron.ipcRenderer.emit(channel as string, { sender: 'ipc event' }, ...args);
    }
    expect(listener).toHaveBeenCalledWith({ count: 2 });
    expect(listener.mock.calls[0]).toHaveLength(1);
  });

  it('its cleanup removes the handler and the event subscription', () => {
    release();
    release = () => undefined;
    expect(fakeElectron.ipcMain.handlers.has(CALL_CHANNEL)).toBe(false);
    events.emit('glossary-changed', { count: 1 });
    expect(window.webContents.sent).toEqual([]);
  });
});
