import { describe, expect, it } from 'vitest';
import { analyzeNote, textSourceOf } from './analyzeNote';
import { plainTextOf } from './blockText';
import { blockAt } from './noteModel';
import { notePreview as previewOf } from './notePreview';

const segmentNote = analyzeNote;
const notePreview = (text: string, maxChars: number) => previewOf(analyzeNote(text), maxChars);

function plainAt(text: string, needle: string) {
  const start = text.indexOf(needle);
  const model = analyzeNote(text);
  const unit = blockAt(model, start)!;
  const plain = plainTextOf(textSourceOf(model), unit, [[start, start + needle.length]]);
  return {
    kind: unit.kind,
    path: unit.headingPath,
    text: plain.text,
    mark: plain.ranges[0] && plain.text.slice(...plain.ranges[0]),
  };
}

describe('analyzeNote blocks and plainTextOf', () => {
  it('cuts lists into items (not their nested items) and strips markers', () => {
    const text = '# Top\n\n- [ ] first *task* [[A|x]]\n  continued\n  - nested\n1. numbered';
    expect(plainAt(text, '[[A|x]]')).toEqual({
      kind: 'listItem',
      path: ['Top'],
      text: 'first task x continued',
      mark: 'x',
    });
    expect(plainAt(text, 'nested')).toMatchObject({ text: 'nested' });
    expect(plainAt(text, 'numbered')).toMatchObject({ text: 'numbered' });
  });

  it('strips inline markup and keeps what a reader sees', () => {
    const text =
      'A **bold** _it_ snake_case `co de` [md](http://x) ![alt](i.png) <https://a.b> <span>t</span> \\*x\\* ==hi== ~~no~~ [^1] [[T#H]]';
    expect(plainAt(text, '[[T#H]]')).toMatchObject({
      text: 'A bold it snake_case co de md alt https://a.b t *x* hi no T > H',
      mark: 'T > H',
    });
  });

  it('keeps footnote text searchable: a definition without its label, continuation lines, inline footnotes', () => {
    const text =
      'Cells pump[^kandel] ions. ^[An inline saltatory note.]\n\n[^kandel]: Kandel, *Principles*.\n  Second myelination line.\n';
    expect(plainAt(text, 'Principles')).toMatchObject({
      kind: 'footnote',
      text: 'Kandel, Principles. Second myelination line.',
      mark: 'Principles',
    });
    expect(plainAt(text, 'myelination')).toMatchObject({ kind: 'footnote', mark: 'myelination' });
    expect(plainAt(text, 'saltatory')).toMatchObject({ kind: 'paragraph', mark: 'saltatory' });
    expect(plainAt(text, 'saltatory').text).toContain('An inline saltatory note.');
    expect(plainAt(text, 'ions').text).toBe('Cells pump ions. ^[An inline saltatory note.]');
  });

  it('drops only delimiters that pair: a lone run is text, as it shows in a reader', () => {
    const cases: Array<[string, string]> = [
      ['call window.__canary=1 now', 'call window.__canary=1 now'],
      ['**bold** and __x', 'bold and __x'],
      ['2 * 3 * 4 and a * star', '2 * 3 * 4 and a * star'],
      ['a_b_c and _it_', 'a_b_c and it'],
      ['price ~ 5 and ~~gone~~ and ==lit', 'price ~ 5 and gone and ==lit'],
      ['*open (not closed', '*open (not closed'],
      ['**a *b* c**', 'a b c'],
    ];
    for (const [source, shown] of cases) expect(plainAt(source, source.slice(0, 1)).text, source).toBe(shown);
  });

  it('reads quotes, callouts, headings and table rows', () => {
    const text =
      '## Sec ##\n\n> [!note] Title\n> quoted [[X]]\n\n| a | [[Y]] |\n|---|---|\n| c | d |\n\nSetext\n===\n\nafter';
    expect(plainAt(text, '[[X]]')).toMatchObject({ kind: 'quote', path: ['Sec'], text: 'Title quoted X' });
    expect(plainAt(text, '[[Y]]')).toMatchObject({ kind: 'tableRow', text: 'a | Y' });
    expect(plainAt(text, 'after')).toMatchObject({ path: ['Setext'] });
    expect(segmentNote(text).headings.map((h) => [h.text, h.level])).toEqual([
      ['Sec', 2],
      ['Setext', 1],
    ]);
  });

  it('keeps heading paths by level', () => {
    const text = '# A\n\n### C\n\n## B\n\ntext';
    expect(plainAt(text, 'text').path).toEqual(['A', 'B']);
  });
});

describe('notePreview', () => {
  it('takes the first paragraph, skipping front matter, headings and code', () => {
    const text =
      '---\ntags: [x]\n---\n# Title\n\n```\ncode\n```\n\nSetext\n---\n\nThe *first* paragraph\ngoes on.\n\nSecond.';
    expect(notePreview(text, 120)).toBe('The first paragraph goes on.');
    expect(notePreview(text, 15)).toBe('The first…');
    expect(notePreview('# Only a heading', 120)).toBe('');
  });
});
