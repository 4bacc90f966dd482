import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { app } from 'electron';
import type { NotebookConfig } from '../notebook/NotebookConfig';
import { resolveVaultPath, VAULT_ENV } from '../notebook/settings/resolveVaultPath';
import { readSettings } from '../notebook/settings/SettingsStore';

export { VAULT_ENV };

/**
 * The value of `--<name> <value>` or `--<name>=<value>` in `argv`, or undefined when
 * absent. The last occurrence wins, as with most command-line tools. Everything else on
 * the command line (Electron's and Chromium's own switches, the app folder) is left
 * alone; a `--` ends the options, as usual.
 *
 * @throws Error when the flag is the last argument, has an empty value, or is followed
 *   by another flag instead of a value.
 */
export function flagValue(argv: readonly string[], name: string): string | undefined {
  const flag = `--${name}`;
  const { tokens } = parseArgs({
    args: [...argv],
    options: { [name]: { type: 'string' } },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  let value: string | undefined;
  for (const token of tokens) {
    if (token.kind !== 'option' || token.rawName !== flag) continue;
    if (token.inlineValue) {
      if (token.value === '') throw new Error(`${flag} needs a folder, e.g. ${flag}=~/Notes`);
    } else if (token.value === undefined || token.value === '' || token.value.startsWith('--')) {
      throw new Error(`${flag} needs a folder, e.g. ${flag} ~/Notes`);
    }
    value = token.value;
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
 * - glossary: the shipped glossary's sources, `resources/glossary/sources` (seeded into the
 *   state folder as the built-in reference pack), inside the app's resources when packaged
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
    ? join(process.resourcesPath, 'glossary', 'sources')
    : join(app.getAppPath(), 'resources', 'glossary', 'sources');
  return { vaultPath, glossaryDir, stateDir };
}
