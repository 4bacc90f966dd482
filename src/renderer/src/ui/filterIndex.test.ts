import { matchesAllWords } from '@shared/text/matchesAllWords';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFilterIndex, narrows } from './filterIndex';

const texts = (item: { title: string; aliases: string[] }) => [item.title, ...item.aliases];

describe('createFilterIndex', () => {
  const items = [
    { title: 'Bank', aliases: ['riverbank'] },
    { title: 'Banque', aliases: [] },
    { title: 'Café au lait', aliases: ['latte'] },
    { title: 'Cafeteria', aliases: [] },
  ];

  it('returns the list itself for a blank query', () => {
    const index = createFilterIndex(items, texts);
    expect(index.filter('  ')).toBe(items);
  });

  it('matches every word, folded, in title or aliases', () => {
    const index = createFilterIndex(items, texts);
    expect(index.filter('CAFE').map((item) => item.title)).toEqual(['Café au lait', 'Cafeteria']);
    expect(index.filter('cafe lat').map((item) => item.title)).toEqual(['Café au lait']);
    expect(index.filter('river').map((item) => item.title)).toEqual(['Bank']);
  });

  it('widens again when a query is shortened or changed', () => {
    const index = createFilterIndex(items, texts);
    expect(index.filter('bankx')).toEqual([]);
    expect(index.filter('ban').map((item) => item.title)).toEqual(['Bank', 'Banque']);
    expect(index.filter('caf').map((item) => item.title)).toEqual(['Café au lait', 'Cafeteria']);
  });

  it('agrees with matchesAllWords over any sequence of queries', () => {
    const word = fc.stringMatching(/^[abcé ]{0,5}$/);
    fc.assert(
      fc.property(
        fc.array(fc.array(word, { maxLength: 3 }), { maxLength: 12 }),
        fc.array(word, { maxLength: 8 }),
        (lists, queries) => {
          const rows = lists.map((parts, index) => ({ title: `${index} ${parts.join(' ')}`, aliases: parts }));
          const index = createFilterIndex(rows, texts);
          for (const query of queries) {
            expect(index.filter(query)).toEqual(rows.filter((row) => matchesAllWords(texts(row), query)));
          }
        },
      ),
    );
  });
});

describe('narrows', () => {
  it('holds when each earlier word is inside some later word', () => {
    expect(narrows(['ab'], ['abc'])).toBe(true);
    expect(narrows(['ab'], ['ab', 'c'])).toBe(true);
    expect(narrows(['ab', 'c'], ['ab'])).toBe(false);
    expect(narrows(['abc'], ['ab'])).toBe(false);
  });
});
