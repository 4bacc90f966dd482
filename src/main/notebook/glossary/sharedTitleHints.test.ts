import type { GlossaryEntry } from '@shared/domain/glossary';
import { describe, expect, it } from 'vitest';
import { firstWords, formatHint, sharedTitleHints } from './sharedTitleHints';

const entry = (id: string, title: string, definition: string, packId?: string): GlossaryEntry => ({
  id,
  title,
  aliases: [],
  source: 'test',
  editorialTitle: false,
  definition,
  sections: [],
  ...(packId ? { packId } : {}),
});

describe('sharedTitleHints', () => {
  it('tells apart entries sharing a title (folded) by pack and first words, and leaves the rest alone', () => {
    const hints = sharedTitleHints(
      [
        entry('a', 'Bank', 'A financial institution that accepts deposits and lends money to people.', 'fin'),
        entry('b', 'bänk', 'The land alongside a river.', 'geo'),
        entry('c', 'Delta', 'A landform at the mouth of a river.', 'geo'),
      ],
      (id) => ({ fin: 'Finance', geo: 'Geography' })[id],
    );
    expect([...hints.keys()]).toEqual(['a', 'b']);
    expect(formatHint(hints.get('a'))).toBe('Finance · A financial institution that accepts deposits and…');
    expect(formatHint(hints.get('b'))).toBe('Geography · The land alongside a river.');
    expect(formatHint(hints.get('c'))).toBe('');
  });

  it('cuts at a word count', () => {
    expect(firstWords('  one two\nthree  ', 2)).toBe('one two…');
    expect(firstWords('one two', 2)).toBe('one two');
  });
});
