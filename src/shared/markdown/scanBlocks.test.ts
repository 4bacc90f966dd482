import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBlankLine } from './lines';
import { type BlockKind, scanBlocks } from './scanBlocks';

const kinds = (text: string): BlockKind[] => scanBlocks(text).blocks.map((block) => block.kind);

const pieces = [
  '#',
  '# ',
  ' ',
  '    ',
  '\t',
  '\n',
  '\n',
  '\r\n',
  '\r',
  '*',
  '-',
  '- ',
  '1. ',
  '> ',
  '>',
  '```',
  '~~~',
  '$$',
  '%%',
  '<div>',
  '<!--',
  '-->',
  '|',
  '| a |',
  '|---|',
  '---',
  '===',
  '[^1]: ',
  '[a]: ',
  'text',
  'a',
  '`',
  '\\',
];

describe('scanBlocks', () => {
  it('partitions any text: blocks in order, only blank lines between them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { maxLength: 50 }).map((parts) => parts.join('')),
        (text) => {
          const { blocks } = scanBlocks(text);
          let position = 0;
          for (const block of blocks) {
            expect(block.start).toBeGreaterThanOrEqual(position);
            for (const line of text.slice(position, block.start).split(/\r\n|\r|\n/))
              expect(isBlankLine(line)).toBe(true);
            expect(block.end).toBeGreaterThanOrEqual(block.start);
            position = block.end;
          }
          for (const line of text.slice(position).split(/\r\n|\r|\n/)) expect(isBlankLine(line)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('recognises CommonMark blocks', () => {
    expect(kinds('# Title\n\ntext\nmore\n\n---\n\n    code\n')).toEqual([
      'heading',
      'paragraph',
      'thematicBreak',
      'indentedCode',
    ]);
    expect(kinds('Title\n===\n\nSub\n---\n')).toEqual(['setextHeading', 'setextHeading']);
    expect(kinds('```js\ncode\n\nmore\n```\nafter')).toEqual(['fencedCode', 'paragraph']);
    expect(kinds('> a\nlazy\n\n> b')).toEqual(['blockquote', 'blockquote']);
    expect(kinds('- a\n\n- b\n  continued\n\n  - nested\nlazy\n\nafter')).toEqual(['list', 'paragraph']);
    expect(kinds('text\n- interrupts\n')).toEqual(['paragraph', 'list']);
    expect(kinds('text\n2. does not interrupt\n')).toEqual(['paragraph']);
  });

  it('recognises GFM tables and HTML blocks', () => {
    expect(kinds('| a | b |\n|---|:-:|\n| 1 | 2 |\n\nafter')).toEqual(['table', 'paragraph']);
    expect(kinds('text\n| a | b |\n| - | - |\n')).toEqual(['paragraph', 'table']);
    expect(kinds('<div>\n*x*\n</div>\n\ntext')).toEqual(['html', 'paragraph']);
    expect(kinds('<!-- a\n\nb -->\ntext')).toEqual(['html', 'paragraph']);
    expect(kinds('<span>inline</span> text')).toEqual(['paragraph']);
  });

  it('recognises Obsidian blocks: math, comments, footnotes, leading YAML', () => {
    expect(kinds('$$\nx^2\n\ny\n$$\n')).toEqual(['math']);
    expect(kinds('%%\nhidden\n\nstill hidden\n%%\ntext')).toEqual(['comment', 'paragraph']);
    expect(kinds('[^1]: note\n    more\n\ntext')).toEqual(['footnote', 'paragraph']);
    expect(kinds('---\nkey: value\n---\n\ntext')).toEqual(['yaml', 'paragraph']);
    expect(kinds('text\n\n---\nkey: value\n---\n')).toEqual(['paragraph', 'thematicBreak', 'setextHeading']);
  });

  it('keeps an unclosed fence open to the end', () => {
    const scan = scanBlocks('```\ncode\n\n# not a heading\n');
    expect(scan.blocks).toHaveLength(1);
    expect(scan.blocks[0]).toMatchObject({ kind: 'fencedCode', closed: false });
  });
});
