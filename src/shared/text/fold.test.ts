import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, foldName, foldWithOffsets, sourceRange } from './fold';
import { distinctWords, isWordChar, isWordUnitAt, wordSpans, wordsOf } from './words';

describe('fold', () => {
  it('lowercases and strips diacritics', () => {
    expect(fold('Glutamáte ÉCOLE')).toBe('glutamate ecole');
  });

  it('is the folds of its code points end to end, which foldWithOffsets also gives', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        expect(foldWithOffsets(text).text).toBe(fold(text));
        expect(fold(text)).toBe([...text].map(fold).join(''));
      }),
    );
  });
});

describe('foldName', () => {
  it('ignores case, diacritics, compatibility forms and separator spelling', () => {
    expect(foldName('GABA/Glutamáte  Ratio')).toBe('gaba glutamate ratio');
    expect(foldName('GABA – glutamate_ratio')).toBe('gaba glutamate ratio');
    expect(foldName('ﬁne ΟΔΟΣ')).toBe('fine οδοσ');
  });
});

describe('foldWithOffsets', () => {
  it('maps every folded unit back to the original', () => {
    const text = 'Glutama\u0301te — ratio 😀 ﬁ';
    const folded = foldWithOffsets(text, { joinSeparators: true });
    expect(folded.text).toBe('glutamate ratio 😀 fi');
    const at = folded.text.indexOf('ratio');
    expect(text.slice(folded.starts[at]!, folded.ends[at + 4]!)).toBe('ratio');
    expect(text.slice(folded.starts[0]!, folded.ends[8]!)).toBe('Glutama\u0301te');
  });

  it('maps a letter spelled out as two back to the one it came from', () => {
    const folded = foldWithOffsets('Ærø');
    expect(folded.text).toBe('aero');
    expect([...folded.starts]).toEqual([0, 0, 1, 2]);
    expect(sourceRange(folded, 0, 2)).toEqual([0, 1]);
  });

  it('keeps separators as they are unless asked to join them', () => {
    expect(foldWithOffsets('a - b').text).toBe('a - b');
    expect(foldWithOffsets(' a - b ', { joinSeparators: true }).text).toBe(' a b ');
  });

  it('grows past long compatibility forms', () => {
    const text = '\ufdfa'.repeat(3);
    const folded = foldWithOffsets(text);
    expect(folded.text).toBe(fold(text));
    expect(folded.starts.length).toBe(folded.text.length);
    expect(folded.ends[folded.ends.length - 1]).toBe(3);
  });
});

describe('words', () => {
  it('are runs of letters, digits and combining marks of any script', () => {
    expect(wordsOf('Dopamine, (5-HT2A); α-synuclein 大脳 é x² 😀')).toEqual([
      'Dopamine',
      '5',
      'HT2A',
      'α',
      'synuclein',
      '大脳',
      'é',
      'x²',
    ]);
    expect([...distinctWords('a b a')]).toEqual(['a', 'b']);
    expect(wordSpans('𝐀b c')).toEqual([0, 3, 4, 5]);
  });

  it('treat a surrogate pair as its code point and a lone surrogate as no word', () => {
    expect(isWordChar('𝐀')).toBe(true);
    expect(isWordChar(undefined)).toBe(false);
    expect(isWordUnitAt('𝐀', 1)).toBe(true);
    expect(isWordUnitAt('a\udc00', 1)).toBe(false);
    expect(isWordUnitAt('\ud800a', 0)).toBe(false);
  });
});
