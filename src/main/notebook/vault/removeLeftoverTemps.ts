import type { VaultFs } from '../fs/VaultFs';

/** A temporary file of ours older than this is the remains of an interrupted write. */
export const LEFTOVER_TEMP_AGE_MS = 60_000;

/**
 * Deletes temporary files that atomic writes cut short by a crash left in the vault
 * (scanFolder finds them), once they are older than a write could take (another instance
 * may be mid-write). Their note files hold the old content; the edits are in the drafts.
 * A file that cannot be removed is logged and left.
 */
export async function removeLeftoverTemps(
  fs: VaultFs,
  paths: string[],
  log: (message: string, error?: unknown) => void,
): Promise<void> {
  for (const abs of paths) {
    try {
      const stats = await fs.lstat(abs);
      if (stats.isFile() && Date.now() - stats.mtimeMs > LEFTOVER_TEMP_AGE_MS) await fs.rm(abs, { force: true });
    } catch (error) {
      log(`Could not remove the leftover temporary file ${abs}`, error);
    }
  }
}
