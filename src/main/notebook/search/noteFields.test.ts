import { describe, expect, it } from 'vitest';
import { analyzeNote } from '@shared/markdown/analyzeNote';
import { noteFieldsOf } from './indexDocs';

/** The search fields of a note's text, read through its model. */
const extractNoteFields = (text: string) => noteFieldsOf(analyzeNote(text));

describe('extractNoteFields', () => {
  it('separates headings, body and inline tags, skipping front matter and code', () => {
    const fields = extractNoteFields(
      [
        '---',
        'title: ignored',
        'tags: [yaml-tag]',
        '---',
        '# Main heading ##',
        'Some text with #inline-tag and #nested/tag/, not #123 or a#b.',
        '## Second',
        '```',
        '# not a heading #not-a-tag',
        '```',
        'Setext heading',
        '===',
        '- list item',
        '---',
        'Text `#code-tag` (#paren) end',
      ].join('\n'),
    );
    expect(fields.headings).toEqual(['Main heading', 'Second', 'Setext heading']);
    expect(fields.inlineTags).toEqual(['inline-tag', 'nested/tag', 'paren']);
    expect(fields.body).toContain('# not a heading #not-a-tag');
    expect(fields.body).toContain('Some text with');
    expect(fields.body).not.toContain('Main heading');
    expect(fields.body).not.toContain('ignored');
  });

  it('never throws on odd input', () => {
    for (const text of ['', '#', '```', '---\n---', '\r\n\r\n', '#'.repeat(10)])
      expect(() => extractNoteFields(text)).not.toThrow();
  });
});
