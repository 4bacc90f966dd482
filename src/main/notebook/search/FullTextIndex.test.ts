import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { maxEdits, parseQuery } from '@shared/search/parseQuery';
import { termsOf } from '@shared/search/tokenize';
import { DEFAULT_BOOSTS, FIELDS, FullTextIndex } from './FullTextIndex';
import { allDocs, doc, find, findStrict, keys } from './testing/indexTestDocs';

describe('FullTextIndex scoring', () => {
  it("scores exactly like MiniSearch's own search (BM25+, prefix and typo weights, field boosts)", async () => {
    const docs = await allDocs();
    const index = new FullTextIndex({ bodyPrefixMinLength: 0 });
    for (const d of docs) index.add(d);
    const reference = new MiniSearch<Record<string, string>>({
      idField: 'key',
      fields: [...FIELDS],
      tokenize: (text) => termsOf(text),
      processTerm: (term) => term,
    });
    reference.addAll(docs.map((d) => ({ key: d.key, ...d.fields })));
    const cases: Array<{ query: string; prefix: boolean; words: number }> = [
      { query: 'glutamate ', prefix: false, words: 1 },
      { query: 'serotonin ', prefix: false, words: 1 },
      { query: 'recep', prefix: true, words: 1 },
      { query: 'neuroplastcity ', prefix: false, words: 1 },
      { query: 'dopamine receptors ', prefix: false, words: 2 },
      { query: 'balance neuro', prefix: true, words: 2 },
    ];
    for (const { query, prefix, words } of cases) {
      const ours = index.search(parseQuery(query), { limit: 1000, forgiving: false });
      const theirs = reference.search(query.trim(), {
        boost: { ...DEFAULT_BOOSTS },
        combineWith: 'AND',
        prefix: (_term, i, terms) => prefix && i === terms.length - 1,
        fuzzy: (term) => maxEdits(term) || false,
      });
      expect(ours.total, query).toBe(theirs.length);
      const expected = new Map(theirs.map((r) => [r.id as string, r.score / words]));
      for (const hit of ours.hits) {
        expect(hit.score, `${query} ${hit.key}`).toBeCloseTo(expected.get(hit.key)!, 9);
      }
    }
  });

  it('weighs titles and aliases over headings, and headings over body text', () => {
    const index = new FullTextIndex();
    index.add(doc('n:body', { title: 'One', body: 'Notes about the cortex and other parts of the brain.' }));
    index.add(doc('n:heading', { title: 'Two', headings: 'The cortex', body: 'Notes about parts of the brain.' }));
    index.add(doc('n:alias', { title: 'Three', aliases: 'Cortex', body: 'Notes about parts of the brain.' }));
    index.add(doc('n:title', { title: 'Cortex', body: 'Notes about parts of the brain.' }));
    expect(keys(find(index, 'cortex '))).toEqual(['n:title', 'n:alias', 'n:heading', 'n:body']);
  });

  it('ranks exact and prefix matches before typo matches, whatever the field', () => {
    const index = new FullTextIndex();
    index.add(doc('n:typo-in-title', { title: 'Glutamine' }));
    index.add(
      doc('n:exact-in-body', { title: 'Amino acids', body: 'Some words, then glutamate once, among many others.' }),
    );
    expect(keys(find(index, 'glutamate '))).toEqual(['n:exact-in-body', 'n:typo-in-title']);
    expect(keys(find(index, 'glutamte '))).toEqual(['n:exact-in-body', 'n:typo-in-title']);
  });

  it('matches the word being typed as a prefix, in the body only from three letters', () => {
    const index = new FullTextIndex();
    index.add(doc('n:a', { title: 'Neurons', body: 'plain text' }));
    index.add(doc('n:b', { title: 'Other', body: 'about neurons here' }));
    expect(keys(find(index, 'ne'))).toEqual(['n:a']);
    expect(keys(find(index, 'neu'))).toEqual(['n:a', 'n:b']);
    expect(keys(findStrict(index, 'neu '))).toEqual([]);
    // Forgiving (the default): a finished word matches as a prefix too, below whole words.
    expect(keys(find(index, 'neu '))).toEqual(['n:a', 'n:b']);
    index.add(doc('n:c', { title: 'Neu', body: 'plain text' }));
    expect(keys(find(index, 'neu '))[0]).toBe('n:c');
  });

  it('forgives word forms and swapped letters, ranking exact forms and whole words first', () => {
    const index = new FullTextIndex();
    index.add(doc('n:exact', { title: 'A', body: 'vesicles releasing transmitters' }));
    index.add(doc('n:stem', { title: 'B', body: 'vesicles release transmitters' }));
    index.add(doc('n:other', { title: 'C', body: 'vesicles hold transmitters' }));
    expect(keys(find(index, 'releasing '))).toEqual(['n:exact', 'n:stem']);
    expect(keys(findStrict(index, 'releasing '))).toEqual(['n:exact']);
    // An adjacent swap is one typo ("maening"), so a 6-7 letter word still matches.
    index.add(doc('n:meaning', { title: 'D', body: 'the meaning of words' }));
    expect(keys(find(index, 'maening '))).toEqual(['n:meaning']);
    expect(keys(findStrict(index, 'maening '))).toEqual([]);
    // Numbers and other scripts are not stemmed: they match themselves only.
    index.add(doc('n:year', { title: 'E', body: 'in 2019 東京 we met' }));
    expect(keys(find(index, '2019 '))).toEqual(['n:year']);
    expect(keys(find(index, '2018 '))).toEqual([]);
    expect(keys(find(index, '東京 '))).toEqual(['n:year']);
  });

  it('ranks documents with every word first, then those with the rarest of them, and says what is missing', () => {
    const index = new FullTextIndex();
    index.add(doc('n:both', { title: 'A', body: 'synapse cortex' }));
    index.add(doc('n:rare', { title: 'B', body: 'synapse words' }));
    for (let i = 0; i < 5; i++) index.add(doc(`n:common${i}`, { title: `C${i}`, body: 'cortex words' }));
    const result = find(index, 'synapse cortex zzzzzz ');
    expect(keys(result).slice(0, 2)).toEqual(['n:both', 'n:rare']);
    expect(result.hits[0]!.missing).toEqual([2]);
    expect(result.hits[1]!.missing).toEqual([1, 2]);
    expect(result.total).toBe(7);
    expect(findStrict(index, 'synapse cortex zzzzzz ').total).toBe(0);
  });

  it('puts the document whose title or alias is exactly the query first', () => {
    const index = new FullTextIndex();
    index.add(doc('n:long', { title: 'Notes', body: 'action potential action potential action potential' }));
    index.add(doc('e:title', { title: 'Action Potential', body: 'a spike along the axon' }));
    index.add(doc('e:alias', { title: 'Spike', aliases: 'Nerve Impulse', body: 'nerve impulse nerve' }));
    index.add(doc('n:impulse', { title: 'Nerve impulse notes', body: 'nerve impulse nerve impulse nerve impulse' }));
    expect(keys(find(index, 'action potential '))[0]).toBe('e:title');
    expect(keys(find(index, 'nerve impulse'))[0]).toBe('e:alias');
  });

  it('finds compounds by the joined form, by the parts side by side, but not by parts apart', () => {
    const index = new FullTextIndex();
    index.add(doc('n:slash', { body: 'the GABA/glutamate ratio' }));
    index.add(doc('n:space', { body: 'the GABA glutamate ratio' }));
    index.add(doc('n:apart', { body: 'GABA is not the same as glutamate' }));
    expect(keys(find(index, 'GABA/glutamate ')).sort()).toEqual(['n:slash', 'n:space']);
    expect(keys(find(index, 'gabaglutamate ')).sort()).toEqual(['n:slash']);
    expect(keys(find(index, 'gaba glutamate ')).sort()).toEqual(['n:apart', 'n:slash', 'n:space']);
  });

  it('keeps phrases whose words are adjacent and in order', () => {
    const index = new FullTextIndex();
    index.add(doc('n:yes', { body: 'an inverse agonist lowers activity' }));
    index.add(doc('n:reversed', { body: 'an agonist, not an inverse one' }));
    index.add(doc('n:prefix', { body: 'an inverse agonism' }));
    expect(keys(find(index, '"inverse agonist"'))).toEqual(['n:yes']);
    expect(keys(find(index, '"inverse agon')).sort()).toEqual(['n:prefix', 'n:yes']);
  });

  it('combines OR, exclusions, scope and tag filters', () => {
    const index = new FullTextIndex();
    index.add(doc('e:entry', { title: 'Dopamine entry', body: 'dopamine' }));
    index.add(doc('n:da', { title: 'Dopamine note', body: 'dopamine reward' }, { tags: ['neuro/chem'] }));
    index.add(doc('n:5ht', { title: 'Serotonin note', body: 'serotonin reward mood' }, { tags: ['neuro'] }));
    index.add(doc('n:other', { title: 'Other', body: 'reward learning' }, { tags: ['psych'] }));
    expect(keys(findStrict(index, 'dopamine OR serotonin reward ')).sort()).toEqual(['n:5ht', 'n:da']);
    // Forgiving: the documents with every word first, then those missing one.
    const partial = find(index, 'dopamine OR serotonin reward ');
    expect(keys(partial).slice(0, 2).sort()).toEqual(['n:5ht', 'n:da']);
    expect(partial.hits.slice(0, 2).every((hit) => hit.missing === undefined)).toBe(true);
    expect(partial.hits.find((hit) => hit.key === 'e:entry')?.missing).toEqual([1]);
    expect(partial.hits.find((hit) => hit.key === 'n:other')?.missing).toEqual([0]);
    expect(keys(find(index, 'reward -serotonin ')).sort()).toEqual(['n:da', 'n:other']);
    expect(keys(find(index, 'dopamine in:glossary'))).toEqual(['e:entry']);
    expect(keys(index.search(parseQuery('dopamine '), { scope: 'notes' }))).toEqual(['n:da']);
    expect(keys(index.search(parseQuery('dopamine in:glossary'), { scope: 'notes' }))).toEqual([]);
    expect(keys(findStrict(index, 'reward tag:neuro ')).sort()).toEqual(['n:5ht', 'n:da']);
    expect(keys(find(index, 'reward -tag:neuro/chem ')).sort()).toEqual(['n:5ht', 'n:other']);
    expect(keys(find(index, 'tag:ps'))).toEqual(['n:other']);
    // Filters alone list the documents they keep, by title.
    expect(keys(find(index, 'tag:neuro '))).toEqual(['n:da', 'n:5ht']);
    expect(find(index, '-reward').total).toBe(0);
  });

  it('updates in place: a replaced or removed document is no longer found, also after a vacuum', () => {
    const index = new FullTextIndex();
    index.add(doc('n:a', { body: 'alpha beta' }));
    index.add(doc('n:b', { body: 'beta gamma' }));
    index.add(doc('n:a', { body: 'gamma delta' }));
    expect(keys(find(index, 'alpha '))).toEqual([]);
    expect(keys(find(index, 'gamma ')).sort()).toEqual(['n:a', 'n:b']);
    expect(index.remove('n:b')).toBe(true);
    expect(index.remove('n:b')).toBe(false);
    expect(keys(find(index, 'beta '))).toEqual([]);
    const before = find(index, 'gamma ');
    index.vacuum();
    expect(index.deadCount).toBe(0);
    expect(find(index, 'gamma ')).toEqual(before);
    expect(index.size).toBe(1);
  });

  it('never throws, whatever the query (property)', async () => {
    const index = new FullTextIndex();
    for (const d of await allDocs()) index.add(d);
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.constantFrom('all', 'glossary', 'notes'), (query, scope) => {
        const result = index.search(parseQuery(query), { scope: scope as 'all', limit: 5 });
        expect(result.hits.length).toBeLessThanOrEqual(5);
        expect(result.total).toBeGreaterThanOrEqual(result.hits.length);
      }),
      { numRuns: 500 },
    );
  });
});
