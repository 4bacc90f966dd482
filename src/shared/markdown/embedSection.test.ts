import { describe, expect, it } from 'vitest';
import { analyzeNote } from './analyzeNote';
import { embedSection, sectionMarkdown } from './embedSection';

const NOTE = [
  '---',
  'tags: [bio]',
  '---',
  '# Cells',
  '',
  'Intro paragraph.',
  '',
  '## Organelles',
  '',
  'Mitochondria make ATP. ^atp-1',
  '',
  '### Ribosomes',
  '',
  'Make proteins.',
  '',
  '## Membranes',
  '',
  '- lipid bilayer',
  '  - nested item ^Nested',
  '- proteins',
  '',
  '| a | b |',
  '| - | - |',
  '| 1 | 2 |',
  '',
  '^table-id',
  '',
].join('\n');

const model = analyzeNote(NOTE);
const part = (name: string | null): string | null => {
  const section = embedSection(model, name);
  return section ? sectionMarkdown(model, section) : null;
};

describe('embedSection', () => {
  it('gives the whole body for no part, without front matter or trailing blank lines', () => {
    expect(part(null)).toBe(NOTE.slice(NOTE.indexOf('# Cells')).trimEnd());
  });

  it('gives a heading with its section, up to the next heading of the same or a higher level', () => {
    expect(part('Organelles')).toBe(
      '## Organelles\n\nMitochondria make ATP. ^atp-1\n\n### Ribosomes\n\nMake proteins.',
    );
    expect(part('ribosomes')).toBe('### Ribosomes\n\nMake proteins.');
    expect(part('Cells#Ribosomes')).toBe('### Ribosomes\n\nMake proteins.');
    expect(part('Membranes#Ribosomes')).toBeNull();
    expect(part('Nowhere')).toBeNull();
  });

  it('gives the paragraph or list item carrying a block id, and the block before a lone id', () => {
    expect(part('^atp-1')).toBe('Mitochondria make ATP. ^atp-1');
    expect(part('^nested')).toBe('- nested item ^Nested');
    expect(part('^table-id')).toBe('| a | b |\n| - | - |\n| 1 | 2 |');
    expect(part('^missing')).toBeNull();
  });

  it('finds nothing in an empty note part or a note without headings', () => {
    const empty = analyzeNote('Just text.');
    expect(embedSection(empty, 'Heading')).toBeNull();
    expect(embedSection(empty, '^')).toBeNull();
  });
});
