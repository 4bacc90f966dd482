import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { parseQuery } from '@shared/search/parseQuery';
import { stemOf } from '@shared/search/stemWord';
import { tempDirs } from '../../testing/tempDirs';
import { ByteReader, ByteWriter } from './bytes';
import { FullTextIndex } from './FullTextIndex';
import { loadStemTable, StemTable, type StemVocabulary } from './packStemTable';
import { SortedTerms } from './SortedTerms';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

const WORDS = [
  'bank',
  'banks',
  'house',
  'houses',
  'housing',
  'relevant',
  'release',
  'released',
  'releasing',
  'ties',
  'tying',
  '5ht2a',
  'gaba',
];

/** A sorted vocabulary as a segment offers it to a stem table. */
function vocabulary(words: string[]): StemVocabulary {
  const terms = new SortedTerms();
  for (const word of new Set(words)) terms.add(word);
  const table = terms.table();
  return { ...table, count: table.count, vocabularyChecksum: () => crc32(terms.all().join('\n')) };
}

const termsOf = (table: StemTable, words: StemVocabulary, stem: string) =>
  [...table.termsOf(stem)].map((index) => words.termAt(index));

describe('a pack stem table', () => {
  it('lists the terms with each stem, in vocabulary order, including forms that do not start like their stem', () => {
    const words = vocabulary(WORDS);
    const table = StemTable.build(words);
    expect(termsOf(table, words, 'releas')).toEqual(['release', 'released', 'releasing']);
    expect(termsOf(table, words, 'hous')).toEqual(['house', 'houses', 'housing']);
    expect(termsOf(table, words, 'relev')).toEqual(['relevant']);
    // "tying" stems to "tie" but does not start with its key: the stem key's lookup missed it.
    expect(stemOf('tying')).toBe('tie');
    expect(termsOf(table, words, 'tie')).toEqual(['ties', 'tying']);
    expect(termsOf(table, words, 'nothing')).toEqual([]);
    // Words with digits have no stem: bank, gaba, hous, releas, relev, tie.
    expect(table.stemCount).toBe(6);
  });

  it('reads back what it wrote, for the same vocabulary', () => {
    const words = vocabulary(WORDS);
    const bytes = StemTable.build(words).encode(words);
    const read = StemTable.decode(bytes, words);
    expect(read).toBeInstanceOf(StemTable);
    for (const stem of ['releas', 'hous', 'relev', 'tie', 'bank', 'x']) {
      expect(termsOf(read as StemTable, words, stem)).toEqual(termsOf(StemTable.build(words), words, stem));
    }
    const empty = vocabulary(['5ht2a']);
    expect(StemTable.decode(StemTable.build(empty).encode(empty), empty)).toBeInstanceOf(StemTable);
  });

  it('is stale for another vocabulary, even of the same size', () => {
    const words = vocabulary(WORDS);
    const bytes = StemTable.build(words).encode(words);
    expect(StemTable.decode(bytes, vocabulary([...WORDS, 'river']))).toEqual({ problem: 'stale' });
    expect(StemTable.decode(bytes, vocabulary([...WORDS.slice(1), 'river']))).toEqual({ problem: 'stale' });
  });

  it('is corrupt when damaged, truncated or not a table', () => {
    const words = vocabulary(WORDS);
    const good = StemTable.build(words).encode(words);
    const damaged = Uint8Array.from(good);
    damaged[50] = damaged[50]! ^ 0x01;
    for (const bytes of [
      damaged,
      good.subarray(0, good.length - 1),
      good.subarray(0, 10),
      new TextEncoder().encode('hello'),
    ]) {
      expect(StemTable.decode(bytes, words)).toEqual({ problem: 'corrupt' });
    }
  });

  it('is corrupt when its bytes pass the checksum but not the checks', () => {
    const words = vocabulary(WORDS);
    const good = StemTable.build(words).encode(words);
    const forge = (change: (bytes: Uint8Array, view: DataView) => void) => {
      const bytes = Uint8Array.from(good);
      const view = new DataView(bytes.buffer);
      change(bytes, view);
      view.setUint32(bytes.length - 4, crc32(bytes.subarray(0, bytes.length - 4)), true);
      return StemTable.decode(bytes, words);
    };
    const text = Buffer.from(good).toString('latin1');
    // Stems out of order ("hous" after "releas").
    expect(forge((bytes) => bytes.set(new TextEncoder().encode('releas\nhous'), text.indexOf('hous\nreleas')))).toEqual(
      {
        problem: 'corrupt',
      },
    );
    // A letter outside a–z in a stem.
    expect(forge((bytes) => (bytes[text.indexOf('hous')] = 0x41))).toEqual({ problem: 'corrupt' });
    // A term number out of range (the last one).
    expect(forge((bytes, view) => view.setUint32(bytes.length - 8, words.count, true))).toEqual({ problem: 'corrupt' });
    // A stem count that does not match its stems.
    expect(forge((_, view) => view.setUint32(8 + 16, 4, true))).toEqual({ problem: 'corrupt' });
  });

  it('is built and written when missing, rebuilt when corrupt or stale, and read when good', async () => {
    const path = join(dirs.make(), 'search-stems.bin');
    const words = vocabulary(WORDS);
    const logged: string[] = [];
    const log = (message: string) => logged.push(message);
    expect((await loadStemTable(path, words, log)).from).toBe('built');
    expect(logged).toEqual([]);
    expect((await loadStemTable(path, words, log)).from).toBe('file');
    writeFileSync(path, readFileSync(path).subarray(0, 20));
    expect((await loadStemTable(path, words, log)).from).toBe('built');
    expect(logged.at(-1)).toMatch(/was corrupt; rebuilding it/);
    expect((await loadStemTable(path, words, log)).from).toBe('file');
    const other = vocabulary(['river', 'rivers']);
    const rebuilt = await loadStemTable(path, other, log);
    expect(rebuilt.from).toBe('built');
    expect(logged.at(-1)).toMatch(/was stale; rebuilding it/);
    expect(termsOf(rebuilt.table, other, 'river')).toEqual(['river', 'rivers']);
  });

  it('gives a pack segment its word forms, and a wrong table cannot make a query match a wrong form', () => {
    const own = new FullTextIndex();
    const entry = (id: string, title: string, body: string) => ({
      key: `e:p--${id}`,
      kind: 'entry' as const,
      title,
      folder: '',
      version: '',
      tags: [],
      fields: { title, aliases: '', headings: '', tags: '', body },
    });
    own.add(entry('a', 'Release', 'released on time'));
    own.add(entry('b', 'Houses', 'a row of houses'));
    const out = new ByteWriter();
    own.writeSnapshot(out, () => true);
    const index = new FullTextIndex();
    index.addSegment(new ByteReader(out.finish()));
    const segment = index.segments[0]!;
    const titles = (query: string) => index.search(parseQuery(query), { limit: 10 }).hits.map((hit) => hit.title);
    segment.stems = StemTable.build(segment);
    expect(titles('releasing ')).toEqual(['Release']);
    // A well-formed but wrong table, saying every term has the stem "releas".
    segment.stems = StemTable.build({
      count: segment.count,
      termAt: () => 'releasing',
      lengthAt: () => 0,
      codeAt: () => 0,
      compareAt: () => 0,
    });
    expect(titles('releasing ')).toEqual(['Release']);
  });
});
