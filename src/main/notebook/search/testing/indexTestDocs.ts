import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from 'vitest';
import type { GlossaryEntry } from '@shared/domain/glossary';
import { parseQuery } from '@shared/search/parseQuery';
import { shippedEntries } from '../../packs/testing/shippedEntries';
import type { FullTextIndex, IndexDoc, IndexSearchResult } from '../FullTextIndex';
import { entryToIndexDoc, noteToIndexDoc } from '../indexDocs';
import { FIXTURE_VAULT } from './fixtureVault';

/** Documents and checks shared by the full-text index's tests (FullTextIndex, PostingStore, indexSnapshot). */

export function fixtureDocs(): IndexDoc[] {
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
export async function allDocs(): Promise<IndexDoc[]> {
  glossary ??= await shippedEntries();
  return [...glossary.map(entryToIndexDoc), ...fixtureDocs()];
}

export function doc(key: string, fields: Partial<IndexDoc['fields']>, extra: Partial<IndexDoc> = {}): IndexDoc {
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

export const keys = (result: IndexSearchResult) => result.hits.map((hit) => hit.key);
export const find = (index: FullTextIndex, query: string, limit = 50) => index.search(parseQuery(query), { limit });
/** MiniSearch's rules exactly: every word required, only the word being typed a prefix (forgiving: false). */
export const findStrict = (index: FullTextIndex, query: string, limit = 50) =>
  index.search(parseQuery(query), { limit, forgiving: false });

export const QUERIES = [
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
export function expectSameResults(actual: IndexSearchResult, expected: IndexSearchResult, label: string): void {
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
