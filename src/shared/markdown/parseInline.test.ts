import { describe, expect, it } from 'vitest';
import { FORMAT_BOLD, FORMAT_CODE, FORMAT_ITALIC, FORMAT_STRIKETHROUGH, type InlineNode } from './model';
import { parseInline, parseInlineContent } from './parseInline';

const text = (value: string, format = 0): InlineNode => ({ type: 'text', text: value, format });

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
      '[x](notes/a.md)',
      '[x](#anchor)',
      '<javascript:alert(1)>',
      '[x](https://x.org&copy;)',
    ]) {
      expect(parseInline(source), source).toEqual([text(source)]);
    }
  });

  it('keeps Obsidian and other unmodelled syntax literal, unparsed inside', () => {
    for (const source of [
      '[[Note|label]]',
      '![[image.png]]',
      '$x_1 * y_2$',
      '$$a_b$$',
      '%%a *b* c%%',
      '==a_b==',
      '#tag_with_underscores',
      '[^note_1]',
      'https://example.com/a_b_c',
      '<span class="a_b">',
      '&amp;',
      '![alt_text](a_b.png)',
      '[ref_a][ref_b]',
    ]) {
      expect(parseInline(source), source).toEqual([text(source)]);
    }
    expect(parseInline('end of paragraph ^block-id')).toEqual([text('end of paragraph ^block-id')]);
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
      children: [text('[[Not a link]] and [[Link]] and $x$')],
      escaped: ['[[Not a link]]', '$x$'],
    });
  });
});
