import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold } from '@shared/text/fold';
import { buildSnippets } from './buildSnippets';
import { plainTextBlocks, stripInlineMarkdown } from './testing/plainTextBlocks';

const lit = (snippet: { text: string; highlights: Array<[number, number]> }) =>
  snippet.highlights.map(([s, e]) => snippet.text.slice(s, e));

describe('plainTextBlocks', () => {
  it('drops front matter and Markdown markup, keeping the words a reader sees', () => {
    const markdown = [
      '---',
      'tags: [neuro]',
      '---',
      '# Title here',
      '',
      'A **bold** and *italic* line with `code`, a [[Target#Heading|label]], a [[Plain Target]],',
      'a [link](https://example.com) and ==highlight== and ~~gone~~.',
      '',
      '- [ ] a task item',
      '> a quote',
      '',
      '| a | b |',
      '| --- | --- |',
      '| 1 | 2 |',
      '',
      '```js',
      'const x = 1;',
      '```',
      'Setext heading',
      '---',
    ].join('\n');
    expect(plainTextBlocks(markdown)).toEqual([
      { text: 'Title here', heading: true },
      {
        text: 'A bold and italic line with code, a label, a Plain Target, a link and highlight and gone.',
        heading: false,
      },
      { text: 'a task item', heading: false },
      { text: 'a quote', heading: false },
      { text: 'a · b', heading: false },
      { text: '1 · 2', heading: false },
      { text: 'const x = 1;', heading: false },
      { text: 'Setext heading', heading: true },
    ]);
  });

  it('leaves snake_case and lone asterisks alone', () => {
    expect(stripInlineMarkdown('snake_case_name and 2 * 3 * 4')).toBe('snake_case_name and 2 * 3 * 4');
    expect(stripInlineMarkdown('[[Target#Section]]')).toBe('Target › Section');
  });
});

describe('buildSnippets', () => {
  const long = (before: number, word: string, after: number) =>
    `${'lorem '.repeat(before)}${word}${' ipsum'.repeat(after)}`.trim();

  it('shows the window with the most distinct matches and highlights exactly the matched words', () => {
    const blocks = [
      { text: long(50, 'dopamine', 50), heading: false },
      { text: `${long(40, 'dopamine and Serotonin', 3)} receptors`, heading: false },
    ];
    const isMatch = (term: string) => term === 'dopamine' || term === 'serotonin';
    const [first, second] = buildSnippets(blocks, isMatch);
    expect(lit(first!)).toEqual(['dopamine', 'Serotonin']);
    expect(first!.text.startsWith('…')).toBe(true);
    expect(first!.text.length).toBeLessThanOrEqual(200);
    expect(lit(second!)).toEqual(['dopamine']);
    expect(second!.text.startsWith('…') && second!.text.endsWith('…')).toBe(true);
  });

  it('highlights compounds as a whole when their joined form matches', () => {
    const [snippet] = buildSnippets([{ text: 'The GABA/glutamate ratio.', heading: false }], (t) =>
      ['gaba', 'glutamate', 'gabaglutamate'].includes(t),
    );
    expect(lit(snippet!)).toEqual(['GABA/glutamate']);
  });

  it('falls back to the first paragraph when only the title matched', () => {
    const snippets = buildSnippets(
      [
        { text: 'Heading', heading: true },
        { text: 'First paragraph.', heading: false },
      ],
      () => false,
    );
    expect(snippets).toEqual([{ text: 'First paragraph.', highlights: [] }]);
  });

  it('puts highlights on whole words of the snippet text, for any text (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 300 }), { minLength: 1, maxLength: 4 }),
        fc.string({ maxLength: 6 }),
        (texts, word) => {
          const wanted = fold(word);
          const blocks = texts.map((text) => ({ text, heading: false }));
          for (const snippet of buildSnippets(blocks, (term) => term === wanted || term.startsWith('a'))) {
            let previousEnd = -1;
            for (const [start, end] of snippet.highlights) {
              expect(start).toBeGreaterThan(previousEnd - 1);
              expect(end).toBeLessThanOrEqual(snippet.text.length);
              expect(start).toBeLessThan(end);
              previousEnd = end;
            }
          }
        },
      ),
    );
  });
});
