import { describe, expect, it, vi } from 'vitest';
import type { NoteChange } from '@shared/domain/note';
import { EventBus } from '../events/EventBus';
import { DerivedIndexLifecycle } from './DerivedIndexLifecycle';

const changed = (path: string, version = 'v1'): NoteChange => ({ kind: 'changed', path, version, external: false });

function setup(options: { batching?: 'now' | 'next-turn'; applyAfterReady?: boolean } = {}) {
  const events = new EventBus();
  const batches: NoteChange[][] = [];
  const lifecycle = new DerivedIndexLifecycle({
    events,
    log: () => undefined,
    applyFailureMessage: 'failed',
    apply: async (changes) => {
      batches.push(changes);
    },
    ...options,
  });
  const send = (...changes: NoteChange[]) => events.emit('notes-changed', { changes });
  return { events, batches, lifecycle, send };
}

describe('DerivedIndexLifecycle', () => {
  it('applies the latest change of each path, and settles once every change seen was applied', async () => {
    const { batches, lifecycle, send } = setup();
    send(changed('a.md', 'v1'), changed('b.md'));
    send(changed('a.md', 'v2'));
    expect(lifecycle.busy).toBe(true);
    await lifecycle.settled();
    expect(lifecycle.busy).toBe(false);
    expect(batches).toEqual([[changed('a.md', 'v2'), changed('b.md')]]);
  });

  it('gathers a burst into one batch on the next turn with next-turn batching', async () => {
    const { batches, lifecycle, send } = setup({ batching: 'next-turn' });
    send(changed('a.md'));
    await Promise.resolve();
    send(changed('b.md'));
    await lifecycle.settled();
    expect(batches.map((batch) => batch.map((c) => c.path))).toEqual([['a.md', 'b.md']]);
  });

  it('holds batches until the index is first ready when asked to', async () => {
    const { batches, lifecycle, send } = setup({ applyAfterReady: true });
    send(changed('a.md'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([]);
    lifecycle.markReady();
    await lifecycle.settled();
    expect(batches).toHaveLength(1);
  });

  it('tells whoever waits when the index is ready, again after a rebuild, and releases them at close', async () => {
    const { lifecycle } = setup();
    const first = vi.fn();
    void lifecycle.whenReady().then(first);
    lifecycle.markReady();
    await Promise.resolve();
    expect(first).toHaveBeenCalled();
    lifecycle.markBuilding();
    const second = vi.fn();
    const waiting = lifecycle.whenReady().then(second);
    await Promise.resolve();
    expect(second).not.toHaveBeenCalled();
    await lifecycle.close();
    await waiting;
    expect(second).toHaveBeenCalled();
  });

  it('stops following changes at close and writes a dirty cache', async () => {
    const events = new EventBus();
    const write = vi.fn(async () => undefined);
    const apply = vi.fn(async () => undefined);
    const lifecycle = new DerivedIndexLifecycle({
      events,
      log: () => undefined,
      applyFailureMessage: 'failed',
      apply,
      cache: { write, failureMessage: 'no cache' },
    });
    lifecycle.cache!.markDirty(60_000);
    await lifecycle.close();
    expect(write).toHaveBeenCalledTimes(1);
    events.emit('notes-changed', { changes: [changed('a.md')] });
    await lifecycle.settled();
    expect(apply).not.toHaveBeenCalled();
  });
});
