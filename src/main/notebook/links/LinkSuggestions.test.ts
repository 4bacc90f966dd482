import type { GlossaryEntry } from '@shared/domain/glossary';
import { describe, expect, it } from 'vitest';
import type { VaultStore } from '../vault/VaultStore';
import { LinkIndex } from './LinkIndex';
import { LinkSuggestions } from './LinkSuggestions';

/** Counts the entries whose body is looked up (for a preview). */
class CountingEntries extends Map<string, GlossaryEntry> {
  lookups = 0;
  override get(id: string) {
    this.lookups++;
    return super.get(id);
  }
}

function setup(count: number, limits: { fullScanLimit?: number; looseCap?: number } = {}) {
  const entries = new CountingEntries();
  for (let n = 0; n < count; n++) {
    const id = `entry-${n}`;
    entries.set(id, {
      id,
      title: `Term ${n}`,
      aliases: n % 2 ? [`Alias ${n}`] : [],
      source: 'test',
      editorialTitle: false,
      definition: `Definition number ${n}. It goes on.`,
      sections: [],
    });
  }
  const index = new LinkIndex();
  index.setEntries([...entries.values()]);
  const store = { listNotes: () => [] } as unknown as VaultStore;
  return { entries, suggestions: new LinkSuggestions({ index: () => index, store, entries, ...limits }) };
}

describe('LinkSuggestions', () => {
  it('makes previews only for the rows it returns', () => {
    const { entries, suggestions } = setup(2000);
    const found = suggestions.suggest('term 1', 5);
    expect(found).toHaveLength(5);
    expect(found[0]).toMatchObject({ title: 'Term 1', preview: 'Definition number 1. It goes on.' });
    expect(entries.lookups).toBe(5);
    entries.lookups = 0;
    expect(suggestions.suggest('', 4)).toHaveLength(4);
    expect(entries.lookups).toBe(4);
  });

  it('answers the same for the same query, from its kept candidates', () => {
    const { suggestions } = setup(50);
    const first = suggestions.suggest('alias 3', 3);
    expect(first.map((s) => [s.title, s.matchedAlias])).toEqual(
      suggestions.suggest('alias 3', 3).map((s) => [s.title, s.matchedAlias]),
    );
    expect(first[0]).toMatchObject({ title: 'Term 3', matchedAlias: 'Alias 3' });
  });

  it('answers from a name index like the full ranking, above the full-scan size', () => {
    const full = setup(3000).suggestions;
    const indexed = setup(3000, { fullScanLimit: 0, looseCap: 100_000 }).suggestions;
    const bounded = setup(3000, { fullScanLimit: 0, looseCap: 5 }).suggestions;
    const rows = (suggestions: LinkSuggestions, query: string) =>
      suggestions.suggest(query, 8).map((s) => [s.title, s.matchedAlias, s.insert]);
    for (const query of ['term 1', 'TERM 29', 'alias 7', 't', '12', 'erm 4', 'trm5', 'nothing']) {
      expect(rows(indexed, query), query).toEqual(rows(full, query));
    }
    // Word-prefix matches are all there when the looser pass is bounded.
    expect(rows(bounded, 'term 29')).toEqual(rows(full, 'term 29'));
  });
});
