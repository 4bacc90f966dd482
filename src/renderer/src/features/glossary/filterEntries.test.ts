import { describe, expect, it } from 'vitest';
import { filterEntries, foldText } from './filterEntries';

const entries = [
  { id: 'gaba-glutamate-ratio', title: 'GABA Glutamate Ratio', aliases: ['GABA/glutamate ratio'] },
  { id: 'neurotransmitter-balance-metrics', title: 'Neurotransmitter Balance Metrics', aliases: [] },
  { id: 'optimized-neurotransmitter-balance', title: 'Optimized Neurotransmitter Balance', aliases: [] },
];

describe('filterEntries', () => {
  it('keeps everything for a blank filter', () => {
    expect(filterEntries(entries, '   ')).toEqual(entries);
  });

  it('matches every word, case-insensitively, in any order', () => {
    expect(filterEntries(entries, 'balance NEURO').map((e) => e.id)).toEqual([
      'neurotransmitter-balance-metrics',
      'optimized-neurotransmitter-balance',
    ]);
  });

  it('matches aliases', () => {
    expect(filterEntries(entries, 'gaba/glu').map((e) => e.id)).toEqual(['gaba-glutamate-ratio']);
  });

  it('folds diacritics', () => {
    expect(foldText('Glutamáte')).toBe('glutamate');
    expect(filterEntries(entries, 'métrics').map((e) => e.id)).toEqual(['neurotransmitter-balance-metrics']);
  });

  it('returns nothing when a word is absent', () => {
    expect(filterEntries(entries, 'balance serotonin')).toEqual([]);
  });
});
