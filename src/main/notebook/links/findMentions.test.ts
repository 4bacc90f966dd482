import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeNote } from '@shared/markdown/analyzeNote';
import { fold } from '@shared/text/fold';
import { distinctWords } from '@shared/text/words';
import { findMentions, mentionExclusions, mentionTerms } from './findMentions';
import { filterMayHaveAll, wordFilterOf, wordFilterOfText } from './wordFilter';

function mentions(text: string, names: string[], linked: (unitText: string) => boolean = () => false): string[] {
  const model = analyzeNote(text);
  const exclusions = mentionExclusions(model);
  return findMentions(model, mentionTerms(names), exclusions, (unit) => linked(text.slice(unit.start, unit.end))).map(
    (span) => text.slice(span.start, span.end),
  );
}

describe('findMentions', () => {
  const names = ['GABA Glutamate Ratio', 'GABA/glutamate ratio'];

  it('finds whole words only, with any separators', () => {
    expect(mentions('The GABA-glutamate ratio, the gaba glutamate ratio.', names)).toEqual([
      'GABA-glutamate ratio',
      'gaba glutamate ratio',
    ]);
    expect(mentions('ratios: GABA glutamate ratios; xGABA glutamate ratio; GABA glutamate ratio2', names)).toEqual([]);
  });

  it('treats diacritics as the letters they decorate', () => {
    expect(mentions('La GABA glutamáte ratio', names)).toEqual(['GABA glutamáte ratio']);
  });

  it('never looks in code, links, URLs, tags, comments, HTML or front matter', () => {
    const text = [
      '---',
      'title: GABA glutamate ratio',
      '---',
      '`GABA glutamate ratio` [[GABA glutamate ratio]] [GABA glutamate ratio](x) <b title="GABA glutamate ratio">x</b>',
      'https://example.org/GABA-glutamate-ratio #GABA-glutamate-ratio %%GABA glutamate ratio%%',
      '',
      '```',
      'GABA glutamate ratio',
      '```',
    ].join('\n');
    expect(mentions(text, names)).toEqual([]);
  });

  it('skips blocks that already link to the target, and never spans lines', () => {
    const text =
      'Linked [[X]] and GABA glutamate ratio.\n\n- GABA glutamate ratio in an item\n- GABA\n  glutamate ratio';
    expect(mentions(text, names, (unit) => unit.includes('[[X]]'))).toEqual(['GABA glutamate ratio']);
  });

  it('lets the longest name win where names overlap', () => {
    expect(mentions('The GABA glutamate ratio and GABA.', ['GABA', 'GABA Glutamate Ratio'])).toEqual([
      'GABA glutamate ratio',
      'GABA',
    ]);
  });

  it('does not look for names shorter than two letters or digits', () => {
    expect(mentionTerms(['I', '-', 'Go'])).toEqual(['go']);
  });
});

describe('word filters', () => {
  it('never rule out a note holding the words (no false "no")', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 8 }), { maxLength: 30 }), (words) => {
        const text = fold(words.join(' '));
        const filter = wordFilterOfText(text);
        expect(filterMayHaveAll(filter, [...distinctWords(text)])).toBe(true);
        expect(wordFilterOf(distinctWords(text))).toEqual(filter);
      }),
    );
  });

  it('rule out most notes that lack a word', () => {
    const filter = wordFilterOf(new Set(Array.from({ length: 200 }, (_, i) => `word${i}`)));
    const misses = Array.from({ length: 1000 }, (_, i) => `other${i}`).filter((w) => filterMayHaveAll(filter, [w]));
    expect(misses.length).toBeLessThan(30);
  });
});
