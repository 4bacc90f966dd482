import fc from 'fast-check';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseQuery } from '@shared/search/parseQuery';
import { decodeIndexCache, encodeIndexCache } from './indexCache';
import { FullTextIndex } from './FullTextIndex';
import { noteToIndexDoc } from './indexDocs';

/** A valid cache of a few notes, split into its header and payload. */
function validCache(): { header: Uint8Array; payload: Uint8Array } {
  const index = new FullTextIndex();
  index.add(noteToIndexDoc({ path: 'A.md', version: 'va', aliases: ['Alpha'], tags: ['x'] }, '# A\n\nDopamine. #tag'));
  index.add(noteToIndexDoc({ path: 'B/C.md', version: 'vc', aliases: [], tags: [] }, 'Serotonin and dopamine.'));
  index.add(noteToIndexDoc({ path: 'D.md', version: 'vd', aliases: [], tags: [] }, 'Glutamate glutamine GABA.'));
  const bytes = encodeIndexCache(index, () => true);
  const keyLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(12, true);
  const headerLength = 8 + 4 + 4 + keyLength + 4 + 4;
  return { header: bytes.slice(0, headerLength), payload: bytes.slice(headerLength) };
}

/** A cache file with this payload and a header that matches it (length and CRC-32 right). */
function withPayload(header: Uint8Array, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(header.length + payload.length);
  out.set(header);
  out.set(payload, header.length);
  const view = new DataView(out.buffer);
  view.setUint32(header.length - 8, payload.length, true);
  view.setUint32(header.length - 4, crc32(payload), true);
  return out;
}

describe('indexCache given a damaged payload whose checksum still matches', () => {
  // A checksum cannot tell a bug in an older writer, or a file someone edited, from a good
  // file: decoding must refuse such a payload itself, never throw or half-fill the index.
  it('reports it corrupt or reads it, never throws, and a read index still answers (property)', () => {
    const { header, payload } = validCache();
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 16 }) }),
      fc.record({
        kind: fc.constant('insert' as const),
        at: fc.nat(),
        bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
      }),
    );
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        const bytes = Array.from(payload);
        for (const e of edits) {
          const at = e.at % (bytes.length + 1);
          if (e.kind === 'set') bytes[Math.min(at, bytes.length - 1)] = e.value;
          else if (e.kind === 'cut') bytes.splice(at, e.length);
          else bytes.splice(at, 0, ...e.bytes);
        }
        const index = new FullTextIndex();
        const result = decodeIndexCache(withPayload(header, Uint8Array.from(bytes)), index, () => true);
        if ('problem' in result) {
          expect(result.problem).toBe('corrupt');
          expect(index.size).toBe(0);
        } else {
          expect(index.size).toBe(result.added);
          for (const query of ['dopamine', 'glut', 'alpha', '"and dopamine"', 'tag:tag', 'gaba -glutamate']) {
            index.search(parseQuery(query));
          }
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses a huge posting count instead of allocating it', () => {
    const { header } = validCache();
    // An empty document table, one term, then a posting count of 2^35.
    const payload = [0x02, ...Buffer.from('[]'), 0x01, ...Buffer.from('x'), 0x80, 0x80, 0x80, 0x80, 0x80, 0x01];
    const index = new FullTextIndex();
    expect(decodeIndexCache(withPayload(header, Uint8Array.from(payload)), index, () => true)).toEqual({
      problem: 'corrupt',
    });
  });

  it('refuses a document table that lists one document twice', () => {
    const { header } = validCache();
    const record = ['n:A.md', 1, 'A', '', 'va', [], [1, 0, 0, 0, 1]];
    const table = Buffer.from(JSON.stringify([record, record]));
    const payload = [table.length, ...table, 0x00, 0x00, 0x00];
    const index = new FullTextIndex();
    expect(decodeIndexCache(withPayload(header, Uint8Array.from(payload)), index, () => true)).toEqual({
      problem: 'corrupt',
    });
    expect(index.size).toBe(0);
  });
});
