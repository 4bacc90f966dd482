import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuery } from '@shared/search/parseQuery';
import { termsOf } from '@shared/search/tokenize';
import { ByteReader, ByteWriter, CorruptDataError } from './bytes';
import { FullTextIndex, type IndexDoc } from './FullTextIndex';
import { PackSegment } from './PackSegment';
import { FIELD_COUNT, TF_MAX, TF_SCALE } from './PostingStore';
import { SortedTerms } from './SortedTerms';
import { prefixRangeOf, walkWithinDistance } from './TermTable';
import { allDocs, doc, expectSameResults, find, keys, QUERIES } from './testing/indexTestDocs';

/** The snapshot bytes of an index holding `docs` (as a pack's index cache holds them). */
function snapshotOf(docs: readonly IndexDoc[]): Uint8Array {
  const own = new FullTextIndex();
  for (const d of docs) own.add(d);
  const out = new ByteWriter();
  own.writeSnapshot(out, () => true);
  return out.finish();
}

/** Everything a segment holds, decoded; throws when a posting leaves the segment's documents. */
function decodeAll(segment: PackSegment): number {
  let postings = 0;
  for (let t = 0; t < segment.count; t++) {
    expect(segment.lengthAt(t)).toBeGreaterThan(0);
    for (const list of segment.listsAt(t)) {
      for (const posting of list ?? []) {
        const id = Math.floor(posting / TF_SCALE);
        if (id < segment.base || id >= segment.base + segment.docCount || posting % TF_SCALE > TF_MAX) {
          throw new Error(`posting ${posting} out of range`);
        }
        postings++;
      }
    }
  }
  return postings;
}

/**
 * The shipped glossary (5 entries) is small: the fixture notes, but the last 12, become
 * entries too (as a pack would hold them), and those 12 stay notes of the live index.
 */
async function packAndNotes(): Promise<{ docs: IndexDoc[]; entries: IndexDoc[]; notes: IndexDoc[] }> {
  const all = await allDocs();
  const cut = all.length - 12;
  const entries = all
    .slice(0, cut)
    .map((d): IndexDoc => (d.kind === 'entry' ? d : { ...d, key: `e:${d.key.slice(2)}`, kind: 'entry' }));
  const notes = all.slice(cut);
  return { docs: [...entries, ...notes], entries, notes };
}

const QUERIES_TOO = [...QUERIES, 'dopamin', 'releasing ', 'recptor ', 'action potential ', '"long term"', 'glu'];

describe('PackSegment', () => {
  it('answers exactly as the same entries added to the live index', async () => {
    const { docs, entries, notes } = await packAndNotes();
    const live = new FullTextIndex();
    for (const d of docs) live.add(d);
    const segmented = new FullTextIndex();
    expect(segmented.addSegment(new ByteReader(snapshotOf(entries)))).toBe(entries.length);
    for (const d of notes) segmented.add(d);
    expect(segmented.size).toBe(live.size);
    for (const query of QUERIES_TOO) {
      const parsed = parseQuery(query);
      for (const forgiving of [true, false]) {
        const label = `${query} (forgiving: ${forgiving})`;
        expectSameResults(
          segmented.search(parsed, { limit: 1000, forgiving }),
          live.search(parsed, { limit: 1000, forgiving }),
          label,
        );
      }
    }
  });

  it('keeps its documents numbered through removals and vacuums around it', async () => {
    const { docs, entries, notes } = await packAndNotes();
    const segmented = new FullTextIndex();
    // Notes before the segment (a change applied while the pack loads) and after it.
    for (const d of notes.slice(0, 6)) segmented.add(d);
    segmented.addSegment(new ByteReader(snapshotOf(entries)));
    for (const d of notes.slice(6)) segmented.add(d);
    const removed = notes.filter((_, i) => i % 3 === 0);
    for (const d of removed) segmented.remove(d.key);
    // An entry of the segment removed too: it stays dead through the vacuum.
    segmented.remove(entries[5]!.key);
    segmented.vacuum();
    const fresh = new FullTextIndex();
    for (const d of docs) if (!removed.includes(d) && d !== entries[5]) fresh.add(d);
    for (const query of QUERIES_TOO) {
      const parsed = parseQuery(query);
      expectSameResults(segmented.search(parsed, { limit: 1000 }), fresh.search(parsed, { limit: 1000 }), query);
    }
    // Added again, it is found again, once.
    segmented.add(entries[5]!);
    const title = entries[5]!.title;
    expect(keys(find(segmented, `${title} `)).filter((key) => key === entries[5]!.key)).toHaveLength(1);
  });

  it('leaves out documents the index has already', () => {
    const index = new FullTextIndex();
    index.add(doc('e:one', { title: 'Estuary', body: 'where a river meets the sea' }));
    const added = index.addSegment(
      new ByteReader(
        snapshotOf([
          doc('e:one', { title: 'Estuary', body: 'a copy that must not be found' }),
          doc('e:two', { title: 'Delta', body: 'where a river splits' }),
        ]),
      ),
    );
    expect(added).toBe(1);
    expect(keys(find(index, 'river ')).sort()).toEqual(['e:one', 'e:two']);
    expect(find(index, 'copy ').total).toBe(0);
    expect(index.shouldVacuum).toBe(false);
  });

  it('looks terms up exactly as the sorted vocabulary does (property)', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'z', '1'), minLength: 1, maxLength: 7 });
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 40 }),
        word,
        fc.integer({ min: 1, max: 2 }),
        (words, query, max) => {
          const body = words.join(' ');
          const { segment } = PackSegment.read(new ByteReader(snapshotOf([doc('e:x', { title: 'X', body })])));
          const sorted = new SortedTerms();
          for (const term of new Set([...termsOf(body), 'x'])) sorted.add(term);
          expect(segment.count).toBe(sorted.size);
          const [from, to] = prefixRangeOf(segment, query.slice(0, 2));
          const inRange = Array.from({ length: to - from }, (_, i) => segment.termAt(from + i));
          expect(inRange).toEqual(sorted.withPrefix(query.slice(0, 2)));
          const found = new Map<string, number>();
          walkWithinDistance(segment, query, max, true, (i, d) => found.set(segment.termAt(i), d));
          expect(found).toEqual(sorted.withinDistance(query, max, true));
        },
      ),
    );
  });

  it('rejects a truncated snapshot, wherever it is cut', async () => {
    const bytes = snapshotOf((await packAndNotes()).entries.slice(0, 12));
    for (let cut = 0; cut < bytes.length; cut += Math.max(1, Math.floor(bytes.length / 300))) {
      expect(() => PackSegment.read(new ByteReader(bytes.subarray(0, cut))), `cut at ${cut}`).toThrow(CorruptDataError);
    }
  });

  it('never trusts damaged bytes: rejected, or every posting stays within its documents (property)', async () => {
    const bytes = snapshotOf((await packAndNotes()).entries.slice(0, 12));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 4,
        }),
        (changes) => {
          const damaged = bytes.slice();
          for (const [at, value] of changes) damaged[at] = value;
          let segment: PackSegment;
          try {
            segment = PackSegment.read(new ByteReader(damaged)).segment;
          } catch (error) {
            expect(error).toBeInstanceOf(CorruptDataError);
            return;
          }
          decodeAll(segment);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('rejects terms out of order, repeated postings and notes', () => {
    const snapshot = (records: unknown[], terms: string, postings: number[][]) => {
      const out = new ByteWriter();
      out.string(JSON.stringify(records));
      for (let i = 0; i < records.length; i++) out.bytes(new Uint8Array(0));
      out.string(terms);
      for (const list of postings) for (const n of list) out.varint(n);
      return new ByteReader(out.finish());
    };
    const entry = ['e:a', 0, 'A', '', '', [], [1, 0, 0, 0, 0], []];
    const none = Array<number>(FIELD_COUNT).fill(0);
    expect(PackSegment.read(snapshot([entry], 'a\nb', [none, none])).segment.count).toBe(2);
    expect(() => PackSegment.read(snapshot([entry], 'b\na', [none, none]))).toThrow('terms out of order');
    expect(() => PackSegment.read(snapshot([entry], 'a\na', [none, none]))).toThrow('terms out of order');
    expect(() => PackSegment.read(snapshot([entry], 'a\n\nb', [none, none, none]))).toThrow('empty term');
    // Two postings of document 0 in one list (delta 0 after the first).
    expect(() => PackSegment.read(snapshot([entry], 'a', [[2, 0, 1, 0, 1, 0, 0, 0, 0]]))).toThrow(
      'posting out of range',
    );
    const note = ['n:a.md', 1, 'A', '', 'v', [], [1, 0, 0, 0, 0], []];
    expect(() => PackSegment.read(snapshot([note], 'a', [none]))).toThrow('a note in a pack');
  });
});

describe('bounded expansions', () => {
  it('expands the word being typed to its shortest completions only, in order', () => {
    const index = new FullTextIndex();
    // 300 completions of "qz": qza … (3 letters) then qzaa … (4 letters).
    const letters = 'abcdefghijklmnopqrstuvwxy';
    const terms: string[] = [];
    for (const a of letters) terms.push(`qz${a}`);
    for (const a of letters) for (const b of letters) terms.push(`qz${a}${b}`);
    const segment = terms.slice(0, 150);
    index.addSegment(
      new ByteReader(snapshotOf(segment.map((term) => doc(`e:${term}`, { title: term, body: 'word' })))),
    );
    for (const term of terms.slice(150, 300)) index.add(doc(`n:${term}`, { title: term, body: 'word' }));
    const result = find(index, 'qz', 1000);
    expect(result.total).toBe(256);
    const titles = result.hits.map((hit) => hit.title);
    expect(titles).toContain('qza');
    expect(titles).toContain('qzy');
    expect(titles).toContain('qzjf');
    expect(titles).not.toContain('qzjg');
    // A longer prefix with fewer completions finds them all.
    expect(find(index, 'qzb', 1000).total).toBe(26);
  });

  it('keeps the closest near spellings of a word when it has very many', () => {
    const index = new FullTextIndex();
    const word = 'stamp';
    let n = 0;
    for (let i = 0; i < word.length; i++) {
      for (const letter of 'bcdefghijklnoqruvwxyz') {
        const term = `${word.slice(0, i)}${letter}${word.slice(i + 1)}`;
        index.add(doc(`n:${n++}`, { title: 'T', body: term }));
      }
    }
    const result = find(index, `${word} `, 1000);
    expect(result.total).toBe(64);
  });
});
