import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { notePathProblem } from '@shared/domain/notePath';
import { writeFileAtomic } from '../fs/writeFileAtomic';
import type { NoteRecord } from './summarizeNote';

/**
 * What the vault knows about each note, persisted in the vault's state folder (outside the
 * vault) so a start does not read every note: per note path, the file's size, mtime and
 * inode when it was last read, the version (hash) of its bytes, and its aliases and tags.
 * At start the records are taken from here and checked against the disk in the
 * background (see VaultSync): a note whose size or mtime differs is read again; the
 * derived indexes (links, search) match their own caches by the version.
 *
 * The file carries a format version; a file of another version, one that does not parse,
 * or one whose shape is wrong is ignored (the notes are read and the file rewritten). A
 * single malformed record is dropped, never trusted.
 */

/** Bump whenever what a record holds, or how a summary is made from a note, changes. */
export const NOTE_META_CACHE_FORMAT = 1;
export const NOTE_META_CACHE_FILE = 'notes-meta.json';

/** [size, mtimeMs, ino, version, aliases, tags] */
type StoredRecord = [number, number, number, string, string[], string[]];

interface StoredCache {
  format: number;
  notes: Record<string, StoredRecord>;
}

/** A note's record as the cache holds it. */
export interface CachedMeta {
  size: number;
  mtimeMs: number;
  ino: number;
  version: string;
  aliases: string[];
  tags: string[];
}

/**
 * Reads the cache of `dir`: null when it is missing, of another format, corrupt or
 * unreadable (the caller reads the notes instead). Never throws.
 */
export async function readNoteMetaCache(dir: string): Promise<Map<string, CachedMeta> | null> {
  let data: unknown;
  try {
    data = JSON.parse(await fs.readFile(join(dir, NOTE_META_CACHE_FILE), 'utf8'));
  } catch {
    return null;
  }
  if (!isCache(data)) return null;
  const records = new Map<string, CachedMeta>();
  for (const [path, stored] of Object.entries(data.notes)) {
    if (!isRecord(stored) || notePathProblem(path) !== null) continue;
    const [size, mtimeMs, ino, version, aliases, tags] = stored;
    records.set(path, { size, mtimeMs, ino, version, aliases: [...aliases], tags: [...tags] });
  }
  return records;
}

/** Writes the cache atomically from the vault's records (those still being read are left out). */
export async function writeNoteMetaCache(dir: string, records: Iterable<[string, NoteRecord]>): Promise<void> {
  const notes: Record<string, StoredRecord> = {};
  for (const [path, record] of records) {
    if (record.pending) continue;
    const { stamp, version, summary } = record;
    notes[path] = [stamp.size, stamp.mtimeMs, stamp.ino, version, summary.aliases, summary.tags];
  }
  const cache: StoredCache = { format: NOTE_META_CACHE_FORMAT, notes };
  await fs.mkdir(dir, { recursive: true });
  await writeFileAtomic(join(dir, NOTE_META_CACHE_FILE), JSON.stringify(cache));
}

function isCache(data: unknown): data is StoredCache {
  if (typeof data !== 'object' || data === null) return false;
  const cache = data as Partial<StoredCache>;
  return (
    cache.format === NOTE_META_CACHE_FORMAT &&
    typeof cache.notes === 'object' &&
    cache.notes !== null &&
    !Array.isArray(cache.notes)
  );
}

function isRecord(value: unknown): value is StoredRecord {
  if (!Array.isArray(value) || value.length !== 6) return false;
  const [size, mtimeMs, ino, version, aliases, tags] = value as unknown[];
  return (
    isCount(size) &&
    typeof mtimeMs === 'number' &&
    Number.isFinite(mtimeMs) &&
    isCount(ino) &&
    typeof version === 'string' &&
    version.length > 0 &&
    isStrings(aliases) &&
    isStrings(tags)
  );
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
