import { vi, type Mock } from 'vitest';
import { NotebookError } from '../errors';
import { methodNames } from '../methods';
import type { NotebookApi } from '../NotebookApi';

export type FakeNotebookApi = { [M in keyof NotebookApi]: Mock<NotebookApi[M]> };

/**
 * A NotebookApi for tests: every method is a vi.fn; those not overridden reject with an
 * internal error naming themselves, so a test notices a call it did not expect.
 */
export function fakeNotebookApi(overrides: Partial<NotebookApi> = {}): FakeNotebookApi {
  const api: Record<string, Mock> = {};
  for (const name of methodNames) {
    const implementation =
      overrides[name] ??
      (async () => {
        throw new NotebookError('internal', `unexpected call to ${name}`);
      });
    api[name] = vi.fn(implementation as (...args: unknown[]) => unknown);
  }
  return api as unknown as FakeNotebookApi;
}
