import { describe, expect, it } from 'vitest';
import { isIgnoredName, isNoteFileName } from './isIgnoredName';

describe('isNoteFileName', () => {
  it.each(['Cells.md', 'Cells.MD', 'a.Md', 'What is it.md'])('accepts %s', (name) => {
    expect(isNoteFileName(name)).toBe(true);
  });

  it.each([
    '.md',
    '.Cells.md',
    '.Cells.md.1a2b.tmp',
    '.#Cells.md',
    'Cells.md~',
    'Cells.md.tmp',
    '~syncthing~Cells.md.tmp',
    'Cells.markdown',
    'Cells.txt',
    'node_modules',
  ])('refuses %s', (name) => {
    expect(isNoteFileName(name)).toBe(false);
  });

  it('ignores hidden entries and node_modules', () => {
    expect(isIgnoredName('.obsidian')).toBe(true);
    expect(isIgnoredName('.trash')).toBe(true);
    expect(isIgnoredName('node_modules')).toBe(true);
    expect(isIgnoredName('Biology')).toBe(false);
  });
});
