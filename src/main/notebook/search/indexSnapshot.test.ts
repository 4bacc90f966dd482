import { describe, expect, it } from 'vitest';
import { parseQuery } from '@shared/search/parseQuery';
import { ByteReader, ByteWriter } from './bytes';
import { FullTextIndex } from './FullTextIndex';
import { allDocs, expectSameResults, find, QUERIES } from './testing/indexTestDocs';

describe('FullTextIndex updates', () => {
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
