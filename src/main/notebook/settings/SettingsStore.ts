import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from '@shared/api/validate';
import { ensureFolder, nodeVaultFs } from '../fs/VaultFs';
import { writeFileAtomic } from '../fs/writeFileAtomic';

/** What the app remembers across vaults, in `settings.json` in the app's state folder. */
export interface AppSettings {
  /** The vault opened last (absolute path), reopened when no flag or variable names one. */
  lastVault?: string;
  /**
   * Every vault opened so far (absolute paths), most recent first, at most MAX_REMEMBERED_VAULTS:
   * the folders the page may switch to without the user picking them again.
   */
  vaults?: string[];
  /** Images from the web in notes: `'always'` loads them (through the backend), else each note asks. */
  remoteImages?: 'ask' | 'always';
  /** Definitions of glossary terms in notes: `'off'` turns them off everywhere (default on). */
  termDefinitions?: 'on' | 'off';
}

/** How many vaults the app remembers; older ones must be picked (or named on the command line) again. */
export const MAX_REMEMBERED_VAULTS = 20;

const absolutePath = v.string({ min: 1, max: 4096 });
const settingsFile = v.object({
  lastVault: v.optional(absolutePath),
  vaults: v.optional(v.array(absolutePath, 1000)),
  remoteImages: v.optional(v.literal('ask', 'always')),
  termDefinitions: v.optional(v.literal('on', 'off')),
});

export const SETTINGS_FILE = 'settings.json';

/**
 * Reads the settings. A missing, unreadable or invalid file gives the defaults (`{}`):
 * losing a remembered vault must never stop the app from starting. Synchronous because
 * hosts need it while resolving paths at startup.
 */
export function readSettings(stateDir: string): AppSettings {
  try {
    const parsed = settingsFile(JSON.parse(readFileSync(join(stateDir, SETTINGS_FILE), 'utf8')), 'settings');
    const settings: AppSettings = {};
    if (parsed.lastVault !== undefined && isAbsolutePath(parsed.lastVault)) settings.lastVault = parsed.lastVault;
    const vaults = parsed.vaults?.filter(isAbsolutePath).slice(0, MAX_REMEMBERED_VAULTS);
    if (vaults?.length) settings.vaults = vaults;
    if (parsed.remoteImages !== undefined) settings.remoteImages = parsed.remoteImages;
    if (parsed.termDefinitions !== undefined) settings.termDefinitions = parsed.termDefinitions;
    return settings;
  } catch {
    return {};
  }
}

/**
 * Merges `patch` into the stored settings and writes them atomically. Writes are
 * chained so an older write never lands after a newer one.
 */
export class SettingsStore {
  private writing: Promise<void> = Promise.resolve();

  constructor(readonly stateDir: string) {}

  read(): AppSettings {
    return readSettings(this.stateDir);
  }

  /**
   * Merges `patch` (or what it returns for the current settings) into the stored settings
   * and writes them atomically.
   */
  async update(patch: AppSettings | ((current: AppSettings) => AppSettings)): Promise<AppSettings> {
    const run = this.writing
      .catch(() => undefined)
      .then(async () => {
        const current = readSettings(this.stateDir);
        const next = { ...current, ...(typeof patch === 'function' ? patch(current) : patch) };
        await ensureFolder(nodeVaultFs, this.stateDir);
        await writeFileAtomic(join(this.stateDir, SETTINGS_FILE), `${JSON.stringify(next, null, 2)}\n`);
        return next;
      });
    this.writing = run.then(() => undefined);
    return run;
  }

  /** Records `vaultPath` (absolute) as the vault opened last and at the head of the remembered vaults. */
  async rememberVault(vaultPath: string): Promise<AppSettings> {
    return this.update((current) => ({
      lastVault: vaultPath,
      vaults: [vaultPath, ...(current.vaults ?? []).filter((path) => path !== vaultPath)].slice(
        0,
        MAX_REMEMBERED_VAULTS,
      ),
    }));
  }
}

function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(path) || path.startsWith('\\\\');
}
