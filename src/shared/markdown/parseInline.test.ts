import { describe, expect, it } from 'vitest';
import {
  FORMAT_BOLD,
  FORMAT_CODE,
  FORMAT_HIGHLIGHT,
  FORMAT_ITALIC,
  FORMAT_STRIKETHROUGH,
  type InlineNode,
} from './model';
import { parseInline, parseInlineContent } from './parseInline';

const text = (value: string, format = 0): InlineNode => ({ type: 'text', text: value, format });
const wiki = (target: string, heading: string | null = null, label: string | null = null, format = 0): InlineNode => ({
  type: 'wikilink',
  target,
  heading,
  label,
  escapedPipe: false,
  format,
});

describe('parseInline', () => {
  it('reads emphasis, strikethrough and code', () => {
    expect(parseInline('a *b* __c__ ***d*** ~~e~~ `f`')).toEqual([
      text('a '),
      text('b', FORMAT_ITALIC),
      text(' '),
      text('c', FORMAT_BOLD),
      text(' '),
      text('d', FORMAT_BOLD | FORMAT_ITALIC),
      text(' '),
      text('e', FORMAT_STRIKETHROUGH),
      text(' '),
      text('f', FORMAT_CODE),
    ]);
    expect(parseInline('snake_case_name and 2 * 3')).toEqual([text('snake_case_name and 2 * 3')]);
    expect(parseInline('\\*not\\* `` a`b ``')).toEqual([text('*not* '), text('a`b', FORMAT_CODE)]);
  });

  it('reads links to http, https and mailto only', () => {
    expect(parseInline('[a](https://x.org "T") <mailto:m@x.org>')).toEqual([
      { type: 'link', url: 'https://x.org', title: 'T', autolink: false, children: [text('a')] },
      text(' '),
      { type: 'link', url: 'mailto:m@x.org', title: null, autolink: true, children: [text('mailto:m@x.org')] },
    ]);
    for (const source of [
      '[x](javascript:alert(1))',
      '[x](JaVaScRiPt:alert(1))',
      '[x](jav&#x61;script:alert(1))',
      '[x](&#106;avascript:alert(1))',
      '[x](data:text/html,hi)',
      '[x](file:///etc/passwd)',
      '[x](vbscript:msgbox)',
      '<javascript:alert(1)>',
      '[x](https://x.org&copy;)',
    ]) {
      expect(parseInline(source), source).toEqual([text(source)]);
    }
  });

  it('reads Markdown links to vault paths as note links, keeping their source to save', () => {
    const link = (markdown: string, target: string, heading: string | null, label: string) => ({
      type: 'wikilink',
      target,
      heading,
      label,
      escapedPipe: false,
      format: 0,
      markdown,
    });
    expect(parseInline('[x](notes/a.md) [y](Other%20Note.md#Part%201) [z](<A B.md>) [h](#anchor)')).toEqual([
      link('[x](notes/a.md)', 'notes/a.md', null, 'x'),
      text(' '),
      link('[y](Other%20Note.md#Part%201)', 'Other Note.md', 'Part 1', 'y'),
      text(' '),
      link('[z](<A B.md>)', 'A B.md', null, 'z'),
      text(' '),
      link('[h](#anchor)', '', 'anchor', 'h'),
    ]);
  });

  it('keeps Obsidian and other unmodelled syntax literal, unparsed inside', () => {
    for (const source of [
      '$x_1 * y_2$',
      '$$a_b$$',
      '%%a *b* c%%',
      '#tag_with_underscores',
      '[^note_1]',
      'https://example.com/a_b_c',
      '<span class="a_b">',
      '&amp;',
      '![alt_text](javascript:alert(1))',
      '![alt_text](//x.org/a_b.png)',
      '[ref_a][ref_b]',
    ]) {
      expect(parseInline(source), source).toEqual([text(source)]);
    }
    expect(parseInline('end of paragraph ^block-id')).toEqual([text('end of paragraph ^block-id')]);
  });

  it('reads Obsidian highlights `==x==` as a format, with formats inside; other runs of = stay text', () => {
    const H = FORMAT_HIGHLIGHT;
    expect(parseInline('==a_b==')).toEqual([text('a_b', H)]);
    expect(parseInline('a ==b **c**== d')).toEqual([text('a '), text('b ', H), text('c', H | FORMAT_BOLD), text(' d')]);
    expect(parseInline('**==key==** term')).toEqual([text('key', H | FORMAT_BOLD), text(' term')]);
    expect(parseInline('x==y==z')).toEqual([text('x'), text('y', H), text('z')]);
    for (const source of ['x == y == z', '===x===', '==x', 'a = b', 'base64: dGVzdA==', '`==code==`', '\\==x==']) {
      expect(
        parseInline(source).some((node) => node.type === 'text' && (node.format & H) !== 0),
        source,
      ).toBe(false);
    }
  });

  it('reads line breaks: soft, two spaces, backslash', () => {
    expect(parseInline('a \nb  \nc\\\nd')).toEqual([
      text('a'),
      { type: 'break', marker: '' },
      text('b'),
      { type: 'break', marker: '  ' },
      text('c'),
      { type: 'break', marker: '\\' },
      text('d'),
    ]);
  });

  it('reports literal-looking text that was escaped', () => {
    expect(parseInlineContent('\\[\\[Not a link\\]\\] and [[Link]] and \\$x\\$')).toEqual({
      children: [text('[[Not a link]] and '), wiki('Link'), text(' and $x$')],
      escaped: ['$x$'],
    });
  });

  it('reads wiki links in all four forms, with their parts exactly as written', () => {
    expect(
      parseInline('See [[Cells]], [[Cells|the cell]], [[Cells#Mitosis]] and [[ Cells # Mitosis | split ]].'),
    ).toEqual([
      text('See '),
      wiki('Cells'),
      text(', '),
      wiki('Cells', null, 'the cell'),
      text(', '),
      wiki('Cells', 'Mitosis'),
      text(' and '),
      wiki(' Cells ', ' Mitosis ', ' split '),
      text('.'),
    ]);
    expect(parseInline('[[#Origin]] and [[a_b*c*]]')).toEqual([wiki('', 'Origin'), text(' and '), wiki('a_b*c*')]);
    expect(parseInline('**[[Bold]]** *[[A|b]]*')).toEqual([
      wiki('Bold', null, null, FORMAT_BOLD),
      text(' '),
      wiki('A', null, 'b', FORMAT_ITALIC),
    ]);
    expect(parseInline('[[Cells\\|the cell]]')).toEqual([{ ...wiki('Cells', null, 'the cell'), escapedPipe: true }]);
  });

  it('finds no wiki link where the link index finds none', () => {
    // Code, escapes, embeds, blank targets: text (code spans as code).
    expect(parseInline('`[[Code]]`')).toEqual([text('[[Code]]', FORMAT_CODE)]);
    expect(parseInline('[[a `b]]` c')).toEqual([text('[[a '), text('b]]', FORMAT_CODE), text(' c')]);
    expect(parseInline('\\[[Escaped]]')).toEqual([text('[[Escaped]]')]);
    expect(parseInline('![[Note#Part]] ![[Note]]')).toEqual([text('![[Note#Part]] ![[Note]]')]);
    // Attachments and web images are media nodes that keep their source.
    expect(parseInline('![[Embed.pdf]]')).toMatchObject([{ type: 'wikilink', target: 'Embed.pdf', image: true }]);
    expect(parseInline('![a_b](https://x.org/a_b.png)')).toMatchObject([
      { type: 'wikilink', target: 'https://x.org/a_b.png', label: 'a_b', image: true },
    ]);
    expect(parseInline('[[ ]] [[|x]] [[#]]')).toEqual([text('[[ ]] [[|x]] [[#]]')]);
    expect(parseInline('[[a\nb]]')).toEqual([text('[[a'), { type: 'break', marker: '' }, text('b]]')]);
    // An escaped `!` is not an embed; the innermost brackets open the link.
    expect(parseInline('\\![[Cells]] [[a [[b]]')).toEqual([text('!'), wiki('Cells'), text(' [[a '), wiki('b')]);
    // Inside the text of a Markdown link, a wiki link is text.
    expect(parseInline('[see [[X]]](https://x.org)')).toEqual([
      { type: 'link', url: 'https://x.org', title: null, autolink: false, children: [text('see [[X]]')] },
    ]);
  });
});
