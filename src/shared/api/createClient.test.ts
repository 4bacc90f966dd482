import { describe, expect, it, vi } from 'vitest';
import { createClient, type Transport } from './createClient';
import { NotebookError } from './errors';
import { methodNames } from './methods';

describe('createClient', () => {
  it('exposes every contract method and unwraps ok envelopes', async () => {
    const transport: Transport = {
      call: vi.fn(async () => ({ ok: true as const, value: [{ id: 'a', title: 'A', aliases: [] }] })),
      on: vi.fn(() => () => undefined),
    };
    const client = createClient(transport);
    for (const name of methodNames) expect(typeof client[name]).toBe('function');
    await expect(client.listEntries()).resolves.toEqual([{ id: 'a', title: 'A', aliases: [] }]);
    expect(transport.call).toHaveBeenCalledWith('listEntries', null);
  });

  it('throws a NotebookError with the code of an error envelope', async () => {
    const client = createClient({
      call: async () => ({ ok: false as const, error: { code: 'not-found' as const, message: 'gone' } }),
      on: () => () => undefined,
    });
    const error = await client.getEntry({ id: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotebookError);
    expect(error).toMatchObject({ code: 'not-found', message: 'gone' });
  });

  it('reports a broken transport as io-failure', async () => {
    const client = createClient({
      call: async () => {
        throw new TypeError('fetch failed');
      },
      on: () => () => undefined,
    });
    await expect(client.listEntries()).rejects.toMatchObject({ code: 'io-failure' });
  });

  it('forwards event subscriptions and their cleanup', () => {
    const off = vi.fn();
    const on = vi.fn(() => off);
    const client = createClient({ call: vi.fn(), on });
    const listener = vi.fn();
    const unsubscribe = client.on('glossary-changed', listener);
    expect(on).toHaveBeenCalledWith('glossary-changed', listener);
    unsubscribe();
    expect(off).toHaveBeenCalledOnce();
  });
});
