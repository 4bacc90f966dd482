import { resolve } from 'node:path';
import { defaultVaultPath } from '../defaultLocations';

/** The environment variable that names a vault when no `--vault` flag is given. */
export const VAULT_ENV = 'STUDY_NOTEBOOK_VAULT';

export interface VaultChoiceInput {
  /** The `--vault` flag's value, if given. */
  flag?: string;
  /** The environment (STUDY_NOTEBOOK_VAULT is read from it). */
  env: NodeJS.ProcessEnv;
  /** The vault remembered in the settings, if any. */
  remembered?: string;
  /** The user's documents folder; the default vault is "Study Notebook" in it. */
  documentsDir: string;
  /** Relative flag and variable values are resolved against this (the launching shell's folder). */
  cwd: string;
  /** Whether a folder exists now (the remembered vault is skipped when it is gone). */
  isFolder: (path: string) => boolean;
}

export interface VaultChoice {
  /** Absolute path of the vault to open. */
  path: string;
  /** Where it came from, for the startup message. */
  source: 'flag' | 'env' | 'remembered' | 'default';
}

/**
 * Which vault to open at startup, for both hosts: the `--vault` flag, else
 * `$STUDY_NOTEBOOK_VAULT`, else the remembered vault if it still exists, else "Study
 * Notebook" in the documents folder. A leading `~/` means the home folder. The result is
 * absolute; the folder itself may not exist yet (it is created on open).
 */
export function resolveVaultPath(input: VaultChoiceInput): VaultChoice {
  const flag = input.flag?.trim();
  if (flag) return { path: absoluteFromShell(flag, input), source: 'flag' };
  const env = input.env[VAULT_ENV]?.trim();
  if (env) return { path: absoluteFromShell(env, input), source: 'env' };
  if (input.remembered && input.isFolder(input.remembered))
    return { path: resolve(input.remembered), source: 'remembered' };
  return { path: defaultVaultPath(input.documentsDir), source: 'default' };
}

/**
 * A folder named on the command line or in the environment, made absolute: a leading `~/`
 * means the home folder, a relative path is taken from `cwd`.
 */
export function absoluteFromShell(path: string, input: Pick<VaultChoiceInput, 'env' | 'cwd'>): string {
  const home = input.env.HOME || input.env.USERPROFILE;
  if (home && (path === '~' || path.startsWith('~/') || path.startsWith('~\\'))) return resolve(home, path.slice(2));
  return resolve(input.cwd, path);
}
