import type { Stats } from 'node:fs';
import { NotebookError } from '@shared/api/errors';
import { MAX_NOTE_BYTES, type Note, type NoteSummary } from '@shared/domain/note';
import { errorCode, type VaultFs } from '../fs/VaultFs';
import { decodeNote } from './decodeNote';
import { versionOf } from './noteVersion';
import { summarizeNote } from './summarizeNote';

const encoder = new TextEncoder();

/** Queue key of a note path: case-insensitive, so one file is one key on every file system. */
export function keyOf(path: string): string {
  return path.normalize('NFC').toLowerCase();
}

/** A note's text as the bytes written to its file. */
export function encodeNote(content: string): Uint8Array {
  return encoder.encode(content);
}

/** The version of a file's bytes; for a file too large to read, one derived from its metadata. */
export function fileVersion(bytes: Uint8Array | null, stats: Stats): string {
  if (bytes && stats.size <= MAX_NOTE_BYTES) return versionOf(bytes);
  return versionOf(encoder.encode(`too-large:${stats.size}:${stats.mtimeMs}:${stats.ino}`));
}

/** The file's bytes (null when too large to read) and metadata, or null when there is no file. */
export async function readIfExists(fs: VaultFs, abs: string): Promise<{ bytes: Buffer | null; stats: Stats } | null> {
  try {
    const stats = await fs.stat(abs);
    if (stats.size > MAX_NOTE_BYTES) return { bytes: null, stats };
    return { bytes: await fs.readFile(abs), stats };
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
}

/**
 * A note read from its file. A file that is not valid UTF-8, holds NUL bytes or is larger
 * than MAX_NOTE_BYTES comes back with `readOnly` set (a too-large one without its text).
 */
export async function readNoteFile(fs: VaultFs, path: string, abs: string): Promise<Note> {
  const stats = await fs.stat(abs);
  if (stats.size > MAX_NOTE_BYTES) {
    return {
      ...summarizeNote(path, stats, null),
      content: '',
      version: fileVersion(null, stats),
      readOnly: {
        reason: `This note is ${megabytes(stats.size)}, larger than the ${megabytes(MAX_NOTE_BYTES)} the app opens; open it in another editor.`,
      },
    };
  }
  const bytes = await fs.readFile(abs);
  const { content, readOnly } = decodeNote(bytes);
  return {
    ...summarizeNote(path, { size: bytes.length, mtime: stats.mtime }, content),
    content,
    version: versionOf(bytes),
    readOnly,
  };
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

/** File metadata the records keep; `size` is what was read, which may differ from a stale stat. */
export interface FileMeta {
  size: number;
  mtime: Date;
  mtimeMs: number;
  ino: number;
}

export function metaOf(stats: Stats, size: number = stats.size): FileMeta {
  return { size, mtime: stats.mtime, mtimeMs: stats.mtimeMs, ino: stats.ino };
}

export function copySummary(summary: NoteSummary): NoteSummary {
  return { ...summary, aliases: [...summary.aliases], tags: [...summary.tags] };
}

export function stripNote(note: Note): NoteSummary {
  const { content: _c, version: _v, readOnly: _r, ...summary } = note;
  return summary;
}

export function tooLarge(label: string, bytes: number): NotebookError {
  return new NotebookError(
    'invalid-arguments',
    `"${label}" is ${megabytes(bytes)}, more than the ${megabytes(MAX_NOTE_BYTES)} a note may hold.`,
  );
}

/** A NUL character would make the file binary, and the note read-only from then on. */
export function refuseNul(content: string): void {
  if (content.includes('\u0000')) {
    throw new NotebookError(
      'invalid-arguments',
      'The text contains NUL characters, which a Markdown file cannot hold.',
    );
  }
}

export function alreadyExists(title: string, folder: string): NotebookError {
  return new NotebookError(
    'already-exists',
    `A note named "${title}" already exists ${folder ? `in "${folder}"` : 'in the vault'} (names ignore letter case).`,
  );
}

/** The error for a title that leaves nothing a file name can hold. */
export function emptyTitle(): NotebookError {
  return new NotebookError(
    'invalid-arguments',
    'A note title needs at least one letter, digit or symbol a file name can hold.',
  );
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}
