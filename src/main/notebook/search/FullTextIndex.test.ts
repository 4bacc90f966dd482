import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import type { GlossaryEntry } from '@shared/domain/glossary';
import { maxEdits, parseQuery } from '@shared/search/parseQuery';
import { termsOf } from '@shared/search/tokenize';
import { loadGlossary } from '../glossary/loadGlossary';
import { SHIPPED_GLOSSARY } from '../../testing/tempDirs';
import { ByteReader, ByteWriter } from './bytes';
import { DEFAULT_BOOSTS, FIELDS, FullTextIndex, type IndexDoc, type IndexSearchResult } from './FullTextIndex';
import { entryToIndexDoc, noteToIndexDoc } from './indexDocs';
import { FIXTURE_VAULT } from './testing/fixtureVault';

function fixtureDocs(): IndexDoc[] {
  const files = readdirSync(FIXTURE_VAULT, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
  return files.sort().map((file) => {
    const path = relative(FIXTURE_VAULT, join(FIXTURE_VAULT, file)).split('\\').join('/');
    return noteToIndexDoc(
      { path, version: 'v1', aliases: [], tags: [] },
      readFileSync(join(FIXTURE_VAULT, file), 'utf8'),
    );
  });
}

let glossary: GlossaryEntry[] | null = null;
async function allDocs(): Promise<IndexDoc[]> {
  glossary ??= await loadGlossary(SHIPPED_GLOSSARY);
  return [...glossary.map(entryToIndexDoc), ...fixtureDocs()];
}

function doc(key: string, fields: Partial<IndexDoc['fields']>, extra: Partial<IndexDoc> = {}): IndexDoc {
  return {
    key,
    kind: key.startsWith('e:') ? 'entry' : 'note',
    title: fields.title ?? key,
    folder: '',
    version: 'v',
    tags: [],
    fields: { title: '', aliases: '', headings: '', tags: '', body: '', ...fields },
    ...extra,
  };
}

const keys = (result: IndexSearchResult) => result.hits.map((hit) => hit.key);
const find = (index: FullTextIndex, query: string, limit = 50) => index.search(parseQuery(query), { limit });

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
      const ours = index.search(parseQuery(query), { limit: 1000 });
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
    expect(keys(find(index, 'neu '))).toEqual([]);
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
    expect(keys(find(index, 'dopamine OR serotonin reward ')).sort()).toEqual(['n:5ht', 'n:da']);
    expect(keys(find(index, 'reward -serotonin ')).sort()).toEqual(['n:da', 'n:other']);
    expect(keys(find(index, 'dopamine in:glossary'))).toEqual(['e:entry']);
    expect(keys(index.search(parseQuery('dopamine '), { scope: 'notes' }))).toEqual(['n:da']);
    expect(keys(index.search(parseQuery('dopamine in:glossary'), { scope: 'notes' }))).toEqual([]);
    expect(keys(find(index, 'reward tag:neuro ')).sort()).toEqual(['n:5ht', 'n:da']);
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

const QUERIES = [
  'glutamate ',
  'gluta',
  'receptor dopamine ',
  'neuroplastcity ',
  '"synaptic cleft"',
  'serotonin OR dopamine mood ',
  'balance -neurotransmitter ',
  'in:notes cell',
  'tag:neuro memory ',
  'GABA/glutamate ',
  'a',
  'the ',
];

/** Same hits with the same scores; order may differ only between hits whose scores differ by float noise. */
function expectSameResults(actual: IndexSearchResult, expected: IndexSearchResult, label: string): void {
  expect(actual.total, label).toBe(expected.total);
  expect(actual.hits.map((h) => h.key).sort(), label).toEqual(expected.hits.map((h) => h.key).sort());
  const scores = new Map(expected.hits.map((h) => [h.key, h.score]));
  for (const hit of actual.hits) expect(hit.score, `${label} ${hit.key}`).toBeCloseTo(scores.get(hit.key)!, 9);
  for (let i = 1; i < actual.hits.length; i++) {
    const a = actual.hits[i - 1]!;
    const b = actual.hits[i]!;
    if (Math.abs(a.score - b.score) > 1e-9) {
      const order = expected.hits.map((h) => h.key);
      if (order.indexOf(a.key) > order.indexOf(b.key) && Math.abs(scores.get(a.key)! - scores.get(b.key)!) > 1e-9) {
        throw new Error(`${label}: ${a.key} and ${b.key} are in another order than in a fresh build`);
      }
    }
  }
}

describe('FullTextIndex updates', () => {
  it('gives the same results after any sequence of adds, edits and removes as a fresh build (property)', async () => {
    const pool = await allDocs();
    const variants = pool.map((d, i) => ({
      ...d,
      fields: { ...d.fields, body: `${d.fields.body}\nedited ${i % 7} memory` },
    }));
    const op = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), doc: fc.nat(pool.length - 1), variant: fc.boolean() }),
      fc.record({ kind: fc.constant('remove' as const), doc: fc.nat(pool.length - 1) }),
      fc.record({ kind: fc.constant('vacuum' as const) }),
    );
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 80 }), (ops) => {
        const incremental = new FullTextIndex();
        const current = new Map<string, IndexDoc>();
        for (const o of ops) {
          if (o.kind === 'vacuum') {
            incremental.vacuum();
          } else if (o.kind === 'add') {
            const d = (o.variant ? variants : pool)[o.doc]!;
            incremental.add(d);
            current.delete(d.key);
            current.set(d.key, d);
          } else {
            const key = pool[o.doc]!.key;
            incremental.remove(key);
            current.delete(key);
          }
        }
        const fresh = new FullTextIndex();
        for (const d of [...current.values()].reverse()) fresh.add(d);
        for (const query of QUERIES) {
          const parsed = parseQuery(query);
          expectSameResults(incremental.search(parsed, { limit: 1000 }), fresh.search(parsed, { limit: 1000 }), query);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('round-trips through a snapshot, keeping only the documents asked for', async () => {
    const docs = await allDocs();
    const index = new FullTextIndex();
    for (const d of docs) index.add(d);
    index.remove(docs[7]!.key);
    const out = new ByteWriter();
    index.writeSnapshot(out, (d) => d.kind === 'note');
    const restored = new FullTextIndex();
    for (const d of docs.filter((x) => x.kind === 'entry')) restored.add(d);
    const added = restored.readSnapshot(new ByteReader(out.finish()), () => true);
    expect(added).toBe(docs.filter((d) => d.kind === 'note').length - 1);
    for (const query of QUERIES) {
      const parsed = parseQuery(query);
      expectSameResults(restored.search(parsed, { limit: 1000 }), index.search(parsed, { limit: 1000 }), query);
    }
    const partial = new FullTextIndex();
    partial.readSnapshot(new ByteReader(out.finish()), (d) => d.key.startsWith('n:Neuro/'));
    expect(partial.keys().every((k) => k.startsWith('n:Neuro/'))).toBe(true);
    expect(find(partial, 'krebs ').total).toBe(0);
  });
});
