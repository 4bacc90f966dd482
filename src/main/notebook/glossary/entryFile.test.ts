import fc from 'fast-check';
import type { GlossaryEntry } from '@shared/domain/glossary';
import { describe, expect, it } from 'vitest';
import { formatEntryFile, MalformedEntryError, parseEntryFile } from './entryFile';

const ENTRY: GlossaryEntry = {
  id: 'gaba-glutamate-ratio',
  title: 'GABA Glutamate Ratio',
  aliases: ['GABA/glutamate ratio'],
  source: '000_1daa4b43b52795c7.txt',
  editorialTitle: false,
  definition: 'The GABA Glutamate Ratio is a crucial neurochemical index.',
  sections: [
    { heading: 'Origin', text: 'The concept is rooted in neurobiology.' },
    { heading: 'Mechanism', text: 'Glutamate activates its receptors.\n\nGABA hyperpolarizes neurons.' },
  ],
};

const FILE = `---
id: gaba-glutamate-ratio
title: GABA Glutamate Ratio
aliases:
  - GABA/glutamate ratio
source: 000_1daa4b43b52795c7.txt
---

The GABA Glutamate Ratio is a crucial neurochemical index.

## Origin

The concept is rooted in neurobiology.

## Mechanism

Glutamate activates its receptors.

GABA hyperpolarizes neurons.
`;

function problemOf(text: string): string {
  try {
    parseEntryFile(text, 'broken.md');
  } catch (error) {
    expect(error).toBeInstanceOf(MalformedEntryError);
    expect((error as Error).message.startsWith('broken.md: ')).toBe(true);
    return (error as MalformedEntryError).problem;
  }
  throw new Error('parseEntryFile accepted the text');
}

describe('formatEntryFile', () => {
  it('writes front matter and sections in the documented layout', () => {
    expect(formatEntryFile(ENTRY)).toBe(FILE);
  });

  it('marks editorial titles and leaves out an empty alias list', () => {
    const text = formatEntryFile({ ...ENTRY, title: 'Optimized Balance', editorialTitle: true, aliases: [] });
    expect(
      text.startsWith('---\nid: gaba-glutamate-ratio\ntitle: Optimized Balance\neditorialTitle: true\nsource: '),
    ).toBe(true);
    expect(text).not.toContain('aliases');
  });

  it('quotes YAML-significant titles instead of breaking the front matter', () => {
    const entry = { ...ENTRY, title: 'Ratio: #1 — "GABA"', aliases: ['- dash', 'true'] };
    expect(parseEntryFile(formatEntryFile(entry), 'x.md')).toEqual(entry);
  });

  it('never folds long titles', () => {
    const title = `${'Long '.repeat(40)}Title`;
    expect(formatEntryFile({ ...ENTRY, title })).toContain(`\ntitle: ${title}\n`);
  });

  it('uses LF line endings and ends with exactly one newline', () => {
    const text = formatEntryFile(ENTRY);
    expect(text).not.toContain('\r');
    expect(text.endsWith('.\n')).toBe(true);
  });

  it.each<[string, Partial<GlossaryEntry>]>([
    ['an invalid id', { id: 'Not A Slug' }],
    ['an empty title', { title: ' ' }],
    ['a multi-line title', { title: 'A\nB' }],
    ['an empty alias', { aliases: [''] }],
    ['an empty definition', { definition: '' }],
    ['a definition with surrounding whitespace', { definition: ' text' }],
    ['a text line that reads as a heading', { sections: [{ heading: 'Origin', text: 'One.\n\n## Two' }] }],
    ['a definition that starts like a heading', { definition: '# Title' }],
  ])('refuses to write %s', (_, change) => {
    expect(() => formatEntryFile({ ...ENTRY, ...change })).toThrow(Error);
  });
});

describe('parseEntryFile', () => {
  it('reads the documented layout', () => {
    expect(parseEntryFile(FILE, 'gaba-glutamate-ratio.md')).toEqual(ENTRY);
  });

  it('accepts CRLF line endings (a checkout with autocrlf)', () => {
    expect(parseEntryFile(FILE.replace(/\n/g, '\r\n'), 'x.md')).toEqual(ENTRY);
  });

  it('defaults editorialTitle to false and aliases to none', () => {
    const entry = parseEntryFile('---\nid: a\ntitle: A\nsource: a.txt\n---\n\nText.\n', 'a.md');
    expect(entry).toEqual({
      id: 'a',
      title: 'A',
      aliases: [],
      source: 'a.txt',
      editorialTitle: false,
      definition: 'Text.',
      sections: [],
    });
  });

  it('reads back a heading or text holding U+2028/U+2029, which are not line ends in Markdown', () => {
    // Found by the property below (seed 1094247844): `.` stopped at U+2028 and the section was lost.
    const entry: GlossaryEntry = {
      ...ENTRY,
      definition: 'Before\u2028# not a heading',
      sections: [{ heading: '$\u2028!', text: 'Text\u2029## still text' }],
    };
    expect(parseEntryFile(formatEntryFile(entry), 'x.md')).toEqual(entry);
  });

  it('gives back what formatEntryFile wrote, for any entry it accepts', () => {
    const line = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 30 })
      .map((s) => s.replace(/[\r\n]/g, ' ').trim())
      .filter((s) => s !== '' && !s.startsWith('#'));
    const text = fc.array(line, { minLength: 1, maxLength: 3 }).map((paragraphs) => paragraphs.join('\n\n'));
    const entry = fc.record({
      id: fc.stringMatching(/^[a-z0-9]{1,8}(?:-[a-z0-9]{1,8}){0,3}$/),
      title: line,
      aliases: fc.array(line, { maxLength: 3 }),
      source: line,
      editorialTitle: fc.boolean(),
      definition: text,
      sections: fc.array(fc.record({ heading: line, text }), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(entry, (e) => {
        expect(parseEntryFile(formatEntryFile(e), 'x.md')).toEqual(e);
      }),
    );
  });

  it.each([
    ['no front matter', 'Just text.\n', /front matter/],
    ['an unclosed front matter', '---\nid: a\ntitle: A\n', /not closed/],
    ['invalid YAML', '---\nid: [a\n---\n\nText.\n', /invalid YAML/],
    ['a duplicate key', '---\nid: a\nid: b\ntitle: A\nsource: a.txt\n---\n\nText.\n', /invalid YAML/],
    ['a list instead of a map', '---\n- a\n---\n\nText.\n', /key\/value map/],
    [
      'an unknown key',
      '---\nid: a\ntitle: A\nsource: a.txt\nauthor: me\n---\n\nText.\n',
      /unknown front matter key "author"/,
    ],
    ['a bad id', '---\nid: Not Slug\ntitle: A\nsource: a.txt\n---\n\nText.\n', /"id"/],
    ['a missing title', '---\nid: a\nsource: a.txt\n---\n\nText.\n', /"title"/],
    ['a numeric title', '---\nid: a\ntitle: 42\nsource: a.txt\n---\n\nText.\n', /"title"/],
    [
      'a non-boolean editorialTitle',
      '---\nid: a\ntitle: A\neditorialTitle: yes\nsource: a.txt\n---\n\nText.\n',
      /"editorialTitle"/,
    ],
    ['aliases that are not strings', '---\nid: a\ntitle: A\naliases: [1]\nsource: a.txt\n---\n\nText.\n', /"aliases"/],
    ['a missing source', '---\nid: a\ntitle: A\n---\n\nText.\n', /"source"/],
    ['an empty definition', '---\nid: a\ntitle: A\nsource: a.txt\n---\n\n## Origin\n\nText.\n', /definition/],
    [
      'an empty section',
      '---\nid: a\ntitle: A\nsource: a.txt\n---\n\nText.\n\n## Origin\n\n',
      /"Origin" section is empty/,
    ],
  ])('rejects %s, naming the file', (_, text, problem) => {
    expect(problemOf(text)).toMatch(problem);
  });
});
