import { type Stats, unwatchFile, watchFile } from 'node:fs';
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
 * it; watching the folder would miss both. The file is read as `getPropertyTypes` reads it
 * (a link or an oversized file is reported, never followed or loaded). Only the newest read
 * is reported. Returns the function that stops watching.
 */
export function watchPropertyTypes(
  vaultPath: string,
  onChange: (info: PropertyTypesInfo) => void,
  intervalMs = PROPERTY_TYPES_POLL_MS,
): () => void {
  const file = join(vaultPath, '.obsidian', 'types.json');
  let stopped = false;
  let latest = 0;
  const listener = (current: Stats, previous: Stats) => {
    const same = current.mtimeMs === previous.mtimeMs && current.size === previous.size && current.ino === previous.ino;
    if (same || stopped) return;
    const read = ++latest;
    void readVaultPropertyTypes(vaultPath).then((info) => {
      if (!stopped && read === latest) onChange(info);
    });
  };
  watchFile(file, { persistent: false, interval: intervalMs }, listener);
  return () => {
    stopped = true;
    unwatchFile(file, listener);
  };
}
