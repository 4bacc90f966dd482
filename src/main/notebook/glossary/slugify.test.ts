import fc from 'fast-check';
import { ENTRY_ID_PATTERN } from '@shared/domain/glossary';
import { describe, expect, it } from 'vitest';
import { slugify } from './slugify';

describe('slugify', () => {
  it.each([
    ['GABA Glutamate Ratio', 'gaba-glutamate-ratio'],
    ['Neurotransmitter Balance Metrics', 'neurotransmitter-balance-metrics'],
    ['Optimized Neurotransmitter Balance', 'optimized-neurotransmitter-balance'],
    ['GABA/glutamate ratio', 'gaba-glutamate-ratio'],
    ['5-HT  Signalling', '5-ht-signalling'],
    ['Ménière’s Disease', 'menieres-disease'],
    ['Straße der Neuronen', 'strasse-der-neuronen'],
    ['  (Excitation) -- Inhibition!  ', 'excitation-inhibition'],
  ])('%j → %j', (title, id) => {
    expect(slugify(title)).toBe(id);
  });

  it('returns an empty string when nothing Latin is left', () => {
    expect(slugify('神経伝達物質')).toBe('');
    expect(slugify('—')).toBe('');
  });

  it('always yields a valid entry id or nothing, and is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (title) => {
        const id = slugify(title);
        expect(id === '' || ENTRY_ID_PATTERN.test(id)).toBe(true);
        expect(slugify(id)).toBe(id);
      }),
    );
  });
});
