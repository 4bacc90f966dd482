import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { app } from 'electron';
import type { NotebookConfig } from '../notebook/NotebookConfig';
import { resolveVaultPath, VAULT_ENV } from '../notebook/settings/resolveVaultPath';
import { readSettings } from '../notebook/settings/SettingsStore';

export { VAULT_ENV };

/**
 * The value of `--<name> <value>` or `--<name>=<value>` in `argv`, or undefined when
 * absent. The last occurrence wins, as with most command-line tools.
 *
 * @throws Error when the flag is the last argument or has an empty value.
 */
export function flagValue(argv: readonly string[], name: string): string | undefined {
  const flag = `--${name}`;
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === flag) {
      const next = argv[i + 1];
      if (next === undefined || next === '' || next.startsWith('--')) {
        throw new Error(`${flag} needs a folder, e.g. ${flag} ~/Notes`);
      }
      value = next;
      i++;
    } else if (arg.startsWith(`${flag}=`)) {
      const inline = arg.slice(flag.length + 1);
      if (inline === '') throw new Error(`${flag} needs a folder, e.g. ${flag}=~/Notes`);
      value = inline;
    }
  }
  return value;
}

/** The value of `--vault <dir>` (see flagValue). */
export function vaultArgument(argv: readonly string[]): string | undefined {
  return flagValue(argv, 'vault');
}

export type AppPaths = Pick<NotebookConfig, 'vaultPath' | 'glossaryDir' | 'stateDir'>;

export interface ResolveAppPathsInput {
  argv?: readonly string[];
  env?: NodeJS.ProcessEnv;
  /** Relative `--vault`/env folders are resolved against this (the launching shell's folder). */
  cwd?: string;
  /** Whether a folder exists (the remembered vault is skipped when gone); for tests. */
  isFolder?: (path: string) => boolean;
}

/**
 * Where the desktop app keeps things:
 * - vault: `--vault <dir>`, else `$STUDY_NOTEBOOK_VAULT`, else the vault opened last (if
 *   it still exists), else "Study Notebook" in the user's Documents folder; always
 *   absolute (see resolveVaultPath, shared with `npm run serve`);
 * - glossary: `resources/glossary/entries`, inside the app's resources when packaged
 *   (electron-builder `extraResources`), else in the source tree;
 * - state: `--state-dir <dir>` (used by the end-to-end tests), else Electron's userData
 *   folder, the one `npm run serve` also uses.
 *
 * @throws Error for a malformed `--vault` (see vaultArgument).
 */
export function resolveAppPaths(input: ResolveAppPathsInput = {}): AppPaths {
  const { argv = process.argv, env = process.env, cwd = process.cwd() } = input;
  const isFolder =
    input.isFolder ?? ((path: string) => statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false);
  const stateDirFlag = flagValue(argv, 'state-dir');
  const stateDir = stateDirFlag ? resolve(cwd, stateDirFlag) : app.getPath('userData');
  const { path: vaultPath } = resolveVaultPath({
    flag: vaultArgument(argv),
    env,
    remembered: readSettings(stateDir).lastVault,
    documentsDir: app.getPath('documents'),
    cwd,
    isFolder,
  });
  const glossaryDir = app.isPackaged
    ? join(process.resourcesPath, 'glossary', 'entries')
    : join(app.getAppPath(), 'resources', 'glossary', 'entries');
  return { vaultPath, glossaryDir, stateDir };
}
