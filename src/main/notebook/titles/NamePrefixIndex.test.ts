import { prepareQuery } from '@shared/titles/matchTitle';
import { describe, expect, it } from 'vitest';
import { NamePrefixIndex } from './NamePrefixIndex';

interface Item {
  id: string;
  names: string[];
}

const items: Item[] = [
  { id: 'ramon', names: ['Ramón y Cajal'] },
  { id: 'ltp', names: ['Long-Term Potentiation', 'LTP'] },
  { id: 'bank-1', names: ['bank'] },
  { id: 'bank-2', names: ['Bank'] },
  { id: 'bank-3', names: ['BANK', 'Riverside'] },
  { id: 'paren', names: ['(R)-Dopamine'] },
  { id: 'cafe', names: ['Café Notes'] },
];
const index = NamePrefixIndex.build(items, (item) => item.names);

function direct(query: string): string[] {
  const found: string[] = [];
  index.begin();
  index.direct(prepareQuery(query)!, (item) => found.push(item.id));
  return found.sort();
}

describe('NamePrefixIndex', () => {
  it('finds names by their start, folded (case and accents)', () => {
    expect(direct('RAMO')).toEqual(['ramon']);
    expect(direct('ramón y')).toEqual(['ramon']);
    expect(direct('cafe n')).toEqual(['cafe']);
  });

  it('finds every item sharing a title, each once, and items by an alias', () => {
    expect(direct('bank')).toEqual(['bank-1', 'bank-2', 'bank-3']);
    expect(direct('ban')).toEqual(['bank-1', 'bank-2', 'bank-3']);
    expect(direct('river')).toEqual(['bank-3']);
    expect(direct('ltp')).toEqual(['ltp']);
  });

  it('finds names by the start of any word, for each query word', () => {
    expect(direct('term pot')).toEqual(['ltp']);
    expect(direct('pot')).toEqual(['ltp']);
    expect(direct('dopa')).toEqual(['paren']);
    // A name starting with punctuation is found by its first character too.
    expect(direct('(r')).toContain('paren');
    // Inside a word is for the bounded scan, not the index.
    expect(direct('ential')).toEqual([]);
    expect(direct('zzz')).toEqual([]);
  });

  it('visits, for several words, only the items with a word starting with each', () => {
    const many: Item[] = [
      { id: 'both', names: ['Hic Plome'] },
      { id: 'reversed', names: ['Plain Hill'] },
      { id: 'alias', names: ['Plinth', 'Hidden Plinth'] },
      ...Array.from({ length: 50 }, (_, n) => ({ id: `pl-${n}`, names: [`Plo${n} Stone`] })),
      { id: 'one-word', names: ['Hiplex'] },
    ];
    const wide = NamePrefixIndex.build(many, (item) => item.names);
    const visited: string[] = [];
    wide.begin();
    wide.direct(prepareQuery('hi pl')!, (item) => visited.push(item.id));
    expect(visited.sort()).toEqual(['alias', 'both', 'reversed']);
    // The same word twice needs an item to have it only once (the matcher decides the rest).
    visited.length = 0;
    wide.begin();
    wide.direct(prepareQuery('pl pl')!, (item) => visited.push(item.id));
    expect(visited).toContain('both');
    expect(visited).toHaveLength(53);
  });

  it('gives the whole range for an empty prefix, and none past the last key', () => {
    expect(index.range('')).toEqual([0, index.range('\uffff')[0]]);
    expect(index.range('')[1]).toBeGreaterThanOrEqual(items.length);
    const [from, to] = index.range('zzzz');
    expect(to - from).toBe(0);
  });

  it('scans a bounded, stable stretch from where the query sorts, skipping items already visited', () => {
    const scan = (query: string, cap: number) => {
      const found: string[] = [];
      index.begin();
      index.direct(prepareQuery(query)!, (item) => found.push(item.id));
      const before = found.length;
      index.scan(prepareQuery(query)!.folded, cap, (item) => found.push(item.id));
      return found.slice(before);
    };
    expect(scan('bank', 2)).toHaveLength(2);
    expect(scan('bank', 2)).toEqual(scan('bank', 2));
    expect(scan('bank', 100).sort()).toEqual(['cafe', 'ltp', 'paren', 'ramon']);
  });

  it('builds the same index in slices', async () => {
    const sliced = await NamePrefixIndex.buildInSlices(
      items,
      (item) => item.names,
      () => false,
      2,
    );
    expect(sliced).not.toBeNull();
    for (let at = 0; at < 20; at++) expect(sliced!.keyAt(at)).toBe(index.keyAt(at));
    expect(
      await NamePrefixIndex.buildInSlices(
        items,
        (item) => item.names,
        () => true,
        2,
      ),
    ).toBeNull();
  });
});
