import { promises as fs } from 'node:fs';
import { crc32 } from 'node:zlib';
import { TOKENIZER_VERSION } from '@shared/search/tokenize';
import { FOLD_VERSION } from '@shared/text/fold';
import { writeFileAtomic } from '../fs/writeFileAtomic';
import { ByteReader, ByteWriter, CorruptDataError } from './bytes';
import { EXTRACTOR_VERSION } from './indexDocs';
import { FIELDS, type FullTextIndex, type StoredDoc } from './FullTextIndex';

/**
 * The search index cache: one binary file in the vault's state folder (outside the vault).
 *
 * Layout (little-endian):
 *   8 bytes   magic "SNSEARCH"
 *   u32       format version ({@link CACHE_FORMAT_VERSION})
 *   u32 + n   compatibility key (UTF-8): tokenizer, folding, extractor and field layout versions
 *   u32       payload length
 *   u32       CRC-32 of the payload
 *   payload   the index snapshot (FullTextIndex.writeSnapshot): documents with path,
 *             version, title, folder, tags, field lengths, pair filter; then every term
 *             with its postings per field, delta-encoded varints.
 *
 * A file with another magic, format version or compatibility key is stale; a short
 * file, a CRC mismatch or a payload that does not decode is corrupt. Either way the
 * caller rebuilds from the notes and overwrites the file; nothing is reported to the
 * user. The glossary is never cached (it is indexed at every start, instantly).
 */

/** Bump when the layout above or the snapshot encoding changes. */
export const CACHE_FORMAT_VERSION = 2;
export const CACHE_FILE_NAME = 'search-index.bin';

const MAGIC = new TextEncoder().encode('SNSEARCH');

/** Everything besides the format version that makes an old cache unusable when it changes. */
export function compatibilityKey(): string {
  return `tokenizer ${TOKENIZER_VERSION}; fold ${FOLD_VERSION}; extractor ${EXTRACTOR_VERSION}; fields ${FIELDS.join(',')}; tf 7 bits; pair filter 10x7`;
}

export type CacheProblem = 'missing' | 'stale' | 'corrupt';

/** Encodes the documents `include` accepts into cache file bytes. */
export function encodeIndexCache(index: FullTextIndex, include: (doc: StoredDoc) => boolean): Uint8Array {
  const writer = new ByteWriter();
  index.writeSnapshot(writer, include);
  const payload = writer.finish();
  const key = new TextEncoder().encode(compatibilityKey());
  const out = new Uint8Array(MAGIC.length + 4 + 4 + key.length + 4 + 4 + payload.length);
  const view = new DataView(out.buffer);
  let at = 0;
  out.set(MAGIC, at);
  at += MAGIC.length;
  view.setUint32(at, CACHE_FORMAT_VERSION, true);
  at += 4;
  view.setUint32(at, key.length, true);
  at += 4;
  out.set(key, at);
  at += key.length;
  view.setUint32(at, payload.length, true);
  at += 4;
  view.setUint32(at, crc32(payload), true);
  at += 4;
  out.set(payload, at);
  return out;
}

/**
 * Checks cache file bytes and adds the documents `accept` wants to the index.
 * @returns the number of documents added, or the problem that made the bytes unusable
 *   (the index is then unchanged).
 */
export function decodeIndexCache(
  bytes: Uint8Array,
  index: FullTextIndex,
  accept: (doc: StoredDoc) => boolean,
): { added: number } | { problem: CacheProblem } {
  return readIndexCache(bytes, (input) => index.readSnapshot(input, accept));
}

/**
 * Checks cache file bytes (magic, format, compatibility key, length, CRC-32), then hands
 * the payload to `read`.
 * @returns what `read` returned, or the problem that made the bytes unusable (`read`
 *   throwing CorruptDataError is one: corrupt).
 */
export function readIndexCache(
  bytes: Uint8Array,
  read: (input: ByteReader) => number,
): { added: number } | { problem: CacheProblem } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < MAGIC.length + 8) return { problem: 'corrupt' };
  for (let i = 0; i < MAGIC.length; i++) if (bytes[i] !== MAGIC[i]) return { problem: 'corrupt' };
  let at = MAGIC.length;
  if (view.getUint32(at, true) !== CACHE_FORMAT_VERSION) return { problem: 'stale' };
  at += 4;
  const keyLength = view.getUint32(at, true);
  at += 4;
  if (at + keyLength + 8 > bytes.length) return { problem: 'corrupt' };
  let key: string;
  try {
    key = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(at, at + keyLength));
  } catch {
    return { problem: 'corrupt' };
  }
  if (key !== compatibilityKey()) return { problem: 'stale' };
  at += keyLength;
  const payloadLength = view.getUint32(at, true);
  at += 4;
  const checksum = view.getUint32(at, true);
  at += 4;
  if (at + payloadLength !== bytes.length) return { problem: 'corrupt' };
  const payload = bytes.subarray(at);
  if (crc32(payload) !== checksum) return { problem: 'corrupt' };
  try {
    return { added: read(new ByteReader(payload)) };
  } catch (error) {
    if (error instanceof CorruptDataError) return { problem: 'corrupt' };
    throw error;
  }
}

/** The cache file's bytes, or null when there is none. Other read errors count as missing too. */
export async function readIndexCacheFile(path: string): Promise<Uint8Array | null> {
  try {
    return await fs.readFile(path);
  } catch {
    return null;
  }
}

/** Writes the cache file atomically (a crash leaves the old file or the new one, never a mix). */
export async function writeIndexCacheFile(path: string, bytes: Uint8Array): Promise<void> {
  await writeFileAtomic(path, bytes, { mode: 0o600 });
}
