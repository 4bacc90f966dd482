import { promises as fs } from 'node:fs';
import { parseEntries } from '../packs/packFiles';
import {
  encodeIndexCache,
  readIndexCache,
  readIndexCacheFile,
  writeIndexCacheFile,
  type CacheProblem,
} from './indexCache';
import { entryToIndexDoc } from './indexDocs';
import { FullTextIndex } from './FullTextIndex';
import { loadStemTable, stemTablePath } from './packStemTable';

/**
 * The search index of one reference pack, stored in the pack's folder beside its entries
 * (`<state dir>/packs/<id>/search-index.bin`), so that start-up reads one file per pack
 * instead of tokenizing every entry (120,000 entries took 6–24 s of the worker's time).
 *
 * Layout: 8 bytes magic "SNPACKIX", u32 length + UTF-8 pack version (see PackIndexSource),
 * then a search index cache file (indexCache.ts: its own magic, format, compatibility key,
 * CRC-32 and snapshot) holding the pack's entries only. A file for another pack version,
 * another index format, or damaged in any way is rebuilt from the entries file and
 * overwritten; a pack re-import writes a new folder, so its old cache goes with it.
 */
export const PACK_INDEX_FILE = 'search-index.bin';

/** Where the indexer finds one pack: its entries file, and the cache of their index. */
export interface PackIndexSource {
  packId: string;
  /** The pack's `entries.ndjson` (read only when the cache cannot be used). */
  entriesPath: string;
  cachePath: string;
  /**
   * What the cache must have been built from: the pack's import date, entry count, source
   * hash and the entries file's size and modification time (see PackLibrary.indexSources).
   */
  version: string;
  entryCount: number;
}

const MAGIC = new TextEncoder().encode('SNPACKIX');

/** The cache bytes of the entries of `index` that `include` accepts, for pack version `version`. */
export function encodePackIndexCache(
  index: FullTextIndex,
  include: (key: string) => boolean,
  version: string,
): Uint8Array {
  const inner = encodeIndexCache(index, (doc) => doc.kind === 'entry' && include(doc.key));
  const versionBytes = new TextEncoder().encode(version);
  const out = new Uint8Array(MAGIC.length + 4 + versionBytes.length + inner.length);
  out.set(MAGIC, 0);
  new DataView(out.buffer).setUint32(MAGIC.length, versionBytes.length, true);
  out.set(versionBytes, MAGIC.length + 4);
  out.set(inner, MAGIC.length + 4 + versionBytes.length);
  return out;
}

/**
 * Adds the entries of a pack cache to `index` when it was built for `version`.
 * @returns how many entries were added, or why the bytes cannot be used (index unchanged).
 */
export function decodePackIndexCache(
  bytes: Uint8Array,
  version: string,
  index: FullTextIndex,
): { added: number } | { problem: CacheProblem } {
  if (bytes.length < MAGIC.length + 4) return { problem: 'corrupt' };
  for (let i = 0; i < MAGIC.length; i++) if (bytes[i] !== MAGIC[i]) return { problem: 'corrupt' };
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(MAGIC.length, true);
  const start = MAGIC.length + 4;
  if (start + length > bytes.length) return { problem: 'corrupt' };
  const stored = new TextDecoder().decode(bytes.subarray(start, start + length));
  if (stored !== version) return { problem: 'stale' };
  // Read as a segment (see PackSegment): its terms and postings stay in its bytes.
  return readIndexCache(bytes.subarray(start + length), (input) => index.addSegment(input));
}

/**
 * Puts a pack's entries into `index`: from its cache when that is usable, else from its
 * entries file, then writes the cache for the next start (a failed write is logged, the
 * index is right either way).
 *
 * @returns how many entries the index got, and where from.
 * @throws Error when neither the cache nor the entries file can be read.
 */
export async function loadPackIndex(
  index: FullTextIndex,
  source: PackIndexSource,
  log: (message: string, error?: unknown) => void,
): Promise<{ added: number; from: 'cache' | 'entries' }> {
  const cached = await readIndexCacheFile(source.cachePath);
  if (cached !== null) {
    const result = decodePackIndexCache(cached, source.version, index);
    if ('added' in result) {
      await attachStemTable(index, source, log);
      return { added: result.added, from: 'cache' };
    }
    log(`The search index of the pack ${source.packId} was ${result.problem}; rebuilding it`);
  }
  // Built apart and then read like a cache, so writing it never walks the other packs' terms.
  const entries = parseEntries(await fs.readFile(source.entriesPath, 'utf8'), source.packId);
  const own = new FullTextIndex();
  for (const entry of entries) own.add(entryToIndexDoc(entry));
  const bytes = encodePackIndexCache(own, () => true, source.version);
  const result = decodePackIndexCache(bytes, source.version, index);
  if ('problem' in result) throw new Error(`the index built for the pack ${source.packId} is ${result.problem}`);
  try {
    await writeIndexCacheFile(source.cachePath, bytes);
  } catch (error) {
    log(`Could not write the search index of the pack ${source.packId}`, error);
  }
  // Its stem table is built with it (the old one, for another vocabulary, is stale).
  await attachStemTable(index, source, log);
  return { added: entries.length, from: 'entries' };
}

/** Gives the pack's segment, the last one added, its stem table (see packStemTable.ts). */
async function attachStemTable(
  index: FullTextIndex,
  source: PackIndexSource,
  log: (message: string, error?: unknown) => void,
): Promise<void> {
  const segment = index.segments.at(-1);
  if (!segment) return;
  const { table } = await loadStemTable(stemTablePath(source.cachePath), segment, log);
  segment.stems = table;
}
