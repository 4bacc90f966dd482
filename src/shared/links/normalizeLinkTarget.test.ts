import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeHeading, normalizeLinkTarget, normalizeName } from './normalizeLinkTarget';

describe('normalizeLinkTarget', () => {
  it('meets every spelling of one name in one key', () => {
    for (const spelling of [
      'GABA Glutamate Ratio',
      ' gaba  glutamate ratio ',
      'GABA Glutamate Ratio.md',
      'gaba glutamate ratio.MD',
    ]) {
      expect(normalizeLinkTarget(spelling)).toBe('gaba glutamate ratio');
    }
  });

  it('folds backslashes and tidies path parts', () => {
    expect(normalizeLinkTarget('Biology\\Cells')).toBe('biology/cells');
    expect(normalizeLinkTarget(' Biology / Cells.md ')).toBe('biology/cells');
    expect(normalizeLinkTarget('Biology//Cells/')).toBe('biology/cells');
    expect(normalizeLinkTarget('/Biology/Cells')).toBe('/biology/cells');
    expect(normalizeLinkTarget('../Cells')).toBe('../cells');
  });

  it('composes Unicode but keeps diacritics', () => {
    expect(normalizeLinkTarget('Cafe\u0301')).toBe(normalizeLinkTarget('Café'));
    expect(normalizeLinkTarget('Café')).not.toBe(normalizeLinkTarget('Cafe'));
  });

  it('strips one .md only, so a note named "x.md" stays apart from "x"', () => {
    expect(normalizeLinkTarget('x.md.md')).toBe('x.md');
    expect(normalizeName('x.md')).toBe('x.md');
  });

  it('is stable on names (normalizing a key again changes nothing)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const key = normalizeName(text);
        expect(normalizeName(key)).toBe(key);
      }),
    );
  });

  it('normalizes headings for comparison', () => {
    expect(normalizeHeading('  Origin   and  Use ')).toBe('origin and use');
  });
});
