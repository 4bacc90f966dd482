import { describe, expect, it, vi } from 'vitest';
import { nameKeysOf } from '../titles/NameKeys';
import { SwitcherIndex, type SwitcherEntry } from './SwitcherIndex';

function note(title: string, aliases: string[] = [], modified = '2024-01-01T00:00:00.000Z'): SwitcherEntry {
  const path = `${title}.md`;
  return { key: `n:${path}`, ref: { kind: 'note', path }, kind: 'note', title, folder: '', aliases, modified };
}

function build(entries: SwitcherEntry[]): SwitcherIndex {
  const index = new SwitcherIndex();
  for (const entry of entries) index.set(entry);
  return index;
}

const titles = (index: SwitcherIndex, query: string, recent: string[] = []) =>
  index.query(query, { limit: 10, recent }).map((item) => item.title);

describe('SwitcherIndex', () => {
  const index = build([
    note('Action Potential', ['AP']),
    note('Potassium Channels'),
    note('Synaptic Potentiation'),
    note('Long-Term Potentiation', ['LTP']),
    note('Café Notes'),
    note('Potential energy'),
  ]);

  it('ranks exact, prefix, word prefixes, substrings, letters in order, then typos', () => {
    expect(titles(index, 'potential energy')).toEqual(['Potential energy']);
    expect(titles(index, 'pot')).toEqual([
      'Potential energy',
      'Potassium Channels',
      'Action Potential',
      'Synaptic Potentiation',
      'Long-Term Potentiation',
    ]);
    expect(titles(index, 'term pot')[0]).toBe('Long-Term Potentiation');
    expect(titles(index, 'ential')[0]).toBe('Action Potential');
    expect(titles(index, 'ltpot')[0]).toBe('Long-Term Potentiation');
    expect(titles(index, 'potasium')).toEqual(['Potassium Channels']);
  });

  it('matches aliases and says which one', () => {
    const [item] = index.query('ltp', { limit: 1, recent: [] });
    expect(item).toMatchObject({ title: 'Long-Term Potentiation', matchedAlias: 'LTP', highlights: [[0, 3]] });
  });

  it('folds case and diacritics and maps highlights back to the title', () => {
    const [item] = index.query('CAFE', { limit: 1, recent: [] });
    expect(item).toMatchObject({ title: 'Café Notes', highlights: [[0, 4]] });
  });

  it('prefers recently opened documents among equals', () => {
    expect(titles(index, 'potenti', ['n:Long-Term Potentiation.md']).slice(0, 2)).toEqual([
      'Potential energy',
      'Long-Term Potentiation',
    ]);
  });

  it('lists recent documents, then notes by modification time, for a blank query', () => {
    const dated = build([
      note('Old', [], '2020-01-01T00:00:00.000Z'),
      note('New', [], '2024-01-01T00:00:00.000Z'),
      note('Recent', [], '2019-01-01T00:00:00.000Z'),
    ]);
    expect(dated.query('  ', { limit: 10, recent: ['n:Recent.md', 'n:Missing.md'] }).map((i) => i.title)).toEqual([
      'Recent',
      'New',
      'Old',
    ]);
  });

  it('forgets deleted documents', () => {
    const small = build([note('Alpha'), note('Beta')]);
    small.delete('n:Alpha.md');
    expect(titles(small, 'alpha')).toEqual([]);
    expect(small.size).toBe(1);
  });

  describe('with a name index (a dictionary-sized pack)', () => {
    const WORDS = ['bank', 'river', 'potential', 'café', 'long', 'term', 'synapse', 'ramón', 'cell', 'axon'];
    function entry(n: number, title: string, aliases: string[] = []): SwitcherEntry {
      const id = `e${n}`;
      return { key: `e:${id}`, ref: { kind: 'entry', id }, kind: 'entry', title, folder: '', aliases, modified: '' };
    }
    /** Titles of one to three words, many shared (18 "bank"s), some aliases. */
    function dictionary(count: number): SwitcherEntry[] {
      const out: SwitcherEntry[] = [];
      for (let n = 0; n < 18; n++) out.push(entry(out.length, 'bank'));
      for (let n = 0; out.length < count; n++) {
        const words = [WORDS[n % 10]!, ...(n % 3 ? [WORDS[(n * 7) % 10]! + (n % 50)] : [])];
        out.push(entry(out.length, words.join(' '), n % 4 === 0 ? [`${WORDS[(n * 3) % 10]}-${n}`] : []));
      }
      return out;
    }
    const queries = [
      'bank',
      'BANK',
      'ba',
      'b',
      'ramo',
      'cafe',
      'term pot',
      'river 3',
      'ential',
      'bnk',
      'potentail',
      'xyz',
      'axon-4',
    ];
    const recent = ['e:e5', 'e:e40'];
    const results = (switcher: SwitcherIndex, query: string) =>
      switcher.query(query, { limit: 12, recent }).map((item) => [item.ref, item.matchedAlias, item.highlights]);

    it('answers exactly like the full scan when its bounded pass covers every document', () => {
      const items = dictionary(1500);
      const full = new SwitcherIndex({ fullScanLimit: Infinity });
      const indexed = new SwitcherIndex({ fullScanLimit: 0, looseCap: 10_000 });
      for (const item of items) {
        full.set(item);
        indexed.set(item);
      }
      for (const query of queries) expect(results(indexed, query), query).toEqual(results(full, query));
      // Documents set, replaced and deleted after the index was built are answered too.
      indexed.set(entry(9001, 'Bankside'));
      full.set(entry(9001, 'Bankside'));
      indexed.set(entry(3, 'Riverbank'));
      full.set(entry(3, 'Riverbank'));
      indexed.delete('e:e4');
      full.delete('e:e4');
      for (const query of ['bank', 'riverb', 'banks'])
        expect(results(indexed, query), query).toEqual(results(full, query));
    });

    it('takes the entries’ name keys made once (see NameKeys) and answers as when it folds every name', async () => {
      const items = dictionary(1500);
      const entries = items.map((item) => ({
        id: (item.ref as { id: string }).id,
        title: item.title,
        aliases: item.aliases,
      }));
      const keys = nameKeysOf(entries.length, (at) => [entries[at]!.title, ...entries[at]!.aliases]);
      // One source per index, each counting its own loads.
      const source = () => {
        const counted = {
          loads: 0,
          entries,
          ready: () => keys,
          load: () => {
            counted.loads++;
            return Promise.resolve(keys);
          },
        };
        return counted;
      };
      const entryNames = source();
      const full = new SwitcherIndex({ fullScanLimit: Infinity });
      const indexed = new SwitcherIndex({ fullScanLimit: 0, looseCap: 10_000, entryNames });
      // The entries first (as SearchService sets them), then notes: only the notes are folded.
      for (const item of [...items, note('Bank holiday'), note('Cell notes', ['ramon'])]) {
        full.set(item);
        indexed.set(item);
      }
      for (const query of queries) expect(results(indexed, query), query).toEqual(results(full, query));
      // In the background (after documents stop arriving), it waits for the keys the same way.
      const backgroundNames = source();
      const background = new SwitcherIndex({ fullScanLimit: 0, looseCap: 10_000, entryNames: backgroundNames });
      for (const item of items) background.set(item);
      await vi.waitFor(() => expect(backgroundNames.loads).toBe(1));
      for (const query of queries) expect(results(background, query), query).toEqual(results(full, query));
      // Keys of other entries (a glossary changed since): not used, every name is folded.
      const other = new SwitcherIndex({ fullScanLimit: 0, looseCap: 10_000, entryNames: source() });
      for (const item of items.slice(1)) other.set(item);
      const fullOther = new SwitcherIndex({ fullScanLimit: Infinity });
      for (const item of items.slice(1)) fullOther.set(item);
      for (const query of queries) expect(results(other, query), query).toEqual(results(fullOther, query));
    });

    it('ranks the closest of thousands of prefix matches like the full scan', () => {
      const items: SwitcherEntry[] = [];
      for (let n = 0; n < 6000; n++)
        items.push(entry(n, `b${(n * 7919) % 6000} ${WORDS[n % 10]}`, n % 5 ? [] : [`b${n}`]));
      items.push(entry(6000, 'B'), entry(6001, 'Bz', ['b']));
      const full = new SwitcherIndex({ fullScanLimit: Infinity });
      const indexed = new SwitcherIndex({ fullScanLimit: 0, looseCap: 10 });
      for (const item of items) {
        full.set(item);
        indexed.set(item);
      }
      for (const query of ['b', 'b1', 'B BANK']) expect(results(indexed, query), query).toEqual(results(full, query));
      // A recently opened document with a long name still comes first among prefix matches.
      const recentFirst = (switcher: SwitcherIndex) =>
        switcher.query('b', { limit: 5, recent: ['e:e4321'] }).map((item) => item.title);
      expect(recentFirst(indexed)).toEqual(recentFirst(full));
      expect(recentFirst(indexed)).toContain(items[4321]!.title);
    });

    it('tries every note for the looser tiers: only reference entries are bounded', () => {
      const items = dictionary(3000);
      // Its names sort far from these queries: a bounded stretch near them would miss it.
      items.push(note('Gamma Band Rhythm'));
      const indexed = new SwitcherIndex({ fullScanLimit: 0, looseCap: 10 });
      for (const item of items) indexed.set(item);
      expect(titles(indexed, 'gbr')).toContain('Gamma Band Rhythm');
      expect(titles(indexed, 'rhytxm')).toContain('Gamma Band Rhythm');
    });

    it('keeps every exact, prefix and word-prefix match when the looser pass is bounded', () => {
      const items = dictionary(3000);
      const full = new SwitcherIndex({ fullScanLimit: Infinity });
      const indexed = new SwitcherIndex({ fullScanLimit: 0, looseCap: 10 });
      for (const item of items) {
        full.set(item);
        indexed.set(item);
      }
      for (const query of ['bank', 'river ram', 'ram river', 'term', 'ca'])
        expect(results(indexed, query), query).toEqual(results(full, query));
      // Looser tiers: a bounded number of documents tried, the same answer each time.
      expect(results(indexed, 'ential')).toEqual(results(indexed, 'ential'));
      expect(indexed.query('ential', { limit: 50, recent: [] }).length).toBeLessThanOrEqual(10);
    });
  });
});
