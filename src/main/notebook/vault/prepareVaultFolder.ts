import { homedir } from 'node:os';
import { dirname, isAbsolute, resolve } from 'node:path';
import { NotebookError } from '@shared/api/errors';
import { ensureFolder, errorCode, nodeVaultFs, type VaultFs } from '../fs/VaultFs';
import { describeIoError } from './ioFailure';
import { isInside } from './VaultPaths';

export interface VaultFolderRules {
  /** The app's state folder: a vault there (or inside it) would mix notes with app data. */
  stateDir: string;
  /** The glossary: read-only, never a vault. */
  glossaryDir: string;
  fs?: VaultFs;
}

/**
 * Checks a folder the user chose as a vault and creates it if missing. Accepts an
 * absolute path or one starting with `~/`. Refuses, with a message saying why: a
 * relative path, a file, the root of a disk, the app's state folder or anything inside
 * it, and the glossary folder or anything inside it.
 *
 * @returns the folder's absolute path (as given, normalised; not the real path, so the
 *   app shows the path the user knows).
 * @throws NotebookError invalid-arguments or io-failure.
 */
export async function prepareVaultFolder(input: string, rules: VaultFolderRules): Promise<string> {
  const fs = rules.fs ?? nodeVaultFs;
  const path = vaultPathOf(input);
  if (dirname(path) === path)
    throw new NotebookError('invalid-arguments', 'Choose a folder for the vault, not the root of a disk.');
  const state = await real(fs, rules.stateDir);
  const glossary = await real(fs, rules.glossaryDir);
  const refuse = (candidate: string) => {
    if (isInside(rules.stateDir, candidate) || isInside(state, candidate)) {
      throw new NotebookError(
        'invalid-arguments',
        `${path} is inside the app's own state folder; choose a folder of your own.`,
      );
    }
    if (isInside(rules.glossaryDir, candidate) || isInside(glossary, candidate)) {
      throw new NotebookError(
        'invalid-arguments',
        `${path} is the app's glossary folder, which is read-only; choose another folder.`,
      );
    }
  };
  refuse(path);
  try {
    const stats = await fs.stat(path);
    if (!stats.isDirectory()) throw new NotebookError('invalid-arguments', `${path} is a file, not a folder.`);
  } catch (error) {
    if (error instanceof NotebookError) throw error;
    if (errorCode(error) !== 'ENOENT')
      throw new NotebookError('io-failure', `Cannot open ${path}: ${describeIoError(error, path, false)}.`);
    try {
      await ensureFolder(fs, path);
    } catch (mkdirError) {
      throw new NotebookError(
        'io-failure',
        `Cannot create the folder ${path}: ${describeIoError(mkdirError, path, false)}.`,
      );
    }
  }
  refuse(await real(fs, path));
  return path;
}

/**
 * The absolute, normalised form of a vault folder as typed: trimmed, a leading `~/` taken
 * as the home folder, `.` and `..` parts resolved. Touches no disk.
 *
 * @throws NotebookError invalid-arguments for a relative path.
 */
export function vaultPathOf(input: string): string {
  const trimmed = input.trim();
  const expanded = trimmed === '~' || trimmed.startsWith('~/') ? resolve(homedir(), trimmed.slice(2)) : trimmed;
  if (!isAbsolute(expanded)) {
    throw new NotebookError(
      'invalid-arguments',
      `Type the full path of the vault folder (like ${resolve(homedir(), 'Notes')}), not "${trimmed}".`,
    );
  }
  return resolve(expanded);
}

async function real(fs: VaultFs, path: string): Promise<string> {
  try {
    return await fs.realpath(path);
  } catch {
    return resolve(path);
  }
}
