import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from '@shared/api/validate';
import { ensureFolder, nodeVaultFs } from '../fs/VaultFs';
import { writeFileAtomic } from '../fs/writeFileAtomic';

/** What the app remembers across vaults, in `settings.json` in the app's state folder. */
export interface AppSettings {
  /** The vault opened last (absolute path), reopened when no flag or variable names one. */
  lastVault?: string;
}

const settingsFile = v.object({
  lastVault: v.optional(v.string({ min: 1, max: 4096 })),
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
    return parsed.lastVault !== undefined && !isAbsolutePath(parsed.lastVault) ? {} : parsed;
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

  async update(patch: AppSettings): Promise<AppSettings> {
    const run = this.writing
      .catch(() => undefined)
      .then(async () => {
        const next = { ...readSettings(this.stateDir), ...patch };
        await ensureFolder(nodeVaultFs, this.stateDir);
        await writeFileAtomic(join(this.stateDir, SETTINGS_FILE), `${JSON.stringify(next, null, 2)}\n`);
        return next;
      });
    this.writing = run.then(() => undefined);
    return run;
  }
}

function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(path) || path.startsWith('\\\\');
}
