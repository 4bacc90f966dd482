import { homedir } from 'node:os';
import { join } from 'node:path';

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
export function defaultVaultPath(documentsDir = join(homedir(), 'Documents')): string {
  return join(documentsDir, APP_FOLDER);
}
