import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

const APP_FOLDER = 'Study Notebook';

/**
 * The per-user folder for app state and caches, the same one Electron's
 * `app.getPath('userData')` gives for this product name, so the desktop app and
 * `npm run serve` share what they remember.
 */
export function defaultStateDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER);
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), APP_FOLDER);
}

/** The vault used when nothing else was chosen: "Study Notebook" in the user's documents folder. */
export function defaultVaultPath(documentsDir = userDocumentsDir()): string {
  return join(documentsDir, APP_FOLDER);
}

export interface DocumentsDirInput {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  home?: string;
  /** Reads a text file, or throws; for tests. */
  readText?: (path: string) => string;
}

/**
 * The user's documents folder without Electron (for `npm run serve`), as Electron's
 * `app.getPath('documents')` finds it: on Linux and other XDG systems the
 * `XDG_DOCUMENTS_DIR` entry of `~/.config/user-dirs.dirs` (localised folders such as
 * "Dokumente"), else `~/Documents`.
 */
export function userDocumentsDir(input: DocumentsDirInput = {}): string {
  const env = input.env ?? process.env;
  const platform = input.platform ?? process.platform;
  const home = input.home ?? homedir();
  const fallback = join(home, 'Documents');
  if (platform === 'win32' || platform === 'darwin') return fallback;
  const readText = input.readText ?? ((path: string) => readFileSync(path, 'utf8'));
  let text: string;
  try {
    text = readText(join(env.XDG_CONFIG_HOME || join(home, '.config'), 'user-dirs.dirs'));
  } catch {
    return fallback;
  }
  return parseUserDirs(text, 'XDG_DOCUMENTS_DIR', home) ?? fallback;
}

/**
 * One entry of a user-dirs.dirs file (lines like `XDG_DOCUMENTS_DIR="$HOME/Documents"`;
 * only `$HOME/…` and absolute paths are valid there), or null.
 */
export function parseUserDirs(text: string, key: string, home: string): string | null {
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([A-Z_]+)\s*=\s*"(.*)"\s*$/.exec(line);
    if (!match || match[1] !== key) continue;
    const value = (match[2] as string).replace(/\\(.)/g, '$1');
    if (value === '$HOME' || value === '$HOME/') return home;
    if (value.startsWith('$HOME/')) return join(home, value.slice('$HOME/'.length));
    if (isAbsolute(value)) return value;
    return null;
  }
  return null;
}
