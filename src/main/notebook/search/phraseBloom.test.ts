import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPairFilter, mayContainPhrase, pairFilterBytes, pairFilterOf, termHash } from './phraseBloom';

const words = fc.array(fc.constantFrom('gaba', 'glutamate', 'ratio', 'balance', 'cortex', 'synapse', 'é', 'ß'), {
  minLength: 2,
  maxLength: 40,
});

describe('the phrase pair filter', () => {
  it('never misses a pair of adjacent words, also after a round trip through its bytes', () => {
    fc.assert(
      fc.property(words, (sequence) => {
        const filter = buildPairFilter(sequence.map(termHash));
        const copy = pairFilterOf(pairFilterBytes(filter));
        expect(copy).toBe(filter);
        for (let i = 1; i < sequence.length; i++) {
          expect(mayContainPhrase(copy, [sequence[i - 1]!, sequence[i]!], false)).toBe(true);
        }
      }),
    );
  });

  it('rules out most pairs that are not there, and pairs across fields', () => {
    const filter = buildPairFilter(
      ['gaba', 'glutamate', 'ratio', -1, 'cortex'].map((w) => (w === -1 ? -1 : termHash(w as string))),
    );
    expect(mayContainPhrase(filter, ['gaba', 'glutamate', 'ratio'], false)).toBe(true);
    expect(mayContainPhrase(filter, ['ratio', 'cortex'], false)).toBe(false);
    expect(mayContainPhrase(filter, ['glutamate', 'gaba'], false)).toBe(false);
    // The last word being typed is not checked.
    expect(mayContainPhrase(filter, ['gaba', 'glu'], true)).toBe(true);
    expect(mayContainPhrase(null, ['gaba', 'glutamate'], false)).toBe(false);
    expect(buildPairFilter([termHash('alone')])).toBeNull();
  });

  it('stores each byte as one Latin-1 character', () => {
    const filter = buildPairFilter(['a', 'b', 'c', 'd'].map(termHash))!;
    const bytes = pairFilterBytes(filter);
    expect(bytes.length).toBe(filter.length);
    expect([...bytes]).toEqual([...filter].map((c) => c.charCodeAt(0)));
    expect([...filter].every((c) => c.charCodeAt(0) < 256)).toBe(true);
  });
});
