import { describe, expect, it } from 'vitest';
import { matchesAllWords } from './matchesAllWords';

describe('matchesAllWords', () => {
  const fields = ['GABA Glutamate Ratio', 'GABA/glutamate ratio'];

  it('matches every word in any order and field', () => {
    expect(matchesAllWords(fields, 'ratio gaba')).toBe(true);
    expect(matchesAllWords(fields, 'gaba/glu')).toBe(true);
  });

  it('fails when one word is absent', () => {
    expect(matchesAllWords(fields, 'gaba serotonin')).toBe(false);
  });

  it('matches everything for a blank filter', () => {
    expect(matchesAllWords(fields, '  ')).toBe(true);
  });
});
