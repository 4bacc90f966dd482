import { prepareQuery } from '@shared/titles/matchTitle';
import { describe, expect, it } from 'vitest';
import { baseKeysFor, mergeNameKeys, nameKeysOf, nameKeysProblem, sampleMismatch, type NameKeys } from './NameKeys';
import { NamePrefixIndex } from './NamePrefixIndex';

interface Doc {
  id: string;
  title: string;
  aliases: string[];
}

const doc = (id: string, title: string, ...aliases: string[]): Doc => ({ id, title, aliases });
const entries: Doc[] = [
  doc('e1', 'Bank', 'Riverside'),
  doc('e2', 'bank'),
  doc('e3', 'Long-Term Potentiation', 'LTP'),
  doc('e4', 'Ramón y Cajal'),
  doc('e5', 'bank bank'),
];
const notes: Doc[] = [doc('n1', 'Bank holiday'), doc('n2', 'Cajal notes', 'ramon')];
const namesOf = (item: Doc) => [item.title, ...item.aliases];
const keysOf = (docs: Doc[]) => nameKeysOf(docs.length, (at) => namesOf(docs[at]!));

function table(index: NamePrefixIndex<Doc>): string[] {
  const keys: string[] = [];
  for (let at = 0; index.keyAt(at) !== undefined; at++) keys.push(index.keyAt(at)!);
  return keys;
}

function direct(index: NamePrefixIndex<Doc>, query: string): string[] {
  const found: string[] = [];
  index.begin();
  index.direct(prepareQuery(query)!, (item) => found.push(item.id));
  return found.sort();
}

describe('NameKeys', () => {
  it('gives the same index when the entries’ keys were made before and only the notes are folded', () => {
    const items = [...entries, ...notes];
    const whole = NamePrefixIndex.build(items, namesOf);
    const based = NamePrefixIndex.build(items, namesOf, keysOf(entries));
    expect(table(based)).toEqual(table(whole));
    for (const query of ['bank', 'ban', 'cajal', 'ramon', 'ltp', 'holiday', 'river']) {
      expect(direct(based, query)).toEqual(direct(whole, query));
    }
  });

  it('merges tables of separate lists into the table of the merged list, owners moved', () => {
    // Two packs merged by title: a = [e1, e3, e5] at 0, 2, 4; b = [e2, e4] at 1, 3.
    const a = [entries[0]!, entries[2]!, entries[4]!];
    const b = [entries[1]!, entries[3]!];
    const merged = mergeNameKeys(
      [
        { keys: keysOf(a), positions: Int32Array.from([0, 2, 4]) },
        { keys: keysOf(b), positions: Int32Array.from([1, 3]) },
      ],
      entries.length,
    );
    const expected = keysOf(entries);
    expect(merged.count).toBe(5);
    expect([...merged.keys]).toEqual([...expected.keys]);
    expect([...merged.owners]).toEqual([...expected.owners]);
    expect([...merged.flags]).toEqual([...expected.flags]);
  });

  it('merges a small table into a large one either way round, equal keys in owner order', () => {
    const words = ['bank', 'cell', 'axon', 'bank cell', 'dendrite', 'cell bank', 'zeta', 'axon hillock'];
    const many = Array.from({ length: 60 }, (_, at) => doc(`m${at}`, words[at % words.length]!, words[(at * 3) % 8]!));
    const few = [doc('f0', 'bank'), doc('f1', 'cell wall')];
    // Interleaved: the few sit at 10 and 40 of the merged list.
    const all = [...many.slice(0, 10), few[0]!, ...many.slice(10, 39), few[1]!, ...many.slice(39)];
    const positionsOf = (list: Doc[]) => Int32Array.from(list, (item) => all.indexOf(item));
    const expected = keysOf(all);
    for (const order of [
      [many, few],
      [few, many],
    ]) {
      const merged = mergeNameKeys(
        order.map((list) => ({ keys: keysOf(list), positions: positionsOf(list) })),
        all.length,
      );
      expect([...merged.keys]).toEqual([...expected.keys]);
      expect([...merged.owners]).toEqual([...expected.owners]);
      expect([...merged.flags]).toEqual([...expected.flags]);
    }
  });

  it('finds what makes a table unusable: order, owners, flags, lengths, count', () => {
    const good = keysOf(entries);
    expect(nameKeysProblem(good, entries.length)).toBeNull();
    const broken = (patch: Partial<NameKeys>): NameKeys => ({ ...good, ...patch });
    expect(nameKeysProblem(good, 4)).toMatch(/describes 5/);
    expect(nameKeysProblem(broken({ keys: [...good.keys].reverse() }), 5)).toMatch(/out of order/);
    expect(nameKeysProblem(broken({ owners: good.owners.map(() => 7) }), 5)).toMatch(/owner out of range/);
    expect(nameKeysProblem(broken({ flags: good.flags.map(() => 9) }), 5)).toMatch(/unknown flags/);
    expect(nameKeysProblem(broken({ flags: good.flags.slice(1) }), 5)).toMatch(/different lengths/);
    expect(nameKeysProblem(broken({ keys: good.keys.map((key, at) => (at === 2 ? '' : key)) }), 5)).toMatch(/no key/);
  });

  it('finds, by folding a sample again, a table of other names', () => {
    const names = (at: number) => namesOf(entries[at]!);
    expect(sampleMismatch(keysOf(entries), names)).toBe(-1);
    const renamed = entries.map((entry, at) => (at === 4 ? doc(entry.id, 'Other') : entry));
    expect(sampleMismatch(keysOf(renamed), names)).toBe(4);
  });

  it('is used as a base only for items that begin with its entries, in its order, with its names', () => {
    const keys = keysOf(entries);
    const source = { entries, ready: () => keys, load: () => Promise.resolve(keys) };
    const self = (item: Doc) => item;
    expect(baseKeysFor(source, keys, [...entries, ...notes], self)).toBe(keys);
    expect(baseKeysFor(source, keys, [...notes, ...entries], self)).toBeUndefined();
    expect(baseKeysFor(source, keys, entries.slice(1), self)).toBeUndefined();
    const renamed = entries.map((entry, at) => (at === 1 ? { ...entry, aliases: ['Shore'] } : entry));
    expect(baseKeysFor(source, keys, renamed, self)).toBeUndefined();
    expect(baseKeysFor(source, null, entries, self)).toBeUndefined();
    expect(baseKeysFor(undefined, keys, entries, self)).toBeUndefined();
  });
});
