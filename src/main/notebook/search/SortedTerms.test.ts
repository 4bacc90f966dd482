import fc from 'fast-check';
import SearchableMap from 'minisearch/SearchableMap';
import { describe, expect, it } from 'vitest';
import { boundedEditDistance } from '@shared/search/matchTerms';
import { SortedTerms } from './SortedTerms';

/** Levenshtein distance, the textbook way. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length]!;
}

function termsOf(words: string[]): SortedTerms {
  const terms = new SortedTerms();
  for (const word of new Set(words)) terms.add(word);
  return terms;
}

const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é', 'ß', 'z'), maxLength: 7 });

describe('SortedTerms', () => {
  it('counts an adjacent swap as one edit when asked (Damerau), exactly as the highlighter does (property)', () => {
    expect([...termsOf(['meaning', 'mining']).withinDistance('maening', 1, true)]).toEqual([['meaning', 1]]);
    expect([...termsOf(['meaning']).withinDistance('maening', 1)]).toEqual([]);
    fc.assert(
      fc.property(fc.array(word, { maxLength: 30 }), word, fc.integer({ min: 1, max: 2 }), (words, query, max) => {
        const found = termsOf(words).withinDistance(query, max, true);
        const expected = new Map<string, number>();
        for (const term of new Set(words)) {
          const d = boundedEditDistance(query, term, max);
          if (d <= max) expected.set(term, d);
        }
        expect(new Map([...found].sort()), query).toEqual(new Map([...expected].sort()));
      }),
    );
  });

  it('finds the terms with a prefix, in order', () => {
    const terms = termsOf(['gaba', 'gab', 'glutamate', 'gaba-a', 'ga', 'b', 'gabapentin']);
    expect(terms.withPrefix('gab')).toEqual(['gab', 'gaba', 'gaba-a', 'gabapentin']);
    expect(terms.withPrefix('x')).toEqual([]);
    expect(terms.withPrefix('')).toHaveLength(7);
  });

  it('finds terms within an edit distance, with the distance', () => {
    const terms = termsOf(['glutamate', 'glutamine', 'gaba', 'glutamates', 'lutamate']);
    expect(Object.fromEntries(terms.withinDistance('glutamte', 2))).toEqual({
      glutamate: 1,
      glutamates: 2,
      glutamine: 2,
      lutamate: 2,
    });
    expect(Object.fromEntries(terms.withinDistance('glutamte', 1))).toEqual({ glutamate: 1 });
  });

  it('answers prefix and distance lookups exactly as a brute-force scan does, across adds and removals', () => {
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 60 }),
        fc.array(word, { maxLength: 20 }),
        fc.array(word, { maxLength: 10 }),
        word,
        fc.nat(3),
        (first, second, removed, query, max) => {
          const terms = termsOf(first);
          const present = new Set(first);
          terms.withPrefix(''); // settle the first batch, so the second is merged in
          for (const term of new Set(second)) {
            if (present.has(term)) continue;
            present.add(term);
            terms.add(term);
          }
          const gone = new Set(removed);
          terms.removeWhere((term) => gone.has(term));
          for (const term of gone) present.delete(term);

          const expected = [...present].sort();
          expect(terms.all()).toEqual(expected);
          expect(terms.size).toBe(expected.length);
          expect(terms.withPrefix(query)).toEqual(expected.filter((term) => term.startsWith(query)));
          const near = new Map<string, number>();
          for (const term of expected) {
            const d = distance(query, term);
            if (d <= max) near.set(term, d);
          }
          expect(new Map([...terms.withinDistance(query, max)].sort())).toEqual(new Map([...near].sort()));
        },
      ),
      { numRuns: 400 },
    );
  });

  it("agrees with MiniSearch's radix tree, which it replaces", () => {
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 80 }),
        word,
        fc.integer({ min: 1, max: 2 }),
        (words, query, max) => {
          const terms = termsOf(words);
          const tree = new SearchableMap<number>();
          for (const term of words) tree.set(term, 1);
          const fromTree = new Map([...tree.fuzzyGet(query, max)].map(([term, [, d]]) => [term, d] as const));
          expect(new Map([...terms.withinDistance(query, max)].sort())).toEqual(new Map([...fromTree].sort()));
          expect(terms.withPrefix(query)).toEqual([...tree.atPrefix(query).keys()].sort());
        },
      ),
      { numRuns: 300 },
    );
  });
});
