import type { GlossaryEntry } from '@shared/domain/glossary';
import { describe, expect, it } from 'vitest';
import { checkUniqueNames } from './checkUniqueNames';
import { GlossaryImportError } from './GlossaryImportError';

function entry(source: string, title: string, id: string, aliases: string[] = []): GlossaryEntry {
  return { id, title, aliases, source, editorialTitle: false, definition: 'Text.', sections: [] };
}

function messageOf(entries: GlossaryEntry[]): string {
  try {
    checkUniqueNames(entries);
  } catch (error) {
    expect(error).toBeInstanceOf(GlossaryImportError);
    return (error as Error).message;
  }
  throw new Error('checkUniqueNames accepted the entries');
}

describe('checkUniqueNames', () => {
  it('accepts distinct titles, aliases and ids', () => {
    expect(() =>
      checkUniqueNames([entry('a.txt', 'Alpha', 'alpha', ['A ratio']), entry('b.txt', 'Beta', 'beta', ['B ratio'])]),
    ).not.toThrow();
  });

  it('rejects two sources with the same title, ignoring case, naming both files', () => {
    expect(messageOf([entry('a.txt', 'GABA Ratio', 'gaba-ratio'), entry('b.txt', 'gaba ratio', 'gaba-ratio')])).toBe(
      'b.txt: its title "gaba ratio" is also the title "GABA Ratio" of a.txt; change a title or alias in manifest.json',
    );
  });

  it('rejects two titles that give the same id', () => {
    expect(messageOf([entry('a.txt', 'GABA Ratio', 'gaba-ratio'), entry('b.txt', 'GABA-Ratio', 'gaba-ratio')])).toBe(
      'b.txt: its title "GABA-Ratio" gives the id "gaba-ratio", which a.txt already has; change a title or alias in manifest.json',
    );
  });

  it('rejects an alias that is another entry’s title or alias', () => {
    expect(messageOf([entry('a.txt', 'Alpha', 'alpha'), entry('b.txt', 'Beta', 'beta', ['alpha'])])).toMatch(
      /^b\.txt: its alias "alpha" is also the title "Alpha" of a\.txt/,
    );
    expect(
      messageOf([entry('a.txt', 'Alpha', 'alpha', ['The  Ratio']), entry('b.txt', 'the ratio', 'the-ratio')]),
    ).toMatch(/^b\.txt: its title "the ratio" is also the alias "The {2}Ratio" of a\.txt/);
  });
});
