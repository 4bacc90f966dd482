import type { Stats } from 'node:fs';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { notePathProblem } from '@shared/domain/notePath';
import { FILE_CONCURRENCY } from '../fs/fileConcurrency';
import { errorCode, type VaultFs } from '../fs/VaultFs';
import { isTempFileName } from '../fs/writeFileAtomic';
import { isIgnoredName, isNoteFileName } from './isIgnoredName';
import { isInside } from './VaultPaths';

/** A note file found on disk. */
export interface FoundFile {
  /** Its real absolute path. */
  abs: string;
  stats: Stats;
}

export interface ScanResult {
  /** Note files by vault-relative path. */
  files: Map<string, FoundFile>;
  /** Every folder walked, vault-relative ('' for the root). */
  folders: string[];
  /**
   * Folders that exist but could not be read (permission denied, I/O error): what was
   * known under them must not be taken as removed.
   */
  unreadable: string[];
  /** Absolute paths of temporary files our atomic writes left behind (see isTempFileName). */
  leftovers: string[];
}

export interface ScanOptions {
  /** Called for each folder before it is read, so a watcher can start before files appear. */
  onFolder?: (folder: string, abs: string, ino: number) => void;
}

/**
 * Walks `folder` (vault-relative, '' for the whole vault) and everything below it,
 * collecting the Markdown files the vault lists as notes. Skips hidden entries,
 * node_modules, non-Markdown files, and names the contract cannot address (see
 * notePathProblem). Symbolic links to folders are never followed (no loops, nothing
 * outside the vault); a symbolic link to a file counts only when its target is inside
 * the vault. Reads nothing but folder listings and file metadata. Also reports the
 * temporary files of interrupted atomic writes it passes.
 *
 * A folder that does not exist yields an empty result (its notes were removed).
 */
export async function scanFolder(
  fs: VaultFs,
  root: string,
  folder: string,
  options: ScanOptions = {},
): Promise<ScanResult> {
  const result: ScanResult = { files: new Map(), folders: [], unreadable: [], leftovers: [] };
  const pending: string[] = [folder];
  // One limiter for the whole walk: a folder of 100,000 notes is stat'ed a few at a time.
  const limit = pLimit(FILE_CONCURRENCY);
  while (pending.length > 0) {
    const rel = pending.pop() as string;
    const abs = rel === '' ? root : join(root, ...rel.split('/'));
    let ino: number;
    try {
      const stats = await fs.lstat(abs);
      if (!stats.isDirectory()) continue;
      ino = stats.ino;
    } catch (error) {
      if (!isMissing(error)) result.unreadable.push(rel);
      continue;
    }
    options.onFolder?.(rel, abs, ino);
    let entries;
    try {
      entries = await fs.readdir(abs);
    } catch (error) {
      if (!isMissing(error)) result.unreadable.push(rel);
      continue;
    }
    result.folders.push(rel);
    const checks: Promise<void>[] = [];
    for (const entry of entries) {
      const name = entry.name;
      if (isIgnoredName(name)) {
        if (entry.isFile() && isTempFileName(name)) result.leftovers.push(join(abs, name));
        continue;
      }
      const childRel = rel === '' ? name : `${rel}/${name}`;
      if (entry.isDirectory()) {
        if (notePathProblem(`${childRel}/x.md`) === null) pending.push(childRel);
        continue;
      }
      if (!isNoteFileName(name) || notePathProblem(childRel) !== null) continue;
      if (!entry.isFile() && !entry.isSymbolicLink()) continue;
      checks.push(
        limit(async () => {
          const found = await inspectFile(fs, root, join(abs, name), entry.isSymbolicLink());
          if (found) result.files.set(childRel, found);
        }),
      );
    }
    await Promise.all(checks);
  }
  return result;
}

async function inspectFile(fs: VaultFs, root: string, abs: string, link: boolean): Promise<FoundFile | null> {
  try {
    let real = abs;
    if (link) {
      real = await fs.realpath(abs);
      if (!isInside(root, real)) return null;
    }
    const stats = await fs.stat(real);
    return stats.isFile() ? { abs: real, stats } : null;
  } catch {
    // Gone between the listing and now, or a link to nowhere: not a note.
    return null;
  }
}

function isMissing(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'ENOENT' || code === 'ENOTDIR';
}
