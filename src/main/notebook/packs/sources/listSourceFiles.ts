import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { FILE_CONCURRENCY } from '../../fs/fileConcurrency';

/** A file of a folder source, read. */
export interface SourceFile {
  /** Path relative to the folder, with `/` separators ("Bio/Cells.md"). */
  path: string;
  bytes: Buffer;
}

/** Folders never read: hidden ones (.obsidian, .git, .trash) and installed packages. */
function skipFolder(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/**
 * The files of a folder whose names `accept` takes, as paths relative to it with `/`
 * separators, in code-unit order (the same on every machine). Hidden files and folders are
 * skipped; with `recursive`, subfolders are walked too (symbolic links to folders are not
 * followed, so a loop cannot trap the walk). Reads listings only.
 */
export async function findSourceFiles(
  dir: string,
  accept: (name: string) => boolean,
  recursive = false,
): Promise<string[]> {
  const found: string[] = [];
  const pending = [''];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    for (const dirent of await fs.readdir(join(dir, folder), { withFileTypes: true })) {
      const path = folder === '' ? dirent.name : `${folder}/${dirent.name}`;
      if (dirent.isDirectory()) {
        if (recursive && !skipFolder(dirent.name)) pending.push(path);
        continue;
      }
      if (dirent.name.startsWith('.') || !accept(dirent.name)) continue;
      const isFile =
        dirent.isFile() ||
        (dirent.isSymbolicLink() && (await fs.stat(join(dir, path)).catch(() => null))?.isFile() === true);
      if (isFile) found.push(path);
    }
  }
  return found.sort(compareCodeUnits);
}

/**
 * Reads files found by findSourceFiles, FILE_CONCURRENCY at a time (a folder of 100,000
 * notes never means 100,000 open files), keeping their order.
 *
 * @param onFile called after each file is read (progress), with the count so far and the total.
 */
export async function readSourceFiles(
  dir: string,
  paths: readonly string[],
  onFile?: (done: number, total: number) => void,
): Promise<SourceFile[]> {
  let done = 0;
  return pLimit(FILE_CONCURRENCY).map(paths, async (path) => {
    const bytes = await fs.readFile(join(dir, ...path.split('/')));
    onFile?.(++done, paths.length);
    return { path, bytes };
  });
}

export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
