import type { EntrySummary } from '@shared/domain/glossary';
import { describe, expect, it } from 'vitest';
import { EntryRowIndex } from './EntryRowIndex';

const entry = (id: string, title: string, packId = 'dict', aliases: string[] = [], hint?: string): EntrySummary => ({
  id,
  title,
  aliases,
  packId,
  ...(hint ? { hint } : {}),
});

// In title order, as PackLibrary.entries() gives them.
const summaries: EntrySummary[] = [
  entry('a', 'Ångström', 'dict', ['angstrom unit']),
  entry('b1', 'bank', 'dict', [], 'The land alongside a river'),
  entry('b2', 'bank', 'cards', [], 'An institution that keeps money'),
  entry('b3', 'bank', 'dict', [], 'A row of similar things'),
  entry('c', 'Café', 'cards'),
  entry('r', 'River bank', 'dict', ['riverside']),
  entry('t', 'Term 01234', 'dict'),
];

const titles = (index: EntryRowIndex, args: { filter: string; packId?: string; offset?: number; limit?: number }) =>
  index.rows({ offset: 0, limit: 500, ...args }).rows.map((row) => row.id);

describe('EntryRowIndex', () => {
  it('pages the whole list in title order, with the total and no rows past the end', () => {
    const index = new EntryRowIndex(summaries);
    expect(index.rows({ filter: '', offset: 2, limit: 3 })).toMatchObject({ total: 7, all: 7 });
    expect(titles(index, { filter: '', offset: 2, limit: 3 })).toEqual(['b2', 'b3', 'c']);
    expect(titles(index, { filter: '', offset: 5, limit: 10 })).toEqual(['r', 't']);
    expect(index.rows({ filter: '', offset: 7, limit: 10 })).toEqual({ total: 7, all: 7, rows: [] });
    expect(index.rows({ filter: '', offset: 1e9, limit: 10 }).rows).toEqual([]);
    expect(index.rows({ filter: 'bank', offset: 0, limit: 0 })).toEqual({ total: 4, all: 7, rows: [] });
  });

  it('matches every word anywhere in the title or an alias, ignoring case and accents', () => {
    const index = new EntryRowIndex(summaries);
    expect(titles(index, { filter: 'ANGSTROM' })).toEqual(['a']);
    expect(titles(index, { filter: 'ångström' })).toEqual(['a']);
    expect(titles(index, { filter: 'unit angs' })).toEqual(['a']);
    expect(titles(index, { filter: 'cafe' })).toEqual(['c']);
    expect(titles(index, { filter: '1234' })).toEqual(['t']);
    expect(titles(index, { filter: 'side' })).toEqual(['r']);
    expect(titles(index, { filter: '  ' })).toHaveLength(7);
    expect(titles(index, { filter: 'bank zzz' })).toEqual([]);
  });

  it('keeps entries sharing a title apart, each with its pack and hint', () => {
    const index = new EntryRowIndex(summaries);
    const { total, rows } = index.rows({ filter: 'bank', offset: 0, limit: 2 });
    expect(total).toBe(4);
    expect(rows).toEqual([summaries[1], summaries[2]]);
    expect(index.rows({ filter: 'bank', offset: 2, limit: 2 }).rows.map((row) => row.id)).toEqual(['b3', 'r']);
    // Rows are copies: the caller cannot change the index's summaries.
    rows[0]!.aliases.push('changed');
    expect(summaries[1]!.aliases).toEqual([]);
  });

  it('narrows from a kept result as the query grows, and answers a wider query again from all entries', () => {
    const index = new EntryRowIndex(summaries);
    expect(titles(index, { filter: 'b' })).toEqual(['b1', 'b2', 'b3', 'r']);
    expect(titles(index, { filter: 'ba' })).toEqual(['b1', 'b2', 'b3', 'r']);
    expect(titles(index, { filter: 'bank ri' })).toEqual(['r']);
    expect(titles(index, { filter: 'ba' })).toEqual(['b1', 'b2', 'b3', 'r']);
    expect(titles(index, { filter: 'r' })).toEqual(['a', 'r', 't']);
  });

  it('lists one pack alone; a hidden or unknown pack (absent from the summaries) lists nothing', () => {
    const index = new EntryRowIndex(summaries);
    expect(titles(index, { filter: '', packId: 'cards' })).toEqual(['b2', 'c']);
    expect(index.rows({ filter: 'bank', packId: 'cards', offset: 0, limit: 10 })).toMatchObject({ total: 1, all: 2 });
    expect(titles(index, { filter: 'bank', packId: 'dict' })).toEqual(['b1', 'b3', 'r']);
    expect(index.rows({ filter: '', packId: 'hidden', offset: 0, limit: 10 })).toEqual({ total: 0, all: 0, rows: [] });
  });

  it('stays fast at dictionary size: a keystroke after the first scans only the previous result', () => {
    const big = Array.from({ length: 50_000 }, (_, n) => entry(`e${n}`, `Term ${String(n).padStart(5, '0')}`));
    const index = new EntryRowIndex(big);
    expect(index.rows({ filter: 'term 1234', offset: 0, limit: 50 }).total).toBe(15);
    expect(index.rows({ filter: 'term 12345', offset: 0, limit: 50 }).rows.map((row) => row.title)).toEqual([
      'Term 12345',
    ]);
    expect(index.rows({ filter: '', offset: 49_999, limit: 50 }).rows.map((row) => row.id)).toEqual(['e49999']);
  });
});

describe('EntryRowIndex.warm', () => {
  it('folds ahead in slices, stops when cancelled, and filters the same afterwards', async () => {
    const index = new EntryRowIndex(summaries);
    let calls = 0;
    await index.warm(() => ++calls > 2, 2);
    // Cancelled after two slices: the rest is folded by the first filter.
    expect(titles(index, { filter: 'cafe' })).toEqual(['c']);
    await index.warm(() => false, 2);
    expect(titles(index, { filter: 'riverside' })).toEqual(['r']);
  });
});
