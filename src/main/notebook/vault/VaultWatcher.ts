import { type FSWatcher, watch } from 'node:fs';
import { isIgnoredName } from './isIgnoredName';

/**
 * How the vault notices changes made by other programs:
 * - `per-folder`: one non-recursive fs.watch per (non-hidden) folder. The Linux default:
 *   Node 20's `recursive` option on Linux is emulated in JavaScript with one inotify
 *   watch per file and per folder (hidden ones and .git included), set up with
 *   synchronous calls, so it scales with the number of files and blocks the process
 *   while it starts. Watching folders scales with the number of folders, skips what the
 *   vault ignores and never follows symbolic links.
 * - `recursive`: one native recursive watch (FSEvents on macOS, ReadDirectoryChangesW on
 *   Windows), cheap there.
 * - `none`: rely on the periodic rescan alone.
 */
export type WatchStrategy = 'per-folder' | 'recursive' | 'none';

export function defaultWatchStrategy(platform: NodeJS.Platform = process.platform): WatchStrategy {
  return platform === 'darwin' || platform === 'win32' ? 'recursive' : 'per-folder';
}

/**
 * Reports "something changed at `name` in `folder`" (both vault-relative, '' for the
 * root; `name` null when the platform did not say what). It never reads files: the
 * vault store decides what changed by looking at the disk.
 */
export type WatchListener = (folder: string, name: string | null) => void;

export class VaultWatcher {
  private readonly watchers = new Map<string, { watcher: FSWatcher; ino: number }>();
  private closed = false;
  /** True once a folder could not be watched (e.g. the inotify limit): only the periodic rescan sees it. */
  degraded = false;

  constructor(
    private readonly root: string,
    readonly strategy: WatchStrategy,
    private readonly onChange: WatchListener,
  ) {
    if (strategy === 'recursive') this.watchRecursive();
  }

  /**
   * Makes sure `folder` (vault-relative, at real path `abs`, inode `ino`) is watched; a
   * folder replaced by another one of the same name is watched afresh. Cheap when it
   * already is. A no-op for strategies other than `per-folder`.
   */
  watchFolder(folder: string, abs: string, ino: number): void {
    if (this.closed || this.strategy !== 'per-folder') return;
    const existing = this.watchers.get(folder);
    if (existing && existing.ino === ino) return;
    existing?.watcher.close();
    this.watchers.delete(folder);
    try {
      const watcher = watch(abs, { persistent: false }, (_event, name) => {
        this.onChange(folder, name === null ? null : String(name));
      });
      watcher.on('error', () => {
        // The folder went away or the watch broke: let a rescan of the parent sort it out.
        watcher.close();
        if (this.watchers.get(folder)?.watcher === watcher) this.watchers.delete(folder);
        if (folder !== '') {
          const at = folder.lastIndexOf('/');
          this.onChange(at < 0 ? '' : folder.slice(0, at), folder.slice(at + 1));
        } else this.onChange('', null);
      });
      this.watchers.set(folder, { watcher, ino });
    } catch {
      // ENOSPC (inotify limit), EMFILE, EPERM, or the folder just vanished.
      this.degraded = true;
    }
  }

  /** Stops watching folders inside `scope` ('' for all) that are not in `keep`. */
  retain(scope: string, keep: ReadonlySet<string>): void {
    if (this.strategy !== 'per-folder') return;
    for (const [folder, { watcher }] of this.watchers) {
      if (inScope(folder, scope) && !keep.has(folder)) {
        watcher.close();
        this.watchers.delete(folder);
      }
    }
  }

  /** The folders watched now (for tests and diagnostics). */
  get folders(): string[] {
    return [...this.watchers.keys()].sort();
  }

  close(): void {
    this.closed = true;
    for (const { watcher } of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }

  private watchRecursive(): void {
    try {
      const watcher = watch(this.root, { persistent: false, recursive: true }, (_event, name) => {
        if (name === null) return this.onChange('', null);
        const parts = String(name).split(/[\\/]/);
        // Changes inside .git, .obsidian, node_modules … are none of the vault's business.
        if (parts.some(isIgnoredName)) return;
        const last = parts.pop() as string;
        this.onChange(parts.join('/'), last);
      });
      watcher.on('error', () => {
        watcher.close();
        this.degraded = true;
      });
      this.watchers.set('', { watcher, ino: 0 });
    } catch {
      this.degraded = true;
    }
  }
}

/** True when `path` is `scope` or inside it ('' is the whole vault). */
export function inScope(path: string, scope: string): boolean {
  return scope === '' || path === scope || path.startsWith(`${scope}/`);
}
