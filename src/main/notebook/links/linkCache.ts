import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { FOLD_VERSION } from '@shared/text/fold';
import { writeFileAtomic } from '../fs/writeFileAtomic';
import type { IndexedLink, NoteAnalysis } from './linkRecord';
import { linkKeyOf } from './linkKey';

/**
 * The link index persisted outside the vault (in the vault's state folder), so opening a
 * large vault re-reads only the notes that changed since: for each note path, the version
 * of the text it was computed from and what the index keeps of it. The file carries a
 * format version and the version of the folding rules its word filters were built with
 * (FOLD_VERSION); a file of another version, or one that does not parse, is ignored and
 * rewritten (the index is then built from the notes).
 */

/** Bump whenever what linkRecordOf produces (the note model, previews) changes; folding has FOLD_VERSION. */
export const LINK_CACHE_FORMAT = 4;
export const LINK_CACHE_FILE = 'links-index.json';

type StoredLink = [
  start: number,
  end: number,
  target: string,
  heading: string | null,
  label: string | null,
  flags: number,
];

interface StoredNote {
  v: string;
  l: StoredLink[];
  w: string;
  p: string;
  /** Tags (see NoteAnalysis.tags). */
  t: string[];
}

/** The file: `{ format, fold, notes: { [path]: StoredNote } }`. */
interface StoredCache {
  format: number;
  fold: number;
  notes: Record<string, StoredNote>;
}

export interface CachedNote {
  version: string;
  analysis: NoteAnalysis;
}

/** Reads the cache; an empty map when it is missing, of another format or corrupt. Never throws. */
export async function readLinkCache(dir: string): Promise<Map<string, CachedNote>> {
  const notes = new Map<string, CachedNote>();
  let data: unknown;
  try {
    data = JSON.parse(await fs.readFile(join(dir, LINK_CACHE_FILE), 'utf8'));
  } catch {
    return notes;
  }
  if (!isCache(data)) return notes;
  for (const [path, stored] of Object.entries(data.notes)) {
    const analysis = decodeNote(path, stored);
    if (analysis) notes.set(path, { version: stored.v, analysis });
  }
  return notes;
}

/**
 * Writes the cache atomically. Serializes a few hundred notes at a time and yields in
 * between, so a large vault never blocks the process for long.
 */
export async function writeLinkCache(
  dir: string,
  notes: Iterable<{ path: string; version: string } & NoteAnalysis>,
): Promise<void> {
  const parts: string[] = [`{"format":${LINK_CACHE_FORMAT},"fold":${FOLD_VERSION},"notes":{`];
  let count = 0;
  for (const note of notes) {
    const stored: StoredNote = {
      v: note.version,
      l: note.links.map((link) => [
        link.start,
        link.end,
        link.target,
        link.heading,
        link.label,
        (link.embed ? 1 : 0) | (link.escapedPipe ? 2 : 0),
      ]),
      w: Buffer.from(note.words.buffer, note.words.byteOffset, note.words.byteLength).toString('base64'),
      p: note.preview,
      t: note.tags,
    };
    parts.push(`${count > 0 ? ',' : ''}${JSON.stringify(note.path)}:${JSON.stringify(stored)}`);
    if (++count % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  parts.push('}}');
  await fs.mkdir(dir, { recursive: true });
  await writeFileAtomic(join(dir, LINK_CACHE_FILE), parts.join(''));
}

function isCache(data: unknown): data is StoredCache {
  if (typeof data !== 'object' || data === null) return false;
  const cache = data as Partial<StoredCache>;
  return (
    cache.format === LINK_CACHE_FORMAT &&
    cache.fold === FOLD_VERSION &&
    typeof cache.notes === 'object' &&
    cache.notes !== null
  );
}

function decodeNote(path: string, stored: StoredNote): NoteAnalysis | null {
  if (typeof stored !== 'object' || stored === null) return null;
  if (
    typeof stored.v !== 'string' ||
    !Array.isArray(stored.l) ||
    typeof stored.w !== 'string' ||
    typeof stored.p !== 'string' ||
    !Array.isArray(stored.t) ||
    !stored.t.every((tag) => typeof tag === 'string')
  ) {
    return null;
  }
  const links: IndexedLink[] = [];
  for (const entry of stored.l) {
    if (!Array.isArray(entry) || entry.length !== 6) return null;
    const [start, end, target, heading, label, flags] = entry;
    if (
      typeof start !== 'number' ||
      typeof end !== 'number' ||
      typeof target !== 'string' ||
      typeof flags !== 'number'
    ) {
      return null;
    }
    if ((heading !== null && typeof heading !== 'string') || (label !== null && typeof label !== 'string')) return null;
    links.push({
      start,
      end,
      target,
      heading,
      label,
      embed: (flags & 1) !== 0,
      escapedPipe: (flags & 2) !== 0,
      key: linkKeyOf(target, path),
    });
  }
  const bytes = Buffer.from(stored.w, 'base64');
  if (bytes.length === 0 || bytes.length % 4 !== 0 || (bytes.length / 4) & (bytes.length / 4 - 1)) return null;
  const words = new Uint32Array(bytes.length / 4);
  new Uint8Array(words.buffer).set(bytes);
  return { links, words, preview: stored.p, tags: stored.t };
}
