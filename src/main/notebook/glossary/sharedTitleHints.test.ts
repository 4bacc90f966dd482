import type { GlossaryEntry } from '@shared/domain/glossary';
import { describe, expect, it } from 'vitest';
import { NameKeyCollector } from '../titles/NameKeys';
import { firstWords, formatHint, sharedTitleHints, sharedTitleHintsFromKeys } from './sharedTitleHints';

const entry = (id: string, title: string, definition: string, packId?: string): GlossaryEntry => ({
  id,
  title,
  aliases: [],
  source: 'test',
  editorialTitle: false,
  definition,
  sections: [],
  ...(packId ? { packId } : {}),
});

describe('sharedTitleHints', () => {
  it('tells apart entries sharing a title (folded) by pack and first words, and leaves the rest alone', () => {
    const hints = sharedTitleHints(
      [
        entry('a', 'Bank', 'A financial institution that accepts deposits and lends money to people.', 'fin'),
        entry('b', 'bänk', 'The land alongside a river.', 'geo'),
        entry('c', 'Delta', 'A landform at the mouth of a river.', 'geo'),
      ],
      (id) => ({ fin: 'Finance', geo: 'Geography' })[id],
    );
    expect([...hints.keys()]).toEqual(['a', 'b']);
    expect(formatHint(hints.get('a'))).toBe('Finance · A financial institution that accepts deposits and…');
    expect(formatHint(hints.get('b'))).toBe('Geography · The land alongside a river.');
    expect(formatHint(hints.get('c'))).toBe('');
  });

  it('cuts at a word count', () => {
    expect(firstWords('  one two\nthree  ', 2)).toBe('one two…');
    expect(firstWords('one two', 2)).toBe('one two');
  });
});

describe('sharedTitleHintsFromKeys', () => {
  const packs = (id: string) => ({ fin: 'Finance', geo: 'Geography' })[id];
  const withAliases = (base: GlossaryEntry, aliases: string[]): GlossaryEntry => ({ ...base, aliases });
  const entries = [
    entry('a', 'Bank', 'A financial institution.', 'fin'),
    entry('b', 'bänk', 'The land alongside a river.', 'geo'),
    entry('c', 'Delta', 'A landform at the mouth of a river.', 'geo'),
    entry('d', 'GABA/glutamate', 'A ratio.', 'fin'),
    entry('e', 'gaba - glutamate ', 'The same ratio.'),
    // An alias naming another entry's title is not a shared title.
    withAliases(entry('f', 'River', 'Flowing water.', 'geo'), ['Delta', 'river']),
    entry('g', '  ', 'A title of blanks.', 'geo'),
    entry('h', '--', 'A title of separators.', 'fin'),
    entry('i', 'Unique', 'Alone.', 'fin'),
    entry('j', 'BANK', 'A third bank.'),
  ];
  const keysOf = (list: readonly GlossaryEntry[]) => {
    const collector = new NameKeyCollector(list.length, (at) => [list[at]!.title, ...list[at]!.aliases]);
    collector.collect(list.length);
    return collector.finish();
  };

  it('gives what folding every title gives, from the sorted name keys', () => {
    const expected = sharedTitleHints(entries, packs);
    const fromKeys = sharedTitleHintsFromKeys(entries, keysOf(entries), packs);
    expect([...fromKeys]).toEqual([...expected]);
    expect([...fromKeys.keys()]).toEqual(['a', 'b', 'd', 'e', 'g', 'h', 'j']);
  });

  it('gives no hint to a single title folding to nothing', () => {
    const list = entries.filter((e) => e.id !== 'h');
    expect([...sharedTitleHintsFromKeys(list, keysOf(list), packs)]).toEqual([...sharedTitleHints(list, packs)]);
    expect(sharedTitleHintsFromKeys(list, keysOf(list), packs).has('g')).toBe(false);
  });

  it('folds the titles itself when the keys describe other entries', () => {
    const keys = keysOf(entries.slice(0, 3));
    expect([...sharedTitleHintsFromKeys(entries, keys, packs)]).toEqual([...sharedTitleHints(entries, packs)]);
  });
});
