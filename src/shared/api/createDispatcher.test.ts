import { describe, expect, it, vi } from 'vitest';
import { createDispatcher } from './createDispatcher';
import { NotebookError } from './errors';
import type { NotebookApi } from './NotebookApi';
import { fakeNotebookApi } from './testing/fakeNotebookApi';

function fakeService(overrides: Partial<NotebookApi> = {}) {
  return fakeNotebookApi({
    getAppInfo: async () => ({ name: 'Study Notebook', version: '1', host: 'web' as const, vaultPath: '/v' }),
    listEntries: async () => [],
    getEntry: async ({ id }: { id: string }) => {
      throw new NotebookError('not-found', `no ${id}`);
    },
    getWorkspaceState: async () => ({}),
    updateWorkspaceState: async ({ patch }) => patch,
    ...overrides,
  });
}

describe('createDispatcher', () => {
  it('calls the method with validated arguments and wraps the result', async () => {
    const service = fakeService();
    const call = createDispatcher(service);
    await expect(call('updateWorkspaceState', { patch: { referenceEntryId: 'a-b' } })).resolves.toEqual({
      ok: true,
      value: { referenceEntryId: 'a-b' },
    });
    expect(service.updateWorkspaceState).toHaveBeenCalledWith({ patch: { referenceEntryId: 'a-b' } });
  });

  it('rejects unknown methods, including inherited property names', async () => {
    const call = createDispatcher(fakeService());
    for (const method of ['deleteEverything', 'toString', '__proto__', 'constructor', 42, null]) {
      const result = await call(method, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    }
  });

  it('rejects invalid arguments without calling the service', async () => {
    const service = fakeService();
    const call = createDispatcher(service);
    const result = await call('getEntry', { id: '../etc/passwd' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid-arguments', message: 'Invalid arguments for getEntry: args.id: must be a glossary id' },
    });
    expect(service.getEntry).not.toHaveBeenCalled();
  });

  it('passes NotebookErrors through as envelopes', async () => {
    const call = createDispatcher(fakeService());
    await expect(call('getEntry', { id: 'missing' })).resolves.toEqual({
      ok: false,
      error: { code: 'not-found', message: 'no missing' },
    });
  });

  it('turns unexpected errors into a generic internal error and reports them', async () => {
    const onInternalError = vi.fn();
    const call = createDispatcher(
      fakeService({
        listEntries: async () => {
          throw new Error('EACCES: /home/secret/path');
        },
      }),
      { onInternalError },
    );
    const result = await call('listEntries', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('/home/secret');
    expect(onInternalError).toHaveBeenCalledOnce();
  });
});
