import { basename, join } from 'node:path';
import pLimit from 'p-limit';
import { NotebookError } from '@shared/api/errors';
import { MAX_NOTE_BYTES, type NoteChange } from '@shared/domain/note';
import { notePathProblem } from '@shared/domain/notePath';
import { errorCode } from '../fs/VaultFs';
import { decodeNote } from './decodeNote';
import { isIgnoredName, isNoteFileName } from './isIgnoredName';
import { fileVersion, keyOf, metaOf } from './noteFile';
import type { CachedMeta } from './noteMetaCache';
import { removeLeftoverTemps } from './removeLeftoverTemps';
import { scanFolder, type FoundFile } from './scanFolder';
import { sameStamp, stampOf, type NoteRecord } from './summarizeNote';
import type { VaultContext } from './VaultContext';
import { isInside } from './VaultPaths';
import { inScope, VaultWatcher, type WatchStrategy } from './VaultWatcher';

const READ_CONCURRENCY = 16;
const MAX_DEBOUNCE_WAIT_MS = 250;

export interface VaultSyncOptions {
  strategy: WatchStrategy;
  /** How long to wait for a burst of file events to end. */
  debounceMs: number;
  /** How often to rescan the whole vault (file metadata only); 0 disables it. */
  pollIntervalMs: number;
  /**
   * The note records of the last session (see noteMetaCache), or null. Notes whose size and
   * mtime still match are not read again.
   */
  cached?: Map<string, CachedMeta> | null;
  /**
   * `true`: `start` returns before the notes are read. With `cached` records it returns at
   * once and checks them against the disk in the background; without, it lists the notes
   * found (by file name) and reads them in the background, announcing each batch read as
   * changed. `false` (the default): `start` returns once every note was read.
   */
  background?: boolean;
}

/**
 * Notes read in the background between two announcements (see VaultSyncOptions.background):
 * a tenth of them, so progress moves in steps whatever the vault's size, within these bounds.
 */
const HYDRATE_BATCH_MIN = 16;
const HYDRATE_BATCH_MAX = 250;

/**
 * Keeps the vault's records in line with the disk and announces what other programs
 * changed: file events (debounced, bounded so a steady stream cannot postpone a rescan
 * forever), a periodic rescan for what watching missed, and the reconcile of each note
 * path in its queue turn, so a rescan never sees an operation half-done.
 */
export class VaultSync {
  private watcher: VaultWatcher | null = null;
  private targets = new Set<string>();
  private firstTargetAt = 0;
  private debounce: NodeJS.Timeout | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private refreshing: Promise<void> | null = null;
  private ready = false;
  /** The first look at the disk after a background start (see `whenChecked`). */
  private checked: Promise<void> = Promise.resolve();

  constructor(
    private readonly vault: VaultContext,
    private readonly options: VaultSyncOptions,
  ) {}

  /**
   * Reads every note once, then starts watching and polling.
   * @throws NotebookError io-failure when the vault folder does not exist or cannot be read.
   */
  async start(): Promise<void> {
    const vault = this.vault;
    const root = await vault.paths.root();
    this.watcher = new VaultWatcher(root, this.options.strategy, (folder, name) => this.onWatchEvent(folder, name));
    const cached = this.options.cached ?? null;
    const background = this.options.background ?? false;
    try {
      if (background && cached) {
        // The records of the last session, at once; the disk is checked right after.
        await vault.fs.readdir(root);
        for (const [path, meta] of cached) vault.rememberCached(path, meta);
      } else {
        const { unreadable } = await this.refresh('', false, { cached, defer: background });
        if (unreadable.includes('')) {
          // Say why: readdir again to get the error itself.
          await vault.fs.readdir(root);
        }
      }
    } catch (error) {
      this.watcher.close();
      throw await vault.failure(`Could not read the vault ${vault.vaultPath}`, error);
    }
    this.ready = true;
    if (background) {
      this.vault.activity++;
      this.checked = cached ? this.runRefresh('', false) : this.runHydrate();
    }
    this.schedulePoll(this.options.pollIntervalMs);
  }

  /** Reads the notes listed but not read yet (see VaultSyncOptions.background), in the refresh chain. */
  private runHydrate(): Promise<void> {
    const previous = this.refreshing ?? Promise.resolve();
    const next = previous
      .then(() => this.hydrate())
      .catch((error: unknown) => this.vault.log('Reading the notes failed', error))
      .finally(() => {
        if (this.refreshing === next) this.refreshing = null;
      });
    this.refreshing = next;
    return next;
  }

  private async hydrate(): Promise<void> {
    const vault = this.vault;
    const pending = [...vault.records].filter(([, record]) => record.pending).map(([path]) => path);
    const limit = pLimit(READ_CONCURRENCY);
    const size = Math.max(HYDRATE_BATCH_MIN, Math.min(HYDRATE_BATCH_MAX, Math.ceil(pending.length / 10)));
    for (let at = 0; at < pending.length && !vault.closed; at += size) {
      const batch = pending.slice(at, at + size);
      const changes = await limit.map(batch, (path) =>
        vault.queue
          .run(keyOf(path), async () => (vault.records.get(path)?.pending ? this.reconcile(path) : null))
          .catch((error: unknown) => {
            vault.log(`Could not read ${path}`, error);
            return null;
          }),
      );
      vault.emit(changes.filter((c): c is NoteChange => c !== null));
    }
  }

  /**
   * Resolves once the records hold what the disk held at start: at once after a start in
   * the foreground; after a background start, once the cached records were checked or the
   * listed notes read (their changes announced).
   */
  whenChecked(): Promise<void> {
    return this.checked;
  }

  /** See VaultStore.settled. */
  async settled(quietMs = 0): Promise<void> {
    const vault = this.vault;
    for (;;) {
      const mark = vault.activity;
      await vault.queue.idle();
      if (this.debounce) {
        await sleep(this.options.debounceMs);
        continue;
      }
      if (this.refreshing) {
        await this.refreshing;
        continue;
      }
      if (quietMs > 0) await sleep(quietMs);
      if (vault.activity === mark && !this.debounce && !this.refreshing && !vault.queue.busy) return;
    }
  }

  /** Rescans the whole vault now (as the periodic rescan does) and resolves when done. */
  async rescan(): Promise<void> {
    this.vault.activity++;
    await this.runRefresh('', false);
  }

  /** How the vault is watched, for diagnostics. */
  get watching(): { strategy: WatchStrategy; folders: string[]; degraded: boolean } {
    return {
      strategy: this.watcher?.strategy ?? 'none',
      folders: this.watcher?.folders ?? [],
      degraded: this.watcher?.degraded ?? false,
    };
  }

  /** Stops watching and polling (mark the vault closed first, so no new rescan starts). */
  stop(): void {
    this.watcher?.close();
    if (this.debounce) clearTimeout(this.debounce);
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.debounce = null;
    this.pollTimer = null;
  }

  /** Resolves once a running rescan ended (its errors are its own). */
  async stopped(): Promise<void> {
    await this.refreshing?.catch(() => undefined);
  }

  private onWatchEvent(folder: string, name: string | null): void {
    if (this.vault.closed || (name !== null && isIgnoredName(name))) return;
    this.vault.activity++;
    const target = name === null ? folder : folder === '' ? name : `${folder}/${name}`;
    this.targets.add(target);
    if (this.targets.size === 1 && !this.debounce) this.firstTargetAt = Date.now();
    if (this.debounce) clearTimeout(this.debounce);
    // Trailing debounce, bounded so a steady stream of events cannot postpone a rescan forever.
    const wait = Math.max(0, Math.min(this.options.debounceMs, this.firstTargetAt + MAX_DEBOUNCE_WAIT_MS - Date.now()));
    this.debounce = setTimeout(() => {
      this.debounce = null;
      const targets = collapseTargets(this.targets);
      this.targets = new Set();
      for (const target of targets) void this.runRefresh(target, true);
    }, wait);
    this.debounce.unref?.();
  }

  private schedulePoll(delay: number): void {
    const interval = this.options.pollIntervalMs;
    if (this.vault.closed || interval <= 0) return;
    this.pollTimer = setTimeout(() => {
      this.pollTimer = null;
      const started = Date.now();
      void this.runRefresh('', false).finally(() => {
        // Keep the rescan under 5% of the time, however large the vault.
        this.schedulePoll(Math.max(interval, (Date.now() - started) * 20));
      });
    }, delay);
    this.pollTimer.unref?.();
  }

  /** Queues a refresh after any running one; refreshes never overlap. */
  private runRefresh(target: string, fromEvent: boolean): Promise<void> {
    const previous = this.refreshing ?? Promise.resolve();
    const next = previous
      .then(async () => {
        if (this.vault.closed) return;
        try {
          await this.refresh(target, fromEvent);
        } catch (error) {
          if (!(error instanceof NotebookError)) this.vault.log(`Rescanning ${target || 'the vault'} failed`, error);
        }
      })
      .finally(() => {
        if (this.refreshing === next) this.refreshing = null;
      });
    this.refreshing = next;
    return next;
  }

  /**
   * Brings the records for `target` (a note path, a folder, or '' for the vault) in line
   * with the disk and announces what other programs changed. `force` re-reads files even
   * when their metadata looks unchanged (an event named them).
   */
  private async refresh(
    target: string,
    force: boolean,
    start: { cached: Map<string, CachedMeta> | null; defer: boolean } | null = null,
  ): Promise<{ unreadable: string[] }> {
    const vault = this.vault;
    const root = await vault.paths.root().catch((error: unknown) => {
      if (error instanceof NotebookError) return null;
      throw error;
    });
    let found = new Map<string, FoundFile>();
    let unreadable: string[] = [];
    if (root !== null) {
      const abs = target === '' ? root : join(root, ...target.split('/'));
      const kind = await vault.fs.lstat(abs).then(
        (s) => (s.isDirectory() ? 'folder' : 'file'),
        (error: unknown) => (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR' ? 'missing' : 'unknown'),
      );
      if (kind === 'unknown') return { unreadable: [target] };
      if (kind === 'missing') this.watcher?.retain(target, new Set());
      if (kind === 'folder') {
        const scan = await scanFolder(vault.fs, root, target, {
          onFolder: (folder, folderAbs, ino) => this.watcher?.watchFolder(folder, folderAbs, ino),
        });
        found = scan.files;
        unreadable = scan.unreadable;
        if (scan.leftovers.length > 0) await removeLeftoverTemps(vault.fs, scan.leftovers, vault.log);
        // An event names what changed; a folder's notes are compared by metadata.
        force = false;
        this.watcher?.retain(target, new Set(scan.folders));
      } else if (kind === 'file' && isNoteFileName(basename(abs)) && notePathProblem(target) === null) {
        const file = await this.inspect(root, target);
        if (file) found.set(target, file);
      }
    }
    const candidates = new Set<string>();
    for (const [path, file] of found) {
      const stamp = stampOf(file.stats);
      if (start && !vault.records.has(path)) {
        const meta = start.cached?.get(path);
        if (meta && sameStamp(stampOf(meta), stamp)) {
          vault.rememberCached(path, meta);
          continue;
        }
        if (start.defer) {
          vault.rememberPending(path, metaOf(file.stats));
          continue;
        }
      }
      const record = vault.records.get(path);
      if (!record || record.pending || force || !sameStamp(record.stamp, stamp)) candidates.add(path);
    }
    for (const path of vault.records.keys()) {
      if (inScope(path, target) && !found.has(path) && !unreadable.some((folder) => inScope(path, folder))) {
        candidates.add(path);
      }
    }
    // Many notes changed at once (a sync tool, a folder copied in): announced in batches as
    // they are read, so lists and indexes follow along rather than wait for the last one.
    const limit = pLimit(READ_CONCURRENCY);
    const paths = [...candidates];
    for (let at = 0; at < paths.length; at += HYDRATE_BATCH_MAX) {
      const changes = (
        await limit.map(paths.slice(at, at + HYDRATE_BATCH_MAX), (path) =>
          vault.queue
            .run(keyOf(path), () => this.reconcile(path))
            .catch((error: unknown) => {
              // One unreadable file (permission denied, I/O error) must not hide the other changes.
              vault.log(`Could not read ${path}`, error);
              return null;
            }),
        )
      ).filter((c): c is NoteChange => c !== null);
      if (changes.length > 0 && this.ready) vault.emit(changes);
    }
    return { unreadable };
  }

  /** Looks at one note path on disk, in its queue turn, and updates its record. */
  private async reconcile(path: string): Promise<NoteChange | null> {
    const vault = this.vault;
    const record = vault.records.get(path);
    let root: string;
    try {
      root = await vault.paths.root();
    } catch {
      return this.forget(path, record);
    }
    const file = await this.inspect(root, path);
    if (!file) return this.forget(path, record);
    let bytes: Buffer | null = null;
    if (file.stats.size <= MAX_NOTE_BYTES) {
      try {
        bytes = await vault.fs.readFile(file.abs);
      } catch (error) {
        const code = errorCode(error);
        if (code === 'ENOENT' || code === 'ENOTDIR') return this.forget(path, record);
        throw error;
      }
    }
    const version = fileVersion(bytes, file.stats);
    const decoded = bytes ? decodeNote(bytes) : null;
    const text = decoded && !decoded.readOnly ? decoded.content : null;
    const stats = metaOf(file.stats, bytes ? bytes.length : file.stats.size);
    if (record?.version === version || vault.expected.get(path) === version) {
      // Same content (a touch, or the app's own write seen again): refresh metadata quietly.
      vault.remember(path, stats, text, version);
      return null;
    }
    const remembered = vault.remember(path, stats, text, version);
    // Announced (once the vault is open): the indexes take the text read here.
    if (this.ready) vault.handOff(path, remembered, text);
    return vault.change(record ? 'changed' : 'added', path, true);
  }

  private forget(path: string, record: NoteRecord | undefined): NoteChange | null {
    if (!record) return null;
    this.vault.forget(path);
    return { kind: 'removed', path, external: true };
  }

  /** The file behind a note path if it is a note the vault lists (see scanFolder), else null. */
  private async inspect(root: string, path: string): Promise<FoundFile | null> {
    const fs = this.vault.fs;
    const abs = join(root, ...path.split('/'));
    try {
      const link = await fs.lstat(abs);
      let real = abs;
      if (link.isSymbolicLink()) {
        real = await fs.realpath(abs);
        if (!isInside(root, real)) return null;
      } else {
        // A folder on the way may have been replaced by a link since the scan.
        const parent = await fs.realpath(join(abs, '..'));
        if (!isInside(root, parent)) return null;
      }
      const stats = await fs.stat(real);
      return stats.isFile() ? { abs: real, stats } : null;
    } catch {
      return null;
    }
  }
}

/** Drops targets inside other targets (a folder rescan covers its notes). */
function collapseTargets(targets: Set<string>): string[] {
  const sorted = [...targets].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const target of sorted) if (!kept.some((k) => inScope(target, k))) kept.push(target);
  return kept;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
