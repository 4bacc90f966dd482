import { describe, expect, it } from 'vitest';
import { parseQuery } from '@shared/search/parseQuery';
import { CACHE_FORMAT_VERSION, decodeIndexCache, encodeIndexCache } from './indexCache';
import { FullTextIndex, type IndexDoc } from './FullTextIndex';
import { noteToIndexDoc } from './indexDocs';

const docs: IndexDoc[] = [
  noteToIndexDoc({ path: 'A.md', version: 'va', aliases: ['Alpha'], tags: ['x'] }, '# A\n\nThe dopamine note. #inline'),
  noteToIndexDoc({ path: 'Folder/B.md', version: 'vb', aliases: [], tags: [] }, 'Serotonin and dopamine.'),
];

function encoded(): Uint8Array {
  const index = new FullTextIndex();
  for (const d of docs) index.add(d);
  return encodeIndexCache(index, () => true);
}

describe('indexCache', () => {
  it('round-trips the documents the caller accepts', () => {
    const restored = new FullTextIndex();
    expect(decodeIndexCache(encoded(), restored, (d) => d.version === 'va')).toEqual({ added: 1 });
    expect(restored.get('n:A.md')).toEqual({
      key: 'n:A.md',
      kind: 'note',
      title: 'A',
      folder: '',
      version: 'va',
      tags: ['x', 'inline'],
      aliases: ['alpha'],
    });
    expect(restored.search(parseQuery('dopamine ')).hits.map((h) => h.key)).toEqual(['n:A.md']);
    expect(restored.search(parseQuery('alpha ')).total).toBe(1);
  });

  it('reports stale and corrupt files and leaves the index untouched', () => {
    const valid = encoded();
    const cases: Array<[string, Uint8Array, string]> = [
      ['garbage', new TextEncoder().encode('not an index, just text of some length'), 'corrupt'],
      ['empty', new Uint8Array(0), 'corrupt'],
      ['truncated', valid.subarray(0, valid.length - 5), 'corrupt'],
      ['no payload', valid.subarray(0, 30), 'corrupt'],
      ['flipped', valid.map((b, i) => (i === valid.length - 3 ? b ^ 1 : b)), 'corrupt'],
      ['newer format', valid.map((b, i) => (i === 8 ? CACHE_FORMAT_VERSION + 1 : b)), 'stale'],
    ];
    for (const [name, bytes, problem] of cases) {
      const index = new FullTextIndex();
      expect(
        decodeIndexCache(bytes, index, () => true),
        name,
      ).toEqual({ problem });
      expect(index.size, name).toBe(0);
    }
  });

  it('skips documents already in the index', () => {
    const index = new FullTextIndex();
    index.add(docs[0]!);
    expect(decodeIndexCache(encoded(), index, () => true)).toEqual({ added: 1 });
    expect(index.size).toBe(2);
  });
});
