import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { NoteChange } from '@shared/domain/note';
import { tempDirs } from '../../../testing/tempDirs';
import { VaultStore, type VaultStoreOptions } from '../VaultStore';

/**
 * A vault store on fresh temporary folders, recording every change it announces.
 * `dirs.cleanup()` (in afterEach) removes the folders; close the store first.
 */
export function testVaults() {
  const dirs = tempDirs();
  const open: VaultStore[] = [];

  return {
    dirs,
    /** A new vault folder (and a sibling state folder) without opening a store. */
    folders() {
      const base = dirs.make('vault-test-');
      const vaultPath = join(base, 'vault');
      const stateDir = join(base, 'state');
      mkdirSync(vaultPath);
      mkdirSync(stateDir);
      return { base, vaultPath, stateDir };
    },
    async open(options: Partial<VaultStoreOptions> & { vaultPath?: string; stateDir?: string } = {}) {
      const folders =
        options.vaultPath && options.stateDir
          ? { base: '', vaultPath: options.vaultPath, stateDir: options.stateDir }
          : this.folders();
      const changes: NoteChange[] = [];
      const listeners = new Set<() => void>();
      const store = await VaultStore.open({
        watch: { pollIntervalMs: 0 },
        log: () => undefined,
        ...options,
        vaultPath: folders.vaultPath,
        stateDir: folders.stateDir,
        onChanges: (batch) => {
          changes.push(...batch);
          options.onChanges?.(batch);
          for (const listener of listeners) listener();
        },
      });
      open.push(store);
      return {
        store,
        ...folders,
        changes,
        /** The vault path joined with a vault-relative path. */
        abs: (path: string) => join(folders.vaultPath, ...path.split('/')),
        /** Waits until a recorded change matches, or fails after `timeoutMs`. */
        waitFor(match: (change: NoteChange) => boolean, timeoutMs = 2000): Promise<NoteChange> {
          return new Promise((resolve, reject) => {
            const check = () => {
              const found = changes.find(match);
              if (!found) return false;
              listeners.delete(check);
              clearTimeout(timer);
              resolve(found);
              return true;
            };
            const timer = setTimeout(() => {
              listeners.delete(check);
              reject(new Error(`no matching change within ${timeoutMs} ms; saw ${JSON.stringify(changes)}`));
            }, timeoutMs);
            if (!check()) listeners.add(check);
          });
        },
      };
    },
    async cleanup() {
      for (const store of open.splice(0)) await store.close();
      dirs.cleanup();
    },
  };
}
