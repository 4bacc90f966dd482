import { describe, expect, it } from 'vitest';
import { folderOfPath, notePathFor, notePathProblem, sanitizeTitle, titleOfPath } from './notePath';

describe('notePathProblem', () => {
  it.each(['Cells.md', 'Bio/Cells.md', 'Bio/Deep/Cell membrane (2).MD', 'Ünïcödé/日本語.md', 'a..b.md'])(
    'accepts %s',
    (path) => {
      expect(notePathProblem(path)).toBeNull();
    },
  );

  it.each([
    ['', /empty/],
    ['Cells', /ending in ".md"/],
    ['Cells.txt', /ending in ".md"/],
    ['gaba-glutamate-ratio', /ending in ".md"/],
    ['../x.md', /"\.\."/],
    ['a/../../x.md', /"\.\."/],
    ['./x.md', /"\."/],
    ['a//x.md', /empty/],
    ['/etc/passwd.md', /absolute/],
    ['C:\\x.md', /absolute/],
    ['C:x.md', /absolute/],
    ['a\\..\\x.md', /\\/],
    ['.obsidian/x.md', /hidden/],
    ['.trash/x.md', /hidden/],
    ['a/.x.md', /hidden/],
    ['CON.md', /reserved/],
    ['a/nul.md', /reserved/],
    ['LPT1.md', /reserved/],
    ['a\u0000b.md', /control/],
    ['a\nb.md', /control/],
    ['what?.md', /\?/],
    ['ab:c.md', /:/],
    ['folder./x.md', /dot or a space/],
    ['folder /x.md', /dot or a space/],
    [`${'x'.repeat(256)}.md`, /255/],
    [`${'x/'.repeat(600)}x.md`, /1024/],
  ])('refuses %j', (path, problem) => {
    expect(notePathProblem(path)).toMatch(problem);
  });
});

describe('titleOfPath, folderOfPath, notePathFor', () => {
  it('split and join paths', () => {
    expect(titleOfPath('Bio/Cells.md')).toBe('Cells');
    expect(titleOfPath('Cells.MD')).toBe('Cells');
    expect(folderOfPath('Bio/Deep/Cells.md')).toBe('Bio/Deep');
    expect(folderOfPath('Cells.md')).toBe('');
    expect(notePathFor('', 'Cells')).toBe('Cells.md');
    expect(notePathFor('Bio', 'Cells')).toBe('Bio/Cells.md');
  });
});

describe('sanitizeTitle', () => {
  it.each([
    ['Cells', 'Cells'],
    ['  Cell   membrane  ', 'Cell membrane'],
    ['What: is/a "cell"?', 'What is a cell'],
    ['a\\b*c<d>e|f', 'a b c d e f'],
    ['...hidden', 'hidden'],
    ['../../x', 'x'],
    ['. .hidden', 'hidden'],
    ['trailing dots...', 'trailing dots'],
    ['tab\there\nnewline', 'tab here newline'],
    ['CON', 'CON note'],
    ['nul.txt', 'nul note.txt'],
    ['CON.md', 'CON note.md'],
    ['e\u0301', '\u00e9'],
    ['', ''],
    ['   ', ''],
    ['...', ''],
    ['///', ''],
    ['\u0000', ''],
  ])('%j → %j', (input, expected) => {
    expect(sanitizeTitle(input)).toBe(expected);
  });

  it('shortens to 200 characters without splitting a character or leaving a trailing dot', () => {
    expect(sanitizeTitle('x'.repeat(10_000))).toHaveLength(200);
    const emoji = sanitizeTitle(`${'x'.repeat(199)}🧫🧫`);
    expect(emoji).toBe('x'.repeat(199));
    expect(sanitizeTitle(`${'x'.repeat(198)}. y`)).toBe('x'.repeat(198));
  });

  it('always gives a title whose note path is acceptable', () => {
    const nasty = ['CON.md', 'a/../b', '..', 'x'.repeat(300), ' . ', 'aux', 'com1.txt', 'A:B', '🧫'.repeat(150)];
    for (const input of nasty) {
      const title = sanitizeTitle(input);
      if (title !== '') expect(notePathProblem(notePathFor('', title))).toBeNull();
    }
  });
});
