import { promises as fs } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { NotebookError } from '@shared/api/errors';
import { attachmentKindOf } from '@shared/domain/attachments';
import { vaultPathOfUrl } from './readVaultFile';

/**
 * The real absolute path of an attachment of the vault at `path` (vault-relative), or null
 * when it is not one: a path refused by vaultPathOfUrl (`..`, absolute, hidden parts), a
 * file that is missing, not a regular file, reached through a symbolic link leading out of
 * the vault, or whose name is not an attachment's (a note, a script, no extension).
 */
export async function vaultAttachmentPath(vaultPath: string, path: string): Promise<string | null> {
  if (vaultPathOfUrl(encodeURIComponent(path).replace(/%2F/g, '/')) === null) return null;
  if (attachmentKindOf(path) === null) return null;
  try {
    const root = await fs.realpath(resolve(vaultPath));
    const real = await fs.realpath(resolve(root, ...path.split('/')));
    const inside = relative(root, real);
    if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return null;
    if (attachmentKindOf(real) === null) return null;
    return (await fs.stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}

/**
 * Opens an attachment of the vault with the system's app (see NotebookApi.openAttachment).
 * Only attachments (by extension: images, PDFs, audio, video, office documents…), never a
 * program or script, so opening one never runs code the note chose.
 * @throws not-found for anything vaultAttachmentPath refuses; invalid-arguments without
 *   `openPath` (the browser build); io-failure when the system cannot open it.
 */
export async function openVaultAttachment(
  vaultPath: string,
  path: string,
  openPath: ((absolutePath: string) => Promise<string>) | undefined,
): Promise<void> {
  if (!openPath) throw new NotebookError('invalid-arguments', 'This build cannot open files with another app.');
  const real = await vaultAttachmentPath(vaultPath, path);
  if (real === null) throw new NotebookError('not-found', `There is no attachment "${path}" in the vault.`);
  const problem = await openPath(real);
  if (problem) throw new NotebookError('io-failure', `The file could not be opened: ${problem}`);
}
