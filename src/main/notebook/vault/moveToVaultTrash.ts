import { join } from 'node:path';
import { NotebookError } from '@shared/api/errors';
import { folderOfPath, titleOfPath } from '@shared/domain/notePath';
import { moveFileNoReplace } from '../fs/moveFile';
import { errorCode, type VaultFs } from '../fs/VaultFs';

/** The vault's own trash folder, as Obsidian names it ("Move to Obsidian trash"). */
export const VAULT_TRASH = '.trash';

/** The trash folder for a note path: `.trash` plus the note's folder ("Biology/Cells.md" → ".trash/Biology"). */
export function trashFolderFor(path: string): string {
  const folder = folderOfPath(path);
  return folder ? `${VAULT_TRASH}/${folder}` : VAULT_TRASH;
}

/**
 * Moves the note at `path` (file `from`) into `trashFolder`, the real path of
 * trashFolderFor(path) (created and checked to be inside the vault by the caller, see
 * VaultPaths.forFolder). A name already taken in the trash gets a number ("Cells 1.md",
 * "Cells 2.md", …): nothing in the trash is ever replaced. Returns the vault-relative
 * path in the trash.
 */
export async function moveToVaultTrash(fs: VaultFs, trashFolder: string, path: string, from: string): Promise<string> {
  const title = titleOfPath(path);
  const extension = path.slice(path.length - 3);
  for (let n = 0; n < 10_000; n++) {
    const name = n === 0 ? `${title}${extension}` : `${title} ${n}${extension}`;
    try {
      await moveFileNoReplace(fs, from, join(trashFolder, name));
      return `${trashFolderFor(path)}/${name}`;
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error;
    }
  }
  throw new NotebookError('io-failure', `The vault's ${VAULT_TRASH} folder has too many notes named "${title}".`);
}
