import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { errorCode, type VaultFs } from './VaultFs';

/**
 * Moves a file to `to` without ever replacing an existing file there: fails with an
 * EEXIST error instead. Uses a hard link then removes the old name (atomic "create if
 * absent"); on file systems without hard links, checks then renames (a tiny race window,
 * the best those file systems allow). Both paths must be on one file system.
 */
export async function moveFileNoReplace(fs: VaultFs, from: string, to: string): Promise<void> {
  try {
    await fs.link(from, to);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'EEXIST') throw error;
    if (!(code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS')) throw error;
    await assertAbsent(fs, to);
    await fs.rename(from, to);
    return;
  }
  try {
    await fs.unlink(from);
  } catch (error) {
    // Undo the link so the note does not end up under two names.
    await fs.unlink(to).catch(() => undefined);
    throw error;
  }
}

/**
 * Renames a file to a name that differs only in letter case ("cells.md" → "Cells.md").
 * Goes through a temporary name, because on case-insensitive file systems (macOS,
 * Windows) a direct rename may be a no-op. Restores the old name if the second step fails.
 */
export async function renameCaseOnly(fs: VaultFs, from: string, to: string): Promise<void> {
  const temp = join(dirname(from), `.${basename(from)}.${randomBytes(6).toString('hex')}.rename.tmp`);
  await fs.rename(from, temp);
  try {
    await fs.rename(temp, to);
  } catch (error) {
    await fs.rename(temp, from).catch(() => undefined);
    throw error;
  }
}

async function assertAbsent(fs: VaultFs, path: string): Promise<void> {
  try {
    await fs.lstat(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return;
    throw error;
  }
  throw Object.assign(new Error(`EEXIST: file already exists, rename '${path}'`), {
    code: 'EEXIST',
    syscall: 'rename',
    path,
  });
}
