import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * Replaces the folder `dir` by a folder holding exactly `files` (name → UTF-8 content),
 * so that it is never left half-written.
 *
 * The files are written and flushed into a staging folder beside `dir` (same parent, hence
 * same file system), then the old folder is renamed aside, the staging folder renamed into
 * place and the old one deleted. If writing fails, the staging folder is removed and `dir`
 * is untouched; if the final rename fails, the old folder is put back. Node has no atomic
 * exchange of two folders, so a reader may find `dir` missing for the instant between the
 * two renames, but never finds a mix of old and new files. The parent folder is created if
 * needed.
 *
 * @param files plain file names (no path separators).
 * @throws the underlying file-system error; `dir` then still holds its previous content.
 */
export async function replaceDirectory(dir: string, files: ReadonlyMap<string, string>): Promise<void> {
  for (const name of files.keys()) {
    if (name === '' || name === '.' || name === '..' || /[/\\]/.test(name)) {
      throw new Error(`replaceDirectory: "${name}" is not a plain file name`);
    }
  }
  const target = resolve(dir);
  const parent = dirname(target);
  await fs.mkdir(parent, { recursive: true });
  const staging = await fs.mkdtemp(join(parent, `.${basename(target)}.staging-`));
  try {
    for (const [name, content] of files) await writeDurably(join(staging, name), content);
    await syncDirectory(staging);
  } catch (error) {
    await fs.rm(staging, { recursive: true, force: true });
    throw error;
  }

  const previous = join(parent, `.${basename(target)}.previous-${randomBytes(6).toString('hex')}`);
  let movedAside = false;
  try {
    await fs.rename(target, previous);
    movedAside = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      await fs.rm(staging, { recursive: true, force: true });
      throw error;
    }
  }
  try {
    await fs.rename(staging, target);
  } catch (error) {
    if (movedAside) await fs.rename(previous, target);
    await fs.rm(staging, { recursive: true, force: true });
    throw error;
  }
  await syncDirectory(parent);
  if (movedAside) await fs.rm(previous, { recursive: true, force: true });
}

async function writeDurably(path: string, content: string): Promise<void> {
  const handle = await fs.open(path, 'wx', 0o644);
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function syncDirectory(dir: string): Promise<void> {
  // Makes the renames durable; folders cannot be opened for sync on every platform (Windows).
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // Best effort: the files themselves are already flushed.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
