import type { EntryRows, EntrySummary } from '@shared/domain/glossary';
import { describe, expect, it } from 'vitest';
import { GlossaryRows, ROW_PAGE } from './GlossaryRows';

interface Call {
  args: { filter: string; offset: number; limit: number };
  resolve(rows: EntryRows): void;
  reject(error: Error): void;
}

/** A backend whose answers the test releases one by one, in any order. */
function backend() {
  const calls: Call[] = [];
  const fetch = (args: Call['args']) =>
    new Promise<EntryRows>((resolve, reject) => calls.push({ args, resolve, reject }));
  return { calls, fetch };
}

const row = (n: number, prefix = 'e'): EntrySummary => ({ id: `${prefix}${n}`, title: `${prefix} ${n}`, aliases: [] });
const answer = (call: Call, total: number, prefix = 'e') =>
  call.resolve({
    total,
    all: 1000,
    rows: Array.from({ length: Math.max(0, Math.min(call.args.limit, total - call.args.offset)) }, (_, n) =>
      row(call.args.offset + n, prefix),
    ),
  });
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('GlossaryRows', () => {
  it('shows a first page it was given at once, without asking for it, and asks for the others', async () => {
    const { calls, fetch } = backend();
    const first = { total: 1000, all: 1000, rows: Array.from({ length: ROW_PAGE }, (_, n) => row(n)) };
    const rows = new GlossaryRows(fetch, first);
    expect(rows.snapshot()).toMatchObject({ filter: '', total: 1000, all: 1000 });
    expect(rows.snapshot().rowAt(5)?.id).toBe('e5');
    expect(calls).toEqual([]);

    rows.ensure(0, 150);
    expect(calls.map((c) => c.args.offset)).toEqual([100]);
    rows.setFilter('');
    expect(calls).toHaveLength(1);
    rows.refresh();
    expect(calls.slice(1).map((c) => c.args)).toEqual([{ filter: '', offset: 0, limit: ROW_PAGE }]);
  });

  it('asks for the first page, then only the missing pages in view', async () => {
    const { calls, fetch } = backend();
    const rows = new GlossaryRows(fetch);
    expect(rows.snapshot().total).toBeNull();
    expect(calls.map((c) => c.args)).toEqual([{ filter: '', offset: 0, limit: ROW_PAGE }]);
    answer(calls[0]!, 1000);
    await settle();
    expect(rows.snapshot()).toMatchObject({ filter: '', total: 1000, all: 1000 });
    expect(rows.snapshot().rowAt(5)?.id).toBe('e5');
    expect(rows.snapshot().rowAt(150)).toBeUndefined();

    rows.ensure(90, 210);
    rows.ensure(120, 130); // already asked
    expect(calls.slice(1).map((c) => c.args.offset)).toEqual([100, 200]);
    answer(calls[1]!, 1000);
    await settle();
    expect(rows.snapshot().rowAt(150)?.id).toBe('e150');
    rows.ensure(990, 2000); // past the end: only the last page
    expect(calls.slice(3).map((c) => c.args.offset)).toEqual([900]);
  });

  it('never lets an older filter’s answer replace a newer one’s, whatever the order they arrive in', async () => {
    const { calls, fetch } = backend();
    const rows = new GlossaryRows(fetch);
    answer(calls[0]!, 1000);
    await settle();
    rows.setFilter('b');
    rows.setFilter('ba');
    rows.setFilter('bank');
    const [b, ba, bank] = calls.slice(1);
    expect([b, ba, bank].map((c) => c!.args.filter)).toEqual(['b', 'ba', 'bank']);

    answer(bank!, 3, 'bank');
    await settle();
    expect(rows.snapshot()).toMatchObject({ filter: 'bank', total: 3 });
    answer(ba!, 400, 'ba');
    answer(b!, 900, 'b');
    await settle();
    expect(rows.snapshot()).toMatchObject({ filter: 'bank', total: 3 });
    expect(rows.snapshot().rowAt(0)?.id).toBe('bank0');
  });

  it('keeps the old rows until the new filter’s first page, and ignores a failed stale answer', async () => {
    const { calls, fetch } = backend();
    const rows = new GlossaryRows(fetch);
    answer(calls[0]!, 1000);
    await settle();
    rows.setFilter('x');
    expect(rows.snapshot()).toMatchObject({ filter: '', total: 1000 });
    // While the view is not the current filter's, the range in view asks for nothing.
    rows.ensure(300, 400);
    expect(calls).toHaveLength(2);
    rows.setFilter('xy');
    calls[1]!.reject(new Error('gone'));
    answer(calls[2]!, 0);
    await settle();
    expect(rows.snapshot()).toMatchObject({ filter: 'xy', total: 0 });
  });

  it('asks again after a glossary change, dropping answers asked before it', async () => {
    const { calls, fetch } = backend();
    const rows = new GlossaryRows(fetch);
    answer(calls[0]!, 1000);
    await settle();
    rows.ensure(100, 200);
    rows.refresh();
    answer(calls[1]!, 1000, 'old'); // page 100 of the glossary before the change
    answer(calls[2]!, 2, 'new');
    await settle();
    expect(rows.snapshot()).toMatchObject({ total: 2 });
    expect(rows.snapshot().rowAt(0)?.id).toBe('new0');
    expect(rows.snapshot().rowAt(100)).toBeUndefined();
  });

  it('fetches a row not loaded yet (Enter on a row scrolled to by End)', async () => {
    const { calls, fetch } = backend();
    const rows = new GlossaryRows(fetch);
    answer(calls[0]!, 1000);
    await settle();
    const last = rows.rowAt(999);
    expect(calls[1]!.args).toEqual({ filter: '', offset: 999, limit: 1 });
    answer(calls[1]!, 1000);
    expect((await last)?.id).toBe('e999');
    expect(await rows.rowAt(1000)).toBeUndefined();
  });
});
