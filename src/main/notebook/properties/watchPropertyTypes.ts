import { type Stats, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { PropertyTypesInfo } from '@shared/domain/propertyTypes';
import { readVaultPropertyTypes } from './propertyTypesFile';

/** How often `.obsidian/types.json` is checked for changes made outside the app. */
export const PROPERTY_TYPES_POLL_MS = 2000;

/**
 * Calls `onChange` with the vault's property types each time `.obsidian/types.json` changes
 * on disk, whoever changed it (Obsidian, a sync tool, another device): created, edited,
 * replaced or removed. The file's status is polled, one `stat` per interval, because the
 * file and its folder may not exist yet and Obsidian replaces the file rather than editing
 * it; watching the folder would miss both. The first status is taken by this call, so any
 * change after it is reported. The file is read as `getPropertyTypes` reads it
 * (a link or an oversized file is reported, never followed or loaded). Checks never overlap.
 * Returns the function that stops watching.
 */
export function watchPropertyTypes(
  vaultPath: string,
  onChange: (info: PropertyTypesInfo) => void,
  intervalMs = PROPERTY_TYPES_POLL_MS,
): () => void {
  const file = join(vaultPath, '.obsidian', 'types.json');
  let stopped = false;
  let checking = false;
  // The state the app starts from, taken now: any change after this call is reported.
  let known = currentVersion(file);
  const check = async () => {
    if (checking || stopped) return;
    checking = true;
    try {
      const now = await stat(file).then(versionOf, () => NO_FILE);
      if (now === known || stopped) return;
      known = now;
      const info = await readVaultPropertyTypes(vaultPath);
      if (!stopped) onChange(info);
    } finally {
      checking = false;
    }
  };
  const timer = setInterval(() => void check(), intervalMs);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}

const NO_FILE = 'none';

/** What tells versions of the file apart: its inode, size and modification time. */
function versionOf(stats: Stats): string {
  return `${stats.ino}:${stats.size}:${stats.mtimeMs}`;
}

function currentVersion(file: string): string {
  try {
    return versionOf(statSync(file));
  } catch {
    return NO_FILE;
  }
}
