import { createHash } from 'node:crypto';
import { join } from 'node:path';

/**
 * The per-vault folder for state and caches inside the app's state folder. Keyed by a
 * hash of the vault's absolute path so two vaults never share caches, and nothing is
 * ever written inside the vault itself.
 */
export function vaultStateDir(stateDir: string, vaultPath: string): string {
  const key = createHash('sha256').update(vaultPath).digest('hex').slice(0, 16);
  return join(stateDir, 'vaults', key);
}
