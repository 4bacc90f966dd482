import { describe, expect, it } from 'vitest';
import { entryText, splitParagraphs } from './entryText';

describe('entryText', () => {
  const entry = {
    definition: 'First paragraph.\n\n  \n\nSecond\nline.',
    sections: [
      { heading: 'Origin', text: 'From Greek.' },
      { heading: 'Empty', text: '' },
    ],
  };

  it('joins the definition, headings and paragraphs with a blank line', () => {
    expect(entryText(entry).text).toBe('First paragraph.\n\nSecond\nline.\n\nOrigin\n\nFrom Greek.\n\nEmpty');
  });

  it('gives each block offsets that slice back to its text', () => {
    const { text, blocks } = entryText(entry);
    expect(blocks.map((block) => [block.kind, block.section, text.slice(block.start, block.end)])).toEqual([
      ['paragraph', -1, 'First paragraph.'],
      ['paragraph', -1, 'Second\nline.'],
      ['heading', 0, 'Origin'],
      ['paragraph', 0, 'From Greek.'],
      ['heading', 1, 'Empty'],
    ]);
  });

  it('is empty for an empty entry', () => {
    expect(entryText({ definition: '', sections: [] })).toEqual({ text: '', blocks: [] });
  });

  it('splits paragraphs as the reader always has', () => {
    expect(splitParagraphs('a\n\nb\n \n c\n\n\n')).toEqual(['a', 'b', ' c']);
  });
});
