import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  boundedEditDistance,
  containsPhrase,
  findTermRanges,
  needsTextCheck,
  QueryTermMatcher,
  textSatisfies,
} from './matchTerms';
import { parseQuery } from './parseQuery';

/** The textbook optimal-string-alignment distance (Damerau: an adjacent swap is one edit). */
function damerau(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      rows[i]![j] = Math.min(
        rows[i - 1]![j]! + 1,
        rows[i]![j - 1]! + 1,
        rows[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        rows[i]![j] = Math.min(rows[i]![j]!, rows[i - 2]![j - 2]! + 1);
      }
    }
  }
  return rows[a.length]![b.length]!;
}

describe('matchTerms', () => {
  it('computes bounded edit distances (property, against the textbook algorithm)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }), fc.nat(3), (a, b, max) => {
        expect(boundedEditDistance(a, b, max)).toBe(Math.min(damerau(a, b), max + 1));
      }),
    );
    // Small alphabets make swaps likely.
    const letters = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 8 });
    fc.assert(
      fc.property(letters, letters, fc.nat(3), (a, b, max) => {
        expect(boundedEditDistance(a, b, max)).toBe(Math.min(damerau(a, b), max + 1));
      }),
    );
  });

  it('counts a swap of two adjacent letters as one typo', () => {
    expect(boundedEditDistance('maening', 'meaning', 1)).toBe(1);
    const matcher = new QueryTermMatcher(parseQuery('maening '));
    expect(matcher.match('meaning')).toBe('fuzzy');
  });

  it('matches other word forms and completions of finished words (forgiving), marking them', () => {
    const matcher = new QueryTermMatcher(parseQuery('releasing neurotransmiters '));
    expect(matcher.match('release')).toBe('stem');
    expect(matcher.match('released')).toBe('stem');
    expect(matcher.match('neurotransmitters')).toBe('fuzzy');
    expect(matcher.termsIn('Cells release neurotransmitters at synapses.')).toEqual(['release', 'neurotransmitters']);
    expect(matcher.match('releasingly')).toBe('prefix');
    const strict = new QueryTermMatcher(parseQuery('releasing '), { forgiving: false });
    expect(strict.match('release')).toBeNull();
    // Numbers and other scripts are never stemmed: only themselves match.
    const other = new QueryTermMatcher(parseQuery('2019 東京 '));
    expect(other.match('2019')).toBe('exact');
    expect(other.match('201')).toBeNull();
  });

  it('matches exact words, the word being typed as a prefix, and typos for long words', () => {
    const matcher = new QueryTermMatcher(parseQuery('glutamte dopa'));
    expect(matcher.match('dopamine')).toBe('prefix');
    expect(matcher.match('glutamate')).toBe('fuzzy');
    expect(matcher.match('glutamte')).toBe('exact');
    expect(matcher.match('serotonin')).toBeNull();
  });

  it('highlights only the closest matches of each word in a text', () => {
    const matcher = new QueryTermMatcher(parseQuery('glutamte '));
    expect(matcher.termsIn('Glutamine and glutamate, then GLUTAMATE again')).toEqual(['glutamate']);
    expect(matcher.termsIn('Only glutamine here')).toEqual(['glutamine']);
  });

  it('finds term ranges in a text for the UI', () => {
    expect(findTermRanges('The GABA/glutamate ratio; GABA alone.', ['gaba'])).toEqual([
      [4, 8],
      [26, 30],
    ]);
    expect(findTermRanges('The GABA/glutamate ratio', ['gabaglutamate', 'gaba'])).toEqual([[4, 18]]);
  });

  it('checks phrases, compounds and exclusions on the text exactly', () => {
    expect(containsPhrase('an inverse, agonist', ['inverse', 'agonist'])).toBe(true);
    expect(containsPhrase('an agonist inverse', ['inverse', 'agonist'])).toBe(false);
    expect(containsPhrase('inverse agonism', ['inverse', 'agon'], true)).toBe(true);
    expect(needsTextCheck(parseQuery('plain words'))).toBe(false);
    expect(needsTextCheck(parseQuery('"a b"'))).toBe(true);
    expect(needsTextCheck(parseQuery('x -GABA/glutamate'))).toBe(true);
    expect(textSatisfies(parseQuery('"inverse agonist" OR nothing'), 'an inverse agonist')).toBe(true);
    expect(textSatisfies(parseQuery('"inverse agonist"'), 'an agonist, inverse')).toBe(false);
    expect(textSatisfies(parseQuery('GABA/glutamate'), 'the GABA glutamate ratio')).toBe(true);
    expect(textSatisfies(parseQuery('ratio -"gaba glutamate"'), 'the GABA/glutamate ratio')).toBe(false);
  });
});
