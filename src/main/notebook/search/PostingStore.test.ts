import fc from 'fast-check';
import { describe, it } from 'vitest';
import { parseQuery } from '@shared/search/parseQuery';
import { FullTextIndex, type IndexDoc } from './FullTextIndex';
import { allDocs, expectSameResults, QUERIES } from './testing/indexTestDocs';

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
});
