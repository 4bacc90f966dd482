import { act, cleanup, renderHook } from '@testing-library/react';
import type { NotebookClient } from '@shared/api/createClient';
import type { IndexStatus } from '@shared/domain/search';
import { afterEach, describe, expect, it } from 'vitest';
import { useIndexStatus } from './useIndexStatus';

afterEach(cleanup);

/** A client whose getIndexStatus answers when told to, and whose events are sent by hand. */
function fakeApi() {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const answers: Array<(status: IndexStatus) => void> = [];
  const api = {
    getIndexStatus: () => new Promise<IndexStatus>((resolve) => answers.push(resolve)),
    on: (event: string, listener: (payload: unknown) => void) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  } as unknown as NotebookClient;
  const emit = (event: string, payload: unknown) => listeners.get(event)?.forEach((listener) => listener(payload));
  return { api, answers, emit };
}

const building = { state: 'building', indexed: 10, total: 100 } as unknown as IndexStatus;
const ready = { state: 'ready', indexed: 100, total: 100 } as unknown as IndexStatus;

describe('an index status', () => {
  it('follows the answer to its call, then the events', async () => {
    const { api, answers, emit } = fakeApi();
    const { result } = renderHook(() => useIndexStatus(api));
    await act(async () => answers[0]!(building));
    expect(result.current.status?.state).toBe('building');
    act(() => emit('index-status', ready));
    expect(result.current.status?.state).toBe('ready');
  });

  it('is not put back to an older state by an answer that arrives after a newer event', async () => {
    const { api, answers, emit } = fakeApi();
    const { result } = renderHook(() => useIndexStatus(api));
    // The index finished while the first call's answer ("building") was on its way.
    act(() => emit('index-status', ready));
    await act(async () => answers[0]!(building));
    expect(result.current.status?.state).toBe('ready');

    // A refetch after the stream reconnects, with no event since, is applied.
    act(() => emit('resync', {}));
    await act(async () => answers[1]!(building));
    expect(result.current.status?.state).toBe('building');
  });
});
