import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeNote, noteProperties } from './analyzeNote';
import { isInRanges, type TextRange } from './noteModel';

const findCodeRanges = (text: string) => analyzeNote(text).code;
const isInCode = isInRanges;

describe('analyzeNote: code ranges', () => {
  it('finds code blocks and code spans, so [[links]] inside them can be skipped', () => {
    const text =
      'A [[link]] and `[[not]]` and \\`[[link]]`.\n\n```\n[[not]]\n```\n\n    [[not]]\n\n- item ``[[not]]``\n';
    const ranges = findCodeRanges(text);
    const linkAt = (from: number): boolean => isInCode(ranges, text.indexOf('[[', from));
    let cursor = 0;
    const verdicts: boolean[] = [];
    for (let index = text.indexOf('[['); index >= 0; index = text.indexOf('[[', index + 2)) {
      verdicts.push(linkAt(index));
      cursor = index;
    }
    expect(cursor).toBeGreaterThan(0);
    expect(verdicts).toEqual([false, true, false, true, true, true]);
  });
});

describe('analyzeNote', () => {
  const note = [
    '---',
    'aliases: [Other name]',
    'tags: yaml-tag',
    '---',
    '# Title #heading-tag',
    '',
    'Text with [[Target#Part|label]] and #tag, `#not [[not]]` %%hidden #no [[Hidden]]%% end ^para-1',
    '',
    '```',
    '#code [[Code]]',
    '```',
    '',
    '## Sub',
    '- item [[Item]] ^item',
    '',
  ].join('\n');
  const model = analyzeNote(note);
  const at = (range: TextRange) => note.slice(range.start, range.end);

  it('reads front matter and its properties', () => {
    expect(at({ start: 0, end: model.frontMatter!.end })).toBe('---\naliases: [Other name]\ntags: yaml-tag\n---\n');
    expect(model.bodyStart).toBe(model.frontMatter!.end);
    expect(noteProperties(model)).toEqual({ aliases: ['Other name'], tags: ['yaml-tag'] });
  });

  it('reads headings with levels, offsets and heading paths', () => {
    expect(model.headings.map((h) => [h.text, h.level, at(h)])).toEqual([
      ['Title #heading-tag', 1, '# Title #heading-tag'],
      ['Sub', 2, '## Sub'],
    ]);
    expect(model.blocks.map((b) => [b.kind, b.headingPath])).toEqual([
      ['frontMatter', []],
      ['heading', []],
      ['paragraph', ['Title #heading-tag']],
      ['code', ['Title #heading-tag']],
      ['heading', ['Title #heading-tag']],
      ['listItem', ['Title #heading-tag', 'Sub']],
    ]);
    const code = model.blocks[3]!;
    expect(code.syntax).toBe('fencedCode');
    expect(note.slice(code.contentStart, code.contentEnd)).toBe('#code [[Code]]');
  });

  it('reads links outside code and comments (Obsidian ignores links in comments), with offsets and sources', () => {
    expect(model.links.map((l) => [l.target, l.heading, l.label, at(l), l.source])).toEqual([
      ['Target', 'Part', 'label', '[[Target#Part|label]]', '[[Target#Part|label]]'],
      ['Item', null, null, '[[Item]]', '[[Item]]'],
    ]);
  });

  it('reads tags outside code, comments and links, block ids and comment ranges', () => {
    expect(model.tags.map((t) => [t.name, at(t)])).toEqual([
      ['heading-tag', '#heading-tag'],
      ['tag', '#tag'],
    ]);
    expect(model.blockIds.map((b) => [b.id, at(b)])).toEqual([
      ['para-1', '^para-1'],
      ['item', '^item'],
    ]);
    expect(model.comments.map(at)).toEqual(['%%hidden #no [[Hidden]]%%']);
    expect(model.code.map(at)).toEqual(['`#not [[not]]`', '```\n#code [[Code]]\n```']);
  });

  it('never throws; every range lies in the text, in order, and lists are sorted and disjoint', () => {
    const piece = fc.constantFrom(
      '[[',
      ']]',
      '[[A]]',
      '![[B#c|d]]',
      '`',
      '``',
      '```\n',
      '~~~\n',
      '%%',
      '#',
      '#tag',
      ' ^id',
      '\n',
      '\r\n',
      '---\n',
      'key: v\n',
      '> ',
      '- ',
      '1. ',
      '| a | b |\n|---|---|\n',
      '$$',
      '<div>',
      '    ',
      'word',
      ' ',
      '[x](y)',
      '\\',
      '*',
      '_',
      '==',
      '# ',
      'Setext\n===\n',
      '[^1]: n\n',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 4 })), { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        const m = analyzeNote(text);
        const inText = (r: { start: number; end: number }) => 0 <= r.start && r.start <= r.end && r.end <= text.length;
        const sortedDisjoint = (rs: ReadonlyArray<{ start: number; end: number }>) =>
          rs.every((r, i) => inText(r) && (i === 0 || rs[i - 1]!.end <= r.start));
        expect(sortedDisjoint(m.blocks)).toBe(true);
        expect(sortedDisjoint(m.headings)).toBe(true);
        expect(sortedDisjoint(m.links)).toBe(true);
        expect(sortedDisjoint(m.tags)).toBe(true);
        expect(sortedDisjoint(m.blockIds)).toBe(true);
        expect(sortedDisjoint(m.code)).toBe(true);
        expect(sortedDisjoint(m.comments)).toBe(true);
        expect(m.bodyStart).toBe(m.frontMatter?.end ?? 0);
        for (const link of m.links) expect(text.slice(link.start, link.end)).toBe(link.source);
        for (const block of m.blocks) {
          expect(block.start <= block.contentStart && block.contentStart <= block.contentEnd).toBe(true);
          expect(block.contentEnd <= block.end).toBe(true);
        }
        expect(() => noteProperties(m)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});

describe('analyzeNote: links as Obsidian reads them', () => {
  const linksOf = (text: string) =>
    analyzeNote(text).links.map((link) => ({
      source: link.source,
      target: link.target,
      heading: link.heading,
      embed: link.embed,
      form: link.markdown ? 'markdown' : link.property ? 'property' : 'wiki',
      path: link.markdown ? text.slice(link.markdown.pathStart, link.markdown.pathEnd) : null,
    }));

  it('reads Markdown links to vault paths, decoded, with headings, pointy and relative', () => {
    const text =
      'See [one](Other.md), [two](Other%20Note.md#Part%201), [three](<Other Note.md>), ' +
      '[up](../x.md) and ![pic](sub/x%20y.png).\n';
    expect(linksOf(text)).toEqual([
      {
        source: '[one](Other.md)',
        target: 'Other.md',
        heading: null,
        embed: false,
        form: 'markdown',
        path: 'Other.md',
      },
      {
        source: '[two](Other%20Note.md#Part%201)',
        target: 'Other Note.md',
        heading: 'Part 1',
        embed: false,
        form: 'markdown',
        path: 'Other%20Note.md',
      },
      {
        source: '[three](<Other Note.md>)',
        target: 'Other Note.md',
        heading: null,
        embed: false,
        form: 'markdown',
        path: 'Other Note.md',
      },
      { source: '[up](../x.md)', target: '../x.md', heading: null, embed: false, form: 'markdown', path: '../x.md' },
      {
        source: '![pic](sub/x%20y.png)',
        target: 'sub/x y.png',
        heading: null,
        embed: true,
        form: 'markdown',
        path: 'sub/x%20y.png',
      },
    ]);
  });

  it('ignores web addresses, code, and links written inside comments', () => {
    const text = [
      '[web](https://example.com/a.md) [mail](mailto:a@b.c) [proto](//host/x.md) `[code](C.md)`',
      '%% [[Hidden]] and [hidden](Hidden.md) %% after [[Shown]]',
      '%%',
      '[[Block comment]]',
      '%%',
      '```',
      '[fenced](F.md)',
      '```',
      '',
    ].join('\n');
    expect(linksOf(text).map((link) => link.source)).toEqual(['[[Shown]]']);
  });

  it('keeps a wiki link whose label holds a code span', () => {
    const text = 'See [[Functions#hasTag|`hasTag`]] and `[[not a link]]`.\n';
    expect(linksOf(text).map((link) => [link.target, link.heading])).toEqual([['Functions', 'hasTag']]);
  });

  it('counts wiki links in front matter property values', () => {
    const text = '---\nrelated: "[[X]]"\nsee:\n  - "[[Y#Part]]"\n---\nBody [[Z]]\n';
    expect(linksOf(text).map((link) => [link.target, link.form])).toEqual([
      ['X', 'property'],
      ['Y', 'property'],
      ['Z', 'wiki'],
    ]);
  });

  it('keeps links sorted and never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[[\]()!<>`%#a-z .\n-]{0,80}$/), (text) => {
        const links = analyzeNote(text).links;
        for (let index = 1; index < links.length; index++)
          expect(links[index]!.start).toBeGreaterThanOrEqual(links[index - 1]!.end);
        for (const link of links) expect(text.slice(link.start, link.end)).toBe(link.source);
      }),
    );
  });
});
