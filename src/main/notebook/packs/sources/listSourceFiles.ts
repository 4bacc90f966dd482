import { promises as fs } from 'node:fs';
import { join, relative, sep } from 'node:path';
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
 * Reads the files of a folder whose names `accept` takes, in code-unit order of their
 * paths (the same on every machine). Hidden files and folders are skipped; with
 * `recursive`, subfolders are walked too (symbolic links to folders are not followed, so a
 * loop cannot trap the walk). Files are read FILE_CONCURRENCY at a time, never all at once.
 *
 * @param onFile called after each file is read (progress), with the count so far and the total.
 */
export async function listSourceFiles(
  dir: string,
  accept: (name: string) => boolean,
  options: { recursive?: boolean; onFile?: (done: number, total: number) => void } = {},
): Promise<SourceFile[]> {
  const paths: string[] = [];
  const pending = [dir];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    for (const dirent of await fs.readdir(folder, { withFileTypes: true })) {
      const abs = join(folder, dirent.name);
      if (dirent.isDirectory()) {
        if (options.recursive && !skipFolder(dirent.name)) pending.push(abs);
        continue;
      }
      if (dirent.name.startsWith('.') || !accept(dirent.name)) continue;
      const isFile = dirent.isFile() || (dirent.isSymbolicLink() && (await fs.stat(abs).catch(() => null))?.isFile());
      if (isFile) paths.push(abs);
    }
  }
  const relativePaths = paths.map((abs) => relative(dir, abs).split(sep).join('/'));
  const order = relativePaths.map((_, i) => i).sort((a, b) => compareCodeUnits(relativePaths[a]!, relativePaths[b]!));
  let done = 0;
  return pLimit(FILE_CONCURRENCY).map(order, async (i) => {
    const bytes = await fs.readFile(paths[i]!);
    options.onFile?.(++done, order.length);
    return { path: relativePaths[i]!, bytes };
  });
}

export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
