import { describe, expect, it } from 'vitest';
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
});
