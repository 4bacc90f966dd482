import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { notePathProblem } from '@shared/domain/notePath';
import { writeFileAtomic } from '../fs/writeFileAtomic';

/** The highlights folder when the vault names none. */
export const DEFAULT_HIGHLIGHTS_FOLDER = 'Highlights';

/**
 * Where the vault keeps the app's own settings for it: a hidden folder of the vault, so a
 * copied or synced vault keeps them (the vault's listing, search and links skip hidden
 * folders), beside Obsidian's `.obsidian/` rather than inside it (Obsidian owns that one).
 */
export const VAULT_SETTINGS_DIR = '.study-notebook';
/** `{ "folder": "Highlights" }`: the vault's highlights folder (see docs/highlight-files.md). */
export const HIGHLIGHTS_SETTING_FILE = 'highlights.json';

/** A settings file larger than this is not read (one is a few dozen bytes). */
const MAX_SETTING_FILE = 64 * 1024;

/** Why `folder` cannot be the highlights folder, or null when it can. */
export function highlightsFolderProblem(folder: string): string | null {
  if (folder === '') return 'must name a folder of the vault, not the vault itself';
  const problem = notePathProblem(`${folder}/x.md`);
  return problem ? `is not a usable folder path: it ${problem}` : null;
}

/**
 * The vault's highlights folder, as `.study-notebook/highlights.json` names it; the default
 * when there is no such file, or when it is not a plain file of the vault, is too large, is
 * not JSON or names an unusable folder (reported to `log`, never rewritten until the user
 * chooses a folder).
 */
export async function readHighlightsFolder(
  vaultPath: string,
  log: (message: string, error?: unknown) => void,
): Promise<string> {
  const dir = join(vaultPath, VAULT_SETTINGS_DIR);
  const file = join(dir, HIGHLIGHTS_SETTING_FILE);
  try {
    for (const [path, kind] of [
      [dir, 'folder'],
      [file, 'file'],
    ] as const) {
      const stat = await fs.lstat(path).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return null;
        throw error;
      });
      if (stat === null) return DEFAULT_HIGHLIGHTS_FOLDER;
      // A link could lead outside the vault: never followed.
      if (stat.isSymbolicLink() || (kind === 'folder' ? !stat.isDirectory() : !stat.isFile())) {
        log(`${VAULT_SETTINGS_DIR}/${HIGHLIGHTS_SETTING_FILE} is not a plain file of the vault: not used`);
        return DEFAULT_HIGHLIGHTS_FOLDER;
      }
      if (kind === 'file' && stat.size > MAX_SETTING_FILE) {
        log(`${VAULT_SETTINGS_DIR}/${HIGHLIGHTS_SETTING_FILE} is too large: not used`);
        return DEFAULT_HIGHLIGHTS_FOLDER;
      }
    }
    const data: unknown = JSON.parse(await fs.readFile(file, 'utf8'));
    const folder = typeof data === 'object' && data !== null ? (data as { folder?: unknown }).folder : undefined;
    if (typeof folder === 'string' && highlightsFolderProblem(folder) === null) return folder;
    log(
      `${VAULT_SETTINGS_DIR}/${HIGHLIGHTS_SETTING_FILE} names no usable folder: "${DEFAULT_HIGHLIGHTS_FOLDER}" is used`,
    );
  } catch (error) {
    log(
      `${VAULT_SETTINGS_DIR}/${HIGHLIGHTS_SETTING_FILE} could not be read: "${DEFAULT_HIGHLIGHTS_FOLDER}" is used`,
      error,
    );
  }
  return DEFAULT_HIGHLIGHTS_FOLDER;
}

/** Records the vault's highlights folder, atomically (the settings folder is made when missing). */
export async function writeHighlightsFolder(vaultPath: string, folder: string): Promise<void> {
  const dir = join(vaultPath, VAULT_SETTINGS_DIR);
  await fs.mkdir(dir, { recursive: true });
  const stat = await fs.lstat(dir);
  if (stat.isSymbolicLink() || !stat.isDirectory()) {
    throw new Error(`${VAULT_SETTINGS_DIR} is not a plain folder of the vault`);
  }
  await writeFileAtomic(join(dir, HIGHLIGHTS_SETTING_FILE), `${JSON.stringify({ folder }, null, 2)}\n`);
}
