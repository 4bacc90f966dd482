import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatWikiLink, type WikiLinkParts } from './formatWikiLink';
import { analyzeNote } from '../markdown/analyzeNote';
import { scanWikiLinks, type WikiLink } from './parseWikiLinks';

/** A whole note's links: the note model's (they were parseWikiLinks' before the model). */
const parseWikiLinks = (text: string): WikiLink[] => [...analyzeNote(text).links];

function parts(link: WikiLink) {
  const { target, heading, label, embed } = link;
  return { target, heading, label, embed };
}

/** Strings dense in the characters that matter to links, code and escapes. */
const linkish = fc
  .array(
    fc.constantFrom(
      '[',
      '[[',
      ']',
      ']]',
      '|',
      '\\|',
      '#',
      '!',
      '\\',
      '`',
      '```',
      '\n',
      '\r\n',
      ' ',
      '    ',
      'a',
      'B',
      'é',
      '-',
      '---',
      '>',
      '- ',
      '😀',
    ),
    { maxLength: 60 },
  )
  .map((pieces) => pieces.join(''));

const anyText = fc.oneof(linkish, fc.string({ unit: 'binary', maxLength: 200 }));

describe('parseWikiLinks', () => {
  it('reads targets, headings, labels and embeds', () => {
    const text = 'See [[Cells]], [[Cells#Mitosis]], [[Cells|the cell]], [[Cells#Mitosis|split]] and ![[Diagram.png]].';
    expect(parseWikiLinks(text).map(parts)).toEqual([
      { target: 'Cells', heading: null, label: null, embed: false },
      { target: 'Cells', heading: 'Mitosis', label: null, embed: false },
      { target: 'Cells', heading: null, label: 'the cell', embed: false },
      { target: 'Cells', heading: 'Mitosis', label: 'split', embed: false },
      { target: 'Diagram.png', heading: null, label: null, embed: true },
    ]);
    const embed = parseWikiLinks(text).at(-1)!;
    expect(text.slice(embed.start, embed.end)).toBe('![[Diagram.png]]');
  });

  it('reads a heading of the same note and refuses empty links', () => {
    expect(parseWikiLinks('[[#Origin]]').map(parts)).toEqual([
      { target: '', heading: 'Origin', label: null, embed: false },
    ]);
    for (const text of ['[[]]', '[[ ]]', '[[|label]]', '[[#]]', '[[ # | x]]']) expect(parseWikiLinks(text)).toEqual([]);
  });

  it('keeps parts exactly as written (spaces included)', () => {
    expect(parseWikiLinks('[[ Cells # Mitosis | a label ]]').map(parts)).toEqual([
      { target: ' Cells ', heading: ' Mitosis ', label: ' a label ', embed: false },
    ]);
  });

  it('splits at the first # and the first |', () => {
    expect(parseWikiLinks('[[A#B#C|d|e]]').map(parts)).toEqual([
      { target: 'A', heading: 'B#C', label: 'd|e', embed: false },
    ]);
  });

  it('reads the table form of the label separator', () => {
    const [link] = parseWikiLinks('| [[Cells\\|the cell]] | x |');
    expect(link).toMatchObject({
      target: 'Cells',
      label: 'the cell',
      escapedPipe: true,
      source: '[[Cells\\|the cell]]',
    });
  });

  it('ignores escaped brackets, and an escaped ! only loses the embed', () => {
    expect(parseWikiLinks('\\[[Cells]] and \\\\[[Real]]').map((l) => l.target)).toEqual(['Real']);
    expect(parseWikiLinks('\\![[Cells]]')).toMatchObject([{ embed: false, source: '[[Cells]]', start: 2 }]);
  });

  it('never spans a line break', () => {
    expect(parseWikiLinks('[[Cel\nls]] [[Ok]]').map((l) => l.target)).toEqual(['Ok']);
    expect(parseWikiLinks('[[Cel\r\nls]]')).toEqual([]);
  });

  it('starts at the innermost opening brackets', () => {
    expect(parseWikiLinks('[[a [[b]]').map((l) => [l.target, l.start])).toEqual([['b', 4]]);
    expect(parseWikiLinks('[[[b]]]').map((l) => [l.source, l.start])).toEqual([['[[b]]', 1]]);
  });

  it('finds nothing in code spans, fenced or indented code; front matter values count (as in Obsidian)', () => {
    const text = [
      '---',
      'related: "[[Front]]"',
      '---',
      'Use `[[NotALink]]` or ``[[Nor` this]]`` but [[Yes]].',
      '',
      '```md',
      '[[InFence]]',
      '```',
      '',
      '    [[Indented]]',
      '',
      '~~~',
      '[[Tilde]]',
      '~~~',
      '- item [[Listed]]',
    ].join('\n');
    expect(parseWikiLinks(text).map((l) => l.target)).toEqual(['Front', 'Yes', 'Listed']);
  });

  it('treats an unclosed fence as code to the end', () => {
    expect(parseWikiLinks('[[Before]]\n\n```\n[[After]]\n')).toMatchObject([{ target: 'Before' }]);
  });

  it('never throws, and every link slices back to its exact source', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const links = parseWikiLinks(text);
        let previousEnd = 0;
        for (const link of links) {
          expect(text.slice(link.start, link.end)).toBe(link.source);
          expect(link.start).toBeGreaterThanOrEqual(previousEnd);
          expect(link.source).toMatch(/^!?\[\[[^\n\r]*\]\]$/);
          previousEnd = link.end;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('formats every link it reads back to its exact source', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (const link of [...parseWikiLinks(text), ...scanWikiLinks(text)]) {
          expect(formatWikiLink(link)).toBe(link.source);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('reads back what formatWikiLink writes', () => {
    const part = fc
      .array(fc.constantFrom('a', 'Z', ' ', 'é', '[', ']', '[[', ']]', '|', '#', '\\', '\n', '!', '😀', '/'), {
        maxLength: 12,
      })
      .map((p) => p.join(''));
    const linkParts: fc.Arbitrary<WikiLinkParts> = fc.record({
      target: part,
      heading: fc.option(part, { nil: null }),
      label: fc.option(part, { nil: null }),
      embed: fc.boolean(),
      escapedPipe: fc.boolean(),
    });
    fc.assert(
      fc.property(linkParts, fc.constantFrom('', 'x ', 'See: '), (p, before) => {
        const written = formatWikiLink(p);
        const links = parseWikiLinks(before + written);
        const read = links[0];
        if (!read) {
          // Only a link with nothing to point at reads as text.
          expect(written).toMatch(/^!?\[\[\s*(#\s*)?(\\?\|.*)?\]\]$/s);
          return;
        }
        expect(links).toHaveLength(1);
        expect(read.start).toBe(before.length);
        expect(read.source).toBe(written);
        expect(formatWikiLink(read)).toBe(written);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps clean parts unchanged through format and parse', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9é][A-Za-z0-9é ./-]{0,15}$/);
    fc.assert(
      fc.property(
        word,
        fc.option(word, { nil: null }),
        fc.option(word, { nil: null }),
        fc.boolean(),
        (target, heading, label, embed) => {
          const [read] = parseWikiLinks(formatWikiLink({ target, heading, label, embed }));
          expect(read && parts(read)).toEqual({ target, heading, label, embed });
        },
      ),
    );
  });

  it('never finds a link inside code', () => {
    const word = fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,10}[A-Za-z]$/);
    const piece = fc.oneof(
      word.map((w) => ({ text: w, link: null as string | null })),
      word.map((w) => ({ text: `[[${w}]]`, link: w })),
      word.map((w) => ({ text: `\`[[${w}]]\``, link: null })),
      word.map((w) => ({ text: `\`\`a [[${w}]] \`\``, link: null })),
    );
    const block = fc.oneof(
      fc.array(piece, { minLength: 1, maxLength: 6 }).map((pieces) => ({
        text: pieces.map((p) => p.text).join(' '),
        links: pieces.flatMap((p) => (p.link ? [p.link] : [])),
      })),
      word.map((w) => ({ text: `\`\`\`\n[[${w}]]\n\`\`\``, links: [] as string[] })),
      // After a paragraph (not a list item, which would take it as its own paragraph).
      word.map((w) => ({ text: `Code:\n\n    [[${w}]]`, links: [] as string[] })),
      fc.array(piece, { minLength: 1, maxLength: 3 }).map((pieces) => ({
        text: `- ${pieces.map((p) => p.text).join(' ')}`,
        links: pieces.flatMap((p) => (p.link ? [p.link] : [])),
      })),
    );
    fc.assert(
      fc.property(fc.array(block, { maxLength: 8 }), (blocks) => {
        const text = blocks.map((b) => b.text).join('\n\n');
        expect(parseWikiLinks(text).map((l) => l.target)).toEqual(blocks.flatMap((b) => b.links));
      }),
      { numRuns: 1000 },
    );
  });
});
