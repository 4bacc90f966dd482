import type { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { NotebookBridge } from './index';

// A fake of the two things a sandboxed preload can reach. Kept here rather than shared
// with src/main: the preload layer may not import main code, tests included.
type FakeIpcRenderer = EventEmitter & { invoke: ReturnType<typeof vi.fn> };
const electron = vi.hoisted(() => ({ exposed: new Map<string, unknown>(), ipcRenderer: null as unknown }));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  electron.ipcRenderer = Object.assign(new Emitter(), { invoke: vi.fn() });
  return {
    ipcRenderer: electron.ipcRenderer,
    contextBridge: {
      exposeInMainWorld(key: string, api: unknown) {
        if (electron.exposed.has(key)) throw new Error(`already exposed: ${key}`);
        electron.exposed.set(key, api);
      },
    },
  };
});

function fakeIpcRenderer(): FakeIpcRenderer {
  return electron.ipcRenderer as FakeIpcRenderer;
}

/** Runs the preload afresh, as a new page load would, and returns what it exposed. */
async function loadPreload(): Promise<NotebookBridge> {
  vi.resetModules();
  electron.exposed.clear();
  await import('./index');
  fakeIpcRenderer().removeAllListeners();
  fakeIpcRenderer().invoke.mockReset().mockResolvedValue({ ok: true, value: 'answer' });
  return electron.exposed.get('notebook') as NotebookBridge;
}

describe('preload bridge', () => {
  let bridge: NotebookBridge;
  beforeEach(async () => {
    bridge = await loadPreload();
  });

  it('exposes exactly one global, notebook, with exactly call and on', () => {
    expect([...electron.exposed.keys()]).toEqual(['notebook']);
    expect(Object.keys(bridge).sort()).toEqual(['call', 'on']);
    expect(typeof bridge.call).toBe('function');
    expect(typeof bridge.on).toBe('function');
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('never hands the page ipcRenderer or any of its functions', () => {
    const ipc = fakeIpcRenderer();
    for (const value of Object.values(bridge)) {
      expect(value).not.toBe(ipc);
      expect(value).not.toBe(ipc.invoke);
      expect(value).not.toBe(ipc.on);
    }
  });

  it('sends a call over the one invoke channel and returns the envelope', async () => {
    await expect(bridge.call('getAppInfo', { a: 1 })).resolves.toEqual({ ok: true, value: 'answer' });
    expect(fakeIpcRenderer().invoke).toHaveBeenCalledWith('notebook:call', 'getAppInfo', { a: 1 });
  });

  it.each([42, null, undefined, { toString: () => 'getAppInfo' }])(
    'rejects a non-string method (%s) without touching IPC',
    async (method) => {
      await expect(bridge.call(method as unknown as string, null)).rejects.toThrow(TypeError);
      expect(fakeIpcRenderer().invoke).not.toHaveBeenCalled();
    },
  );

  it('gives listeners the payload only, never the IPC event', () => {
    const listener = vi.fn();
    bridge.on('glossary-changed', listener);
    fakeIpcRenderer().emit('notebook:event', { sender: 'secret ipc event' }, 'glossary-changed', { count: 3 });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([{ count: 3 }]);
  });

  it('delivers each event only to its own listeners', () => {
    const mine = vi.fn();
    const other = vi.fn();
    bridge.on('glossary-changed', mine);
    bridge.on('something-else', other);
    fakeIpcRenderer().emit('notebook:event', {}, 'glossary-changed', { count: 1 });
    expect(mine).toHaveBeenCalledTimes(1);
    expect(other).not.toHaveBeenCalled();
  });

  it('stops delivering after unsubscribe, and drops its IPC listener when none are left', () => {
    const listener = vi.fn();
    const off = bridge.on('glossary-changed', listener);
    expect(fakeIpcRenderer().listenerCount('notebook:event')).toBe(1);
    off();
    off();
    fakeIpcRenderer().emit('notebook:event', {}, 'glossary-changed', { count: 1 });
    expect(listener).not.toHaveBeenCalled();
    expect(fakeIpcRenderer().listenerCount('notebook:event')).toBe(0);
  });

  it('uses one IPC listener however many subscribers there are', () => {
    for (let i = 0; i < 20; i++) bridge.on('glossary-changed', () => undefined);
    expect(fakeIpcRenderer().listenerCount('notebook:event')).toBe(1);
  });

  it('keeps delivering to other listeners when one throws', () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const after = vi.fn();
    bridge.on('glossary-changed', () => {
      throw new Error('broken subscriber');
    });
    bridge.on('glossary-changed', after);
    fakeIpcRenderer().emit('notebook:event', {}, 'glossary-changed', { count: 1 });
    expect(after).toHaveBeenCalledTimes(1);
    consoleError.mockRestore();
  });

  it.each([
    [42, () => undefined],
    ['glossary-changed', 'not a function'],
  ])('refuses on(%j, %j)', (event, listener) => {
    expect(() => bridge.on(event as string, listener as () => void)).toThrow(TypeError);
    expect(fakeIpcRenderer().listenerCount('notebook:event')).toBe(0);
  });
});
