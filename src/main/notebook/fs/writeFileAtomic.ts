import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { errorCode, nodeVaultFs, type VaultFileHandle, type VaultFs } from './VaultFs';

export interface WriteOptions {
  /** Permission bits for a new file. Default 0o644 (before the umask). */
  mode?: number;
  /** The file system to use; the real one by default (tests inject faults). */
  fs?: VaultFs;
}

/**
 * Writes `data` to `path` so that readers (and a crash at any instant) see either
 * the old content or the new one, never a mix: the data goes to a temporary file in
 * the same folder, is flushed to disk, then renamed over the target, and the folder
 * entry is flushed too. The temporary file is removed if anything fails, and the old
 * file is then untouched. The temporary name starts with a dot and ends in `.tmp`, so
 * file watchers and note listings skip it.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: WriteOptions = {},
): Promise<void> {
  const fs = options.fs ?? nodeVaultFs;
  const temp = await writeTempFile(fs, path, data, options.mode);
  try {
    await fs.rename(temp, path);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncDirectory(fs, dirname(path));
}

/**
 * Like writeFileAtomic, but never replaces an existing file: fails with an EEXIST error
 * when `path` exists, even if it appears while this runs. The file appears complete or
 * not at all. (Uses a hard link, which is atomic and refuses to overwrite; on file
 * systems without hard links it falls back to an exclusive create.)
 */
export async function writeFileExclusive(
  path: string,
  data: string | Uint8Array,
  options: WriteOptions = {},
): Promise<void> {
  const fs = options.fs ?? nodeVaultFs;
  const temp = await writeTempFile(fs, path, data, options.mode);
  try {
    await fs.link(temp, path);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    if (!linkUnsupported(errorCode(error))) throw error;
    await writeExclusiveInPlace(fs, path, data, options.mode);
    await syncDirectory(fs, dirname(path));
    return;
  }
  await fs.rm(temp, { force: true }).catch(() => undefined);
  await syncDirectory(fs, dirname(path));
}

/** The temporary name used beside `path`: hidden, random, ending in `.tmp`. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * True for a name tempPathFor makes (`.Cells.md.1a2b3c4d5e6f.tmp`). One that stays on
 * disk is the remains of a write cut short by a crash or power loss; the file it was
 * meant for still holds its previous content.
 */
export function isTempFileName(name: string): boolean {
  return /^\..+\.[0-9a-f]{12}\.tmp$/.test(name);
}

async function writeTempFile(fs: VaultFs, path: string, data: string | Uint8Array, mode = 0o644): Promise<string> {
  const temp = tempPathFor(path);
  let handle: VaultFileHandle | undefined;
  try {
    handle = await fs.open(temp, 'wx', mode);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    return temp;
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}

async function writeExclusiveInPlace(fs: VaultFs, path: string, data: string | Uint8Array, mode = 0o644) {
  const handle = await fs.open(path, 'wx', mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    // We created this file a moment ago: a half-written one must not stay behind.
    await fs.rm(path, { force: true }).catch(() => undefined);
    throw error;
  }
}

function linkUnsupported(code: string | undefined): boolean {
  // FAT/exFAT and some network shares: EPERM or ENOTSUP/EOPNOTSUPP; ENOSYS on exotic mounts.
  return code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS' || code === 'EXDEV';
}

async function syncDirectory(fs: VaultFs, dir: string): Promise<void> {
  // Makes the rename itself durable. Not supported on every platform (Windows): best effort.
  let handle: VaultFileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // Ignored: the data file itself is already on disk.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
