import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold } from '../text/fold';
import { MAX_TERM_LENGTH, termsOf, tokenize } from './tokenize';

const parts = (text: string) =>
  tokenize(text)
    .filter((t) => !t.joined)
    .map((t) => t.term);
const joined = (text: string) =>
  tokenize(text)
    .filter((t) => t.joined)
    .map((t) => t.term);

describe('tokenize', () => {
  it('folds case and diacritics, and spells out a few letters', () => {
    expect(termsOf('Glutamáte CAFÉ naïve Straße Æther Øresund')).toEqual([
      'glutamate',
      'cafe',
      'naive',
      'strasse',
      'aether',
      'oresund',
    ]);
    expect(fold('ÉCOLE')).toBe('ecole');
  });

  it('splits on spaces and punctuation, keeping letters of any script and digits', () => {
    expect(termsOf('Dopamine, (serotonin); GABA! α-synuclein 大脳 x²')).toEqual([
      'dopamine',
      'serotonin',
      'gaba',
      'α',
      'synuclein',
      'αsynuclein',
      '大脳',
      'x2',
    ]);
  });

  it('indexes the parts and the joined form of compounds', () => {
    expect(parts('GABA/glutamate ratio')).toEqual(['gaba', 'glutamate', 'ratio']);
    expect(joined('GABA/glutamate ratio')).toEqual(['gabaglutamate']);
    expect(joined('5-HT2A receptors')).toEqual(['5ht2a']);
    expect(joined('a well-known, long-term effect')).toEqual(['wellknown', 'longterm']);
    expect(joined("the brain's cortex")).toEqual(['brains']);
    expect(joined('pH 7.4 and 1,000 cells')).toEqual(['74', '1000']);
    expect(joined('e.g. this')).toEqual(['eg']);
  });

  it('does not join across spaces, doubled connectors or commas between words', () => {
    expect(joined('GABA / glutamate')).toEqual([]);
    expect(joined('GABA--glutamate')).toEqual([]);
    expect(joined('dopamine,serotonin')).toEqual([]);
    expect(joined('end. Next')).toEqual([]);
  });

  it('reports offsets into the original text', () => {
    const text = 'Über GABA/glutamate';
    for (const token of tokenize(text)) {
      expect(fold(text.slice(token.start, token.end)).replace(/[/]/g, '')).toBe(token.term);
    }
    expect(tokenize(text).find((t) => t.joined)).toEqual({ term: 'gabaglutamate', start: 5, end: 19, joined: true });
  });

  it('skips overlong terms', () => {
    expect(termsOf(`a ${'x'.repeat(MAX_TERM_LENGTH + 1)} b`)).toEqual(['a', 'b']);
  });

  it('never throws, and every token is a non-empty folded slice of the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        for (const token of tokenize(text)) {
          expect(token.term.length).toBeGreaterThan(0);
          expect(token.start).toBeGreaterThanOrEqual(0);
          expect(token.end).toBeLessThanOrEqual(text.length);
          expect(token.start).toBeLessThan(token.end);
        }
      }),
    );
  });
});
