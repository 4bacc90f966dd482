import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseQuery } from '@shared/search/parseQuery';
import { tempDirs } from '../../testing/tempDirs';
import type { DraftEntry, ParsedSource } from '../packs/DraftEntry';
import { PackLibrary } from '../packs/PackLibrary';
import { FullTextIndex } from './FullTextIndex';
import { crc32 } from 'node:zlib';
import { IndexerCore } from './IndexerCore';
import type { FromIndexer } from './indexerProtocol';
import { loadPackIndex, type PackIndexSource } from './packIndexCache';
import { STEM_TABLE_FILE } from './packStemTable';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

const draft = (title: string, definition: string, line: number): DraftEntry => ({
  title,
  aliases: [],
  definition,
  sections: [],
  tags: [],
  source: `words.tsv, line ${line}`,
  editorialTitle: false,
  at: { line },
});

const parsed = (entries: DraftEntry[]): ParsedSource => ({
  format: 'tsv',
  encoding: 'utf-8',
  encodingDetected: true,
  columns: [],
  entries,
  problems: [],
  suggestedName: 'words',
});

const WORDS = parsed([
  draft('Bank', 'The side of a river.', 2),
  draft('Bank', 'A house that keeps money.', 3),
  draft('Estuary', 'Where a river meets the sea.', 4),
]);

async function libraryWithPack(): Promise<{ library: PackLibrary; source: PackIndexSource; dir: string }> {
  const dir = join(dirs.make(), 'packs');
  const library = await PackLibrary.open({ dir });
  await library.importPack(WORDS, { sourceHash: 'h1', sourceName: 'words.tsv', name: 'Words' });
  return { library, source: library.indexSources()[0]!, dir };
}

/** Loads the pack into a fresh index; returns where from, what it logged, and the titles a query finds. */
async function load(source: PackIndexSource, query = 'river') {
  const logged: string[] = [];
  const index = new FullTextIndex();
  const { added, from } = await loadPackIndex(index, source, (message) => logged.push(message));
  const found = index.search(parseQuery(query), { limit: 10 }).hits.map((hit) => hit.key);
  return { added, from, logged, found: found.sort() };
}

describe('the search index cache of a reference pack', () => {
  it('is written beside the pack on first need, then read instead of the entries', async () => {
    const { source } = await libraryWithPack();
    const first = await load(source);
    expect(first).toMatchObject({ added: 3, from: 'entries', logged: [] });
    expect(first.found).toHaveLength(2);
    // The entries file is no longer needed: the cache alone answers the same.
    writeFileSync(source.entriesPath, 'not entries\n');
    const second = await load(source);
    expect(second).toMatchObject({ added: 3, from: 'cache', logged: [] });
    expect(second.found).toEqual(first.found);
  });

  it('is rebuilt from the entries when damaged, truncated or not a cache, with the same answers', async () => {
    const { source } = await libraryWithPack();
    const expected = (await load(source)).found;
    const good = readFileSync(source.cachePath);
    const damaged = Buffer.from(good);
    damaged[damaged.length - 5] = 0xff - damaged[damaged.length - 5]!;
    for (const bytes of [damaged, good.subarray(0, good.length - 9), good.subarray(0, 6), Buffer.from('hello')]) {
      writeFileSync(source.cachePath, bytes);
      const result = await load(source);
      expect(result).toMatchObject({ added: 3, from: 'entries' });
      expect(result.logged[0]).toMatch(/was corrupt; rebuilding it/);
      expect(result.found).toEqual(expected);
      // ...and the rebuilt file is good again.
      expect((await load(source)).from).toBe('cache');
    }
  });

  it('is not reused after a re-import: the new entries are indexed, the old ones are gone', async () => {
    const { library, source } = await libraryWithPack();
    await load(source);
    const oldCache = readFileSync(source.cachePath);
    const packId = source.packId;
    await library.importPack(parsed([draft('Delta', 'Where a river splits before the sea.', 2)]), {
      sourceHash: 'h2',
      sourceName: 'words.tsv',
      replace: packId,
    });
    const next = library.indexSources()[0]!;
    expect(next.version).not.toBe(source.version);
    // Even the old cache file put back in place (say, by a backup tool) is not used.
    writeFileSync(next.cachePath, oldCache);
    const result = await load(next);
    expect(result).toMatchObject({ added: 1, from: 'entries' });
    expect(result.logged[0]).toMatch(/was stale/);
    expect(result.found).toEqual([`e:${packId}--delta`]);
  });

  it('is rebuilt when the entries file changed under it', async () => {
    const { source, dir } = await libraryWithPack();
    await load(source);
    const reopened = await PackLibrary.open({ dir });
    expect(reopened.indexSources()[0]!.version).toBe(source.version);
    const path = source.entriesPath;
    const lines = readFileSync(path, 'utf8').split('\n').filter(Boolean);
    writeFileSync(path, `${lines.slice(0, 2).join('\n')}\n`);
    const edited = (await PackLibrary.open({ dir })).indexSources()[0]!;
    expect(edited.version).not.toBe(source.version);
    expect((await load(edited)).from).toBe('entries');
  });

  it('gives the pack its stem table, built with the cache, rebuilt when damaged, not needing the cache rebuilt', async () => {
    const { source } = await libraryWithPack();
    const stemsPath = join(dirname(source.cachePath), STEM_TABLE_FILE);
    const first = await load(source, 'rivers ');
    expect(first.found).toHaveLength(2);
    const written = readFileSync(stemsPath);
    writeFileSync(stemsPath, written.subarray(0, written.length - 3));
    const index = new FullTextIndex();
    const logged: string[] = [];
    expect((await loadPackIndex(index, source, (message) => logged.push(message))).from).toBe('cache');
    expect(logged).toEqual([expect.stringMatching(/stem table .* was corrupt; rebuilding it/)]);
    expect(index.segments[0]!.stems?.termsOf('river').length).toBe(1);
    expect(readFileSync(stemsPath)).toEqual(written);
    expect((await load(source, 'rivers ')).found).toEqual(first.found);
  });

  it('fails (and leaves the index empty) when neither the cache nor the entries can be read', async () => {
    const { source } = await libraryWithPack();
    writeFileSync(source.entriesPath, '{"broken\n');
    await expect(loadPackIndex(new FullTextIndex(), source, () => undefined)).rejects.toThrow(/damaged at line 1/);
  });

  it('is rebuilt when its bytes pass the checksum but not the checks (terms out of order)', async () => {
    const { source } = await libraryWithPack();
    const expected = (await load(source)).found;
    const good = Buffer.from(readFileSync(source.cachePath));
    // Swap two terms of the sorted term block, then fix the CRC-32 that guards the payload,
    // as a forged file or a buggy writer could.
    const at = good.indexOf('river\nsea');
    expect(at).toBeGreaterThan(0);
    good.write('sea\nriver', at, 'latin1');
    const checksumAt = findChecksum(good);
    good.writeUInt32LE(crc32(good.subarray(checksumAt + 4)), checksumAt);
    writeFileSync(source.cachePath, good);
    const result = await load(source);
    expect(result).toMatchObject({ added: 3, from: 'entries' });
    expect(result.logged[0]).toMatch(/was corrupt; rebuilding it/);
    expect(result.found).toEqual(expected);
  });

  it('keeps search "building" until the pack is in, then "ready" with every entry counted', async () => {
    const { source } = await libraryWithPack();
    const messages: FromIndexer[] = [];
    const core = new IndexerCore((message) => messages.push(message));
    core.handle({
      type: 'init',
      vaultPath: dirs.make(),
      cachePath: null,
      entries: [],
      packs: [source],
      notes: [],
      options: {},
    });
    const statuses = () => messages.flatMap((m) => (m.type === 'status' ? [m.status] : []));
    expect(statuses()[0]).toMatchObject({ state: 'building', indexed: 0, total: 0, entries: { indexed: 0, total: 3 } });
    for (let i = 0; i < 200 && statuses().at(-1)?.state !== 'ready'; i++) await new Promise((r) => setTimeout(r, 10));
    expect(statuses().at(-1)).toEqual({ state: 'ready', indexed: 0, total: 0, entries: { indexed: 3, total: 3 } });
    expect(
      statuses()
        .slice(0, -1)
        .every((status) => status.state === 'building'),
    ).toBe(true);
  });
});

/** Where the inner cache file's CRC-32 sits: after "SNPACKIX", the version, "SNSEARCH", format, key and length. */
function findChecksum(bytes: Buffer): number {
  let at = 8;
  at += 4 + bytes.readUInt32LE(at);
  at += 8 + 4;
  at += 4 + bytes.readUInt32LE(at);
  return at + 4;
}
