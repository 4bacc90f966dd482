import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BlockNode, InlineNode } from './model';
import { readsBackAs, serializeBlock, writeBlock } from './serializeBlock';
import { serializeInline } from './serializeInline';

const nasty = fc
  .array(
    fc.constantFrom(
      'a',
      'b',
      ' ',
      '*',
      '_',
      '`',
      '~',
      '[',
      ']',
      '(',
      ')',
      '<',
      '>',
      '#',
      '!',
      '\\',
      '$',
      '%',
      '=',
      '^',
      '&',
      '|',
      '-',
      '+',
      '1',
      '.',
      ':',
      '"',
      '\t',
      'é',
      'http://x.y',
      '[[w]]',
      'amp;',
      'div',
      'mailto:a@b.c',
      '<http://a.b>',
      '[x](http://a.b)',
    ),
    { minLength: 1, maxLength: 12 },
  )
  .map((parts) => parts.join(''));
const breakArb = fc.record({ type: fc.constant('break' as const), marker: fc.constantFrom('', '  ', '\\') });

const plainBlock: fc.Arbitrary<BlockNode> = fc
  .tuple(
    fc.constantFrom('paragraph' as const, 'heading' as const, 'quote' as const),
    fc.array(
      fc.oneof(
        {
          weight: 5,
          arbitrary: fc.record({ type: fc.constant('text' as const), text: nasty, format: fc.constant(0) }),
        },
        { weight: 1, arbitrary: breakArb },
      ),
      { maxLength: 5 },
    ),
  )
  .map(([type, children]) => (type === 'heading' ? { type, level: 2, children } : { type, children }));

// Formatted words separated by whitespace, links, breaks: what users write.
const word = fc.constantFrom(
  'alpha',
  'beta',
  'C#',
  'a*b',
  '2*3',
  '$5',
  '#tag',
  '[[Wiki]]',
  '$x_1$',
  'snake_case',
  '<span>',
  '1.',
  '-',
  '\\',
  '[x](y)',
  '==hl==',
  '%%c%%',
  '~~',
  '>',
);
const formattedBlock: fc.Arbitrary<BlockNode> = fc
  .array(
    fc.oneof(
      fc.record({
        type: fc.constant('text' as const),
        text: fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => ` ${w.join(' ')} `),
        format: fc.constant(0),
      }),
      fc
        .record({
          type: fc.constant('text' as const),
          text: fc.constantFrom('bold', 'two words', 'x1'),
          format: fc.constantFrom(1, 2, 3, 4, 16, 17),
        })
        .map((node) => [node, { type: 'text' as const, text: ' ', format: 0 }]),
      fc
        .record({
          type: fc.constant('wikilink' as const),
          target: fc.constantFrom('Cells', 'a_b', 'GABA Glutamate Ratio', ' spaced ', 'Folder/Note', 'x*y*'),
          heading: fc.constantFrom(null, 'Origin', ' Part 2 '),
          label: fc.constantFrom(null, 'the ratio', 'a*b', '!'),
          escapedPipe: fc.boolean(),
          format: fc.constantFrom(0, 1, 2, 4),
        })
        // Like formatted words, separated by a space (see "Known limitations" in docs/markdown-dialect.md).
        .map((node) => [node, { type: 'text' as const, text: ' ', format: 0 }]),
      fc.record({
        type: fc.constant('link' as const),
        url: fc.constantFrom('https://example.com/a_(b)', 'mailto:a@b.org'),
        title: fc.constantFrom(null, 'T "q"'),
        autolink: fc.constant(false),
        children: fc.constantFrom(
          [{ type: 'text' as const, text: 'label', format: 0 }],
          [{ type: 'text' as const, text: 'bold label', format: 1 }],
        ),
      }),
      breakArb,
    ),
    { maxLength: 8 },
  )
  .map((items) => ({ type: 'paragraph' as const, children: items.flat() as InlineNode[] }));

describe('serializeInline / writeBlock', () => {
  it('writes plain text (any punctuation) so that it reads back the same', () => {
    fc.assert(
      fc.property(plainBlock, (block) => {
        expect(readsBackAs(writeBlock(block), block)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('writes formatted words and links so that they read back the same, with minimal escapes', () => {
    fc.assert(
      fc.property(formattedBlock, (block) => {
        const minimal = serializeBlock(block);
        expect(readsBackAs(minimal, block)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps literal constructs as written and escapes only where needed', () => {
    const line = (value: string): string => serializeInline([{ type: 'text', text: value, format: 0 }]);
    expect(line('![[a_b]] $x_1$ #t_a %%a*b%% https://x.org/a_b <b>')).toBe(
      '![[a_b]] $x_1$ #t_a %%a*b%% https://x.org/a_b <b>',
    );
    // `==` that would read as a highlight is escaped; other `=` stay as written.
    expect(line('==a_b== x == y, a=b, === and x==')).toBe('\\==a_b\\== x == y, a=b, === and x\\==');
    // Text that would read as a wiki link is escaped: a wiki link is a link, not text.
    expect(line('[[a_b]] and [[ ]]')).toBe('\\[[a_b]] and \\[[ ]]');
    expect(line('snake_case 2 * 3 a*b _x_ `c`')).toBe('snake_case 2 * 3 a\\*b \\_x\\_ \\`c\\`');
    expect(line('# not a heading')).toBe('\\# not a heading');
    expect(line('1. not a list')).toBe('1\\. not a list');
    expect(line('[x](https://y.org) [x] ok')).toBe('\\[x](https://y.org) [x] ok');
    expect(line('<https://y.org> and C:\\Users')).toBe('\\<https://y.org> and C:\\Users');
  });

  it('writes wiki links exactly as they were read, and escapes what would change them', () => {
    const wiki = (target: string, heading: string | null, label: string | null, format = 0): InlineNode => ({
      type: 'wikilink',
      target,
      heading,
      label,
      escapedPipe: false,
      format,
    });
    const text = (value: string, format = 0): InlineNode => ({ type: 'text', text: value, format });
    expect(
      serializeInline([
        wiki('A', null, null),
        text(' '),
        wiki('B', 'Part', null),
        text(' '),
        wiki(' C ', null, ' c '),
        text(' '),
        wiki('D', 'E', 'f', 1),
      ]),
    ).toBe('[[A]] [[B#Part]] [[ C | c ]] **[[D#E|f]]**');
    // `!` before a link would make an embed; `[`, `]` and `\\` around it stay as they are read.
    expect(serializeInline([text('Wow!'), wiki('A', null, null), text(' x[')])).toBe('Wow\\![[A]] x[');
    expect(serializeInline([text('['), wiki('A', null, null), text(']')])).toBe('[[[A]]]');
    // Inside a Markdown link's text, or as inline code, a wiki link can only be text.
    expect(
      serializeInline([
        { type: 'link', url: 'https://x.org', title: null, autolink: false, children: [wiki('A', null, null)] },
      ]),
    ).toBe('[[[A]]](https://x.org)');
    expect(serializeInline([wiki('A', null, null, 16)])).toBe('`[[A]]`');
  });

  it('writes formats with the dialect spellings', () => {
    expect(
      serializeInline([
        { type: 'text', text: 'b', format: 1 },
        { type: 'text', text: ' i', format: 2 },
        { type: 'text', text: ' s ', format: 4 },
        { type: 'text', text: 'co`de', format: 16 },
      ]),
    ).toBe('**b** *i* ~~s~~ ``co`de``');
  });
});
