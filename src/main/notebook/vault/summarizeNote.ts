import type { NoteSummary } from '@shared/domain/note';
import { folderOfPath, titleOfPath } from '@shared/domain/notePath';
import { readFrontMatterFields, splitFrontMatter } from '@shared/markdown/frontMatter';

/** What the vault keeps in memory about a note's file; never its text. */
export interface NoteRecord {
  summary: NoteSummary;
  /** The version of the bytes last seen (see versionOf). */
  version: string;
  /** File identity and metadata when last read, to skip re-reading an unchanged file. */
  stamp: FileStamp;
  /**
   * True while the note was found on disk but not read yet (a first start reads notes in
   * the background): the summary has no aliases or tags yet and `version` is empty.
   */
  pending?: boolean;
}

export interface FileStamp {
  size: number;
  mtimeMs: number;
  ino: number;
}

export function stampOf(stats: { size: number; mtimeMs: number; ino: number }): FileStamp {
  return { size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino };
}

export function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;
}

/** A note's summary from its path, file metadata and text (aliases and tags come from front matter). */
export function summarizeNote(path: string, stats: { size: number; mtime: Date }, text: string | null): NoteSummary {
  const fields = text === null ? { aliases: [], tags: [] } : readFrontMatterFields(splitFrontMatter(text).frontMatter);
  return {
    path,
    title: titleOfPath(path),
    folder: folderOfPath(path),
    modified: stats.mtime.toISOString(),
    size: stats.size,
    aliases: fields.aliases,
    tags: fields.tags,
  };
}
