import { describe, expect, it } from 'vitest';
import { ENTRY_ID_PATTERN } from '@shared/domain/glossary';
import { assignEntryIds } from './assignEntryIds';
import type { DraftEntry } from './DraftEntry';

const draft = (title: string, definition = `${title} means something.`): DraftEntry => ({
  title,
  aliases: [],
  definition,
  sections: [],
  tags: [],
  source: 'x.tsv',
  editorialTitle: false,
});

describe('assignEntryIds', () => {
  it('gives each entry its own id, numbering entries that share a title', () => {
    const { entries } = assignEntryIds(
      [draft('Bank', 'A river side.'), draft('bank', 'A money house.'), draft('Bank 2'), draft('BANK', 'A tilt.')],
      'dict',
    );
    expect(entries.map((e) => e.id)).toEqual(['dict--bank', 'dict--bank-2', 'dict--bank-2-2', 'dict--bank-3']);
    expect(new Set(entries.map((e) => e.id)).size).toBe(4);
    for (const entry of entries) expect(entry.id).toMatch(ENTRY_ID_PATTERN);
  });

  it('uses bare slugs without a prefix (the shipped glossary’s ids) and names titles without Latin letters', () => {
    const { entries } = assignEntryIds([draft('GABA Glutamate Ratio'), draft('銀行'), draft('銀行')], '');
    expect(entries.map((e) => e.id)).toEqual(['gaba-glutamate-ratio', 'entry', 'entry-2']);
  });

  it('keeps a long title’s id short enough for the API', () => {
    const { entries } = assignEntryIds([draft('word '.repeat(100))], 'a-pack-with-a-rather-long-id-of-forty-ch');
    expect(entries[0]!.id.length).toBeLessThanOrEqual(150);
    expect(entries[0]!.id).toMatch(ENTRY_ID_PATTERN);
  });

  it('keeps ids across a re-import while the term is unchanged, senses matched by definition first', () => {
    const first = assignEntryIds(
      [draft('Bank', 'A river side.'), draft('Bank', 'A money house.'), draft('Cell'), draft('Gone')],
      'dict',
    ).entries;
    // The senses of "bank" swapped places, "Cell" is spelled in capitals, "Gone" went, "New" came.
    const second = assignEntryIds(
      [draft('bank', 'A money house.'), draft('Bank', 'A river side.'), draft('CELL', 'Changed text.'), draft('New')],
      'dict',
      first,
    );
    const idOf = (title: string, definition?: string) =>
      first.find((e) => e.title === title && (definition === undefined || e.definition === definition))!.id;
    expect(second.entries.map((e) => e.id)).toEqual([
      idOf('Bank', 'A money house.'),
      idOf('Bank', 'A river side.'),
      idOf('Cell'),
      'dict--new',
    ]);
    expect(second.kept).toBe(3);
  });

  it('never hands the id of an entry that is gone to another term', () => {
    const first = assignEntryIds([draft('Bank'), draft('Bank 2')], 'dict').entries;
    expect(first.map((e) => e.id)).toEqual(['dict--bank', 'dict--bank-2']);
    const second = assignEntryIds([draft('Bank'), draft('bank', 'another sense')], 'dict', first).entries;
    expect(second.map((e) => e.id)).toEqual(['dict--bank', 'dict--bank-3']);
  });

  it('is deterministic', () => {
    const drafts = Array.from({ length: 50 }, (_, i) => draft(['a', 'b', 'c'][i % 3]!, `sense ${i}`));
    expect(assignEntryIds(drafts, 'p').entries).toEqual(assignEntryIds(drafts, 'p').entries);
  });
});
