import type { NotebookClient } from '@shared/api/createClient';
import type { EntryRows } from '@shared/domain/glossary';
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useGlossaryRows } from './useGlossaryRows';

/** A client whose listEntryRows answers wait for the test, and whose events the test emits. */
function fakeClient() {
  const calls: { filter: string; resolve(rows: EntryRows): void }[] = [];
  const listeners = new Map<string, Set<() => void>>();
  const api = {
    listEntryRows: (args: { filter: string }) =>
      new Promise<EntryRows>((resolve) => calls.push({ filter: args.filter, resolve })),
    on: (event: string, listener: () => void) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  } as unknown as NotebookClient;
  const emit = (event: string) => listeners.get(event)?.forEach((listener) => listener());
  return { api, calls, emit };
}

const rows = (total: number, title: string): EntryRows => ({
  total,
  all: 100,
  rows: Array.from({ length: total }, (_, n) => ({ id: `${title}-${n}`, title, aliases: [] })),
});

describe('useGlossaryRows', () => {
  it('shows the newest filter’s rows even when an older answer arrives last', async () => {
    const { api, calls } = fakeClient();
    const { result } = renderHook(() => useGlossaryRows(api));
    await act(async () => calls[0]!.resolve(rows(3, 'all')));
    expect(result.current.view).toMatchObject({ filter: '', total: 3 });

    act(() => {
      result.current.rows.setFilter('b');
      result.current.rows.setFilter('bank');
    });
    await act(async () => calls[2]!.resolve(rows(1, 'bank')));
    await act(async () => calls[1]!.resolve(rows(2, 'b')));
    expect(result.current.view).toMatchObject({ filter: 'bank', total: 1 });
    expect(result.current.view.rowAt(0)?.title).toBe('bank');
  });

  it('asks again when the glossary changes or the event stream reconnects', async () => {
    const { api, calls, emit } = fakeClient();
    const { result, unmount } = renderHook(() => useGlossaryRows(api));
    await act(async () => calls[0]!.resolve(rows(3, 'all')));
    act(() => emit('glossary-changed'));
    act(() => emit('resync'));
    expect(calls).toHaveLength(3);
    await act(async () => calls[2]!.resolve(rows(5, 'more')));
    await act(async () => calls[1]!.resolve(rows(4, 'stale')));
    expect(result.current.view).toMatchObject({ total: 5 });
    unmount();
    emit('glossary-changed');
    expect(calls).toHaveLength(3);
  });
});
