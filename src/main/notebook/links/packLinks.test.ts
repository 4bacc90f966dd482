import type { EntrySummary } from '@shared/domain/glossary';
import { describe, expect, it } from 'vitest';
import { linkRecordOf } from './linkRecord';
import { LinkIndex } from './LinkIndex';

const PACKS: Record<string, string> = { finance: 'Finance Words', geo: 'Geography' };
const ENTRIES: EntrySummary[] = [
  { id: 'finance--bank', title: 'Bank', aliases: [], packId: 'finance' },
  { id: 'geo--bank', title: 'bank', aliases: [], packId: 'geo' },
  { id: 'geo--delta', title: 'Delta', aliases: [], packId: 'geo' },
];

function indexWith(notes: Record<string, string> = {}): LinkIndex {
  const index = new LinkIndex();
  index.setEntries(ENTRIES, (packId) => PACKS[packId]);
  for (const [path, text] of Object.entries(notes)) {
    index.put({ path, aliases: [], version: 'v', modified: '2024-01-01T00:00:00.000Z' }, linkRecordOf(path, text));
  }
  return index;
}

describe('[[Pack name/Title]]', () => {
  it('reaches the entry of that pack among entries sharing a title', () => {
    const index = indexWith();
    expect(index.resolve('Geography/Bank', null)).toEqual({ kind: 'entry', id: 'geo--bank' });
    expect(index.resolve('finance  words/BANK', null)).toEqual({ kind: 'entry', id: 'finance--bank' });
    expect(index.resolve('Geography/Nothing', null)).toBeNull();
  });

  it('leaves a plain [[Title]] to the first entry as the glossary lists them (title, then id)', () => {
    expect(indexWith().resolve('bank', null)).toEqual({ kind: 'entry', id: 'finance--bank' });
  });

  it('lets a note at that path win, as notes beat entries', () => {
    const index = indexWith({ 'Geography/Bank.md': '' });
    expect(index.resolve('Geography/Bank', null)).toEqual({ kind: 'note', path: 'Geography/Bank.md' });
  });

  it('is the spelling written for an ambiguous title; a unique title stays plain', () => {
    const index = indexWith();
    expect(index.spellingFor({ kind: 'entry', id: 'geo--bank' }, null)).toBe('Geography/bank');
    expect(index.spellingFor({ kind: 'entry', id: 'finance--bank' }, null)).toBe('Finance Words/Bank');
    expect(index.spellingFor({ kind: 'entry', id: 'geo--delta' }, null)).toBe('Delta');
  });
});
