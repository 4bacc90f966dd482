import type { Draft, Note, NoteChange, NoteSummary, SaveResult } from '@shared/domain/note';
import { CacheWriter } from '../derived/CacheWriter';
import type { VaultFs } from '../fs/VaultFs';
import { NoteRenamer, type RenameHooks } from './NoteRenamer';
import { NoteRepository, type SaveOptions } from './NoteRepository';
import { readNoteMetaCache, writeNoteMetaCache, type CachedMeta } from './noteMetaCache';
import { VaultContext } from './VaultContext';
import { VaultSync } from './VaultSync';
import { defaultWatchStrategy, type WatchStrategy } from './VaultWatcher';

export type { RenameHooks } from './NoteRenamer';

/** The metadata cache is written this long after the last change, and at most this long after the first. */
const META_CACHE_DELAY_MS = 2000;
const META_CACHE_MAX_WAIT_MS = 10_000;
export type { SaveOptions } from './NoteRepository';

export interface VaultStoreOptions {
  /** The vault folder (absolute). Must exist. */
  vaultPath: string;
  /** This vault's folder in the app's state folder (outside the vault); drafts go in `drafts/`. */
  stateDir: string;
  /** Real paths writes must never reach even if the vault contains them (the glossary, the app state). */
  protectedDirs?: string[];
  /** Moves a file to the system trash (Electron's shell.trashItem). Without it, deletes go to `<vault>/.trash/`. */
  trashItem?: (absolutePath: string) => Promise<void>;
  /** Receives every batch of note changes, the app's own (external: false) and other programs' (external: true). */
  onChanges?: (changes: NoteChange[]) => void;
  /** The file system (tests inject faults). */
  fs?: VaultFs;
  watch?: {
    /** Default: per-folder watches on Linux, a native recursive watch on macOS and Windows. */
    strategy?: WatchStrategy;
    /** How long to wait for a burst of file events to end. Default 40 ms. */
    debounceMs?: number;
    /**
     * How often to rescan the whole vault (file metadata only) to catch what watching
     * missed (network drives, watch limits). Default 2500 ms; stretched automatically so a
     * slow rescan never takes more than 1/20 of the time. 0 disables it.
     */
    pollIntervalMs?: number;
  };
  hooks?: RenameHooks;
  /**
   * Keep the note records in `stateDir` (see noteMetaCache), so the next start reads only
   * the notes whose size or mtime changed. Default false.
   */
  metaCache?: boolean;
  /**
   * Return from `open` before the notes are read (see VaultSyncOptions.background): at once
   * with a metadata cache, else once the files are listed. Default false: `open` returns
   * once every note was read (or found unchanged in the cache).
   */
  background?: boolean;
  /** The clock, for conflict copy names and draft times. */
  now?: () => Date;
  /** Where unexpected background failures are reported. Default console.error. */
  log?: (message: string, error?: unknown) => void;
}

/**
 * The user's notes: the Markdown files of one vault folder.
 *
 * Keeps a summary of every note in memory (never the text), kept current by watching
 * the vault and rescanning it. Every write goes through a per-note queue, so two
 * operations on one note never interleave while different notes proceed in parallel;
 * background rescans take the same per-note turn, so they never see an operation
 * half-done and never mistake the app's own writes for another program's.
 *
 * Nothing outside the vault is read or written, except this vault's drafts in the
 * app's state folder (see VaultPaths for how paths are confined). Errors are
 * NotebookErrors with messages fit for the user.
 *
 * A facade over its parts: the shared state (VaultContext), reads and writes
 * (NoteRepository), renames (NoteRenamer) and keeping in line with the disk (VaultSync).
 */
export class VaultStore {
  readonly vaultPath: string;
  private readonly vault: VaultContext;
  private readonly notes: NoteRepository;
  private readonly renamer: NoteRenamer;
  private readonly sync: VaultSync;

  private readonly metaCache: CacheWriter | null;

  private constructor(options: VaultStoreOptions, cached: Map<string, CachedMeta> | null) {
    this.vaultPath = options.vaultPath;
    this.vault = new VaultContext(options);
    this.notes = new NoteRepository(this.vault, { trashItem: options.trashItem });
    this.renamer = new NoteRenamer(this.vault, options.hooks);
    this.sync = new VaultSync(this.vault, {
      strategy: options.watch?.strategy ?? defaultWatchStrategy(),
      debounceMs: options.watch?.debounceMs ?? 40,
      pollIntervalMs: options.watch?.pollIntervalMs ?? 2500,
      cached,
      background: options.background ?? false,
    });
    const records = this.vault.records;
    this.metaCache = options.metaCache
      ? new CacheWriter({
          write: () => writeNoteMetaCache(options.stateDir, [...records]),
          log: this.vault.log,
          failureMessage: 'Could not save the notes metadata cache (the notes are read again at the next start)',
          trailing: true,
          maxWaitMs: META_CACHE_MAX_WAIT_MS,
        })
      : null;
  }

  /**
   * Opens a vault and starts watching it. Reads every note once (to learn versions,
   * aliases and tags), except those the metadata cache (`metaCache`) knows unchanged; with
   * `background`, returns before reading them (see VaultStoreOptions.background).
   * @throws NotebookError io-failure when the vault folder does not exist or cannot be read.
   */
  static async open(options: VaultStoreOptions): Promise<VaultStore> {
    const cached = options.metaCache ? await readNoteMetaCache(options.stateDir) : null;
    const store = new VaultStore(options, cached);
    const cache = store.metaCache;
    cache?.hold();
    store.vault.onRecordsChanged = () => cache?.markDirty(META_CACHE_DELAY_MS);
    await store.sync.start();
    if (cache) {
      cache.release();
      // Notes read, or cached ones gone: the file no longer says what the vault holds.
      if (cache.isDirty || !cached || cached.size !== store.vault.records.size) cache.markDirty(META_CACHE_DELAY_MS);
    }
    return store;
  }

  /**
   * How many notes are listed and how many of them are read (see VaultStoreOptions.background):
   * `read < total` while notes found at start are still being read.
   */
  get readProgress(): { read: number; total: number } {
    const total = this.vault.records.size;
    return { read: total - this.vault.pendingCount, total };
  }

  /**
   * Resolves once the records hold what the disk held at start (after a `background` start,
   * once the cache was checked or the notes read, and their changes announced); at once otherwise.
   */
  whenChecked(): Promise<void> {
    return this.sync.whenChecked();
  }

  /** Writes the metadata cache now, if it changed (tests and the benchmark). */
  async persistMetadata(): Promise<void> {
    await this.metaCache?.flush();
  }

  /** Every note, most recently modified first (ties by title). */
  listNotes(): NoteSummary[] {
    return this.vault.listNotes();
  }

  /** The version the vault last saw for a note, or undefined when it does not know the note. */
  knownVersion(path: string): string | undefined {
    const record = this.vault.records.get(path);
    return record && !record.pending ? record.version : undefined;
  }

  /**
   * A note with its text and version. A file that is not valid UTF-8, holds NUL bytes or
   * is larger than MAX_NOTE_BYTES comes back with `readOnly` set (a too-large one without
   * its text).
   * @throws not-found, invalid-arguments (a link leading outside the vault), io-failure.
   */
  readNote(path: string): Promise<Note> {
    return this.notes.readNote(path);
  }

  /**
   * A reader for an index that follows the vault's changes (the link index, search): its
   * `read(path)` gives the note at the version the vault knows, taking the text the vault
   * just read or wrote for it when held (see NoteTextHandoff), so each version is read
   * from disk once, not once more by every index; else it reads the file as `readNote`
   * does (same errors). `close` when the index stops.
   */
  textReader(): { read(path: string): Promise<Note>; close(): void } {
    const vault = this.vault;
    const reader = vault.texts.register();
    return {
      read: async (path) => {
        vault.assertOpen();
        const record = vault.records.get(path);
        const held = record && !record.pending ? vault.texts.take(reader, path, record.version) : null;
        return held ?? this.notes.readNote(path);
      },
      close: () => vault.texts.unregister(reader),
    };
  }

  /**
   * Saves a note; see NotebookApi.saveNote. Steps, in the note's queue turn: write a
   * draft (recovery copy) outside the vault; compare the file with `baseVersion`, and on a
   * difference write the content as a conflict copy instead; else replace the file
   * atomically; then remove the draft. On a failure the draft stays and the file is as it was.
   * `options` serve the app's own rewrites of a note (see SaveOptions).
   */
  saveNote(
    args: { path: string; content: string; baseVersion: string | null; ifChanged?: 'copy' | 'report' },
    options: SaveOptions = {},
  ): Promise<SaveResult> {
    return this.notes.saveNote(args, options);
  }

  /**
   * Creates a note; see NotebookApi.createNote.
   * @throws invalid-arguments (nothing usable left of the title), already-exists, io-failure.
   */
  createNote(args: { title?: string; folder?: string; content?: string }): Promise<Note> {
    return this.notes.createNote(args);
  }

  /**
   * Renames a note within its folder; see NotebookApi.renameNote. A draft of the note
   * moves along. Announces the old path as removed and the new one as added.
   */
  renameNote(args: { path: string; title: string }): Promise<NoteSummary> {
    return this.renamer.renameNote(args);
  }

  /**
   * Moves a note into `folder` (created when missing) under the same file name, atomically and
   * never over another file. Announces the old path as removed and the new one added; no
   * link is rewritten (the note keeps its name). Used to move the highlights folder.
   * @throws already-exists when `folder` holds a file of that name; not-found; invalid-arguments.
   */
  moveNote(args: { path: string; folder: string }): Promise<NoteSummary> {
    return this.renamer.moveNote(args);
  }

  /**
   * Moves a note to the trash (never a hard delete): the system trash when the host
   * provides one, else `<vault>/.trash/` keeping its folder.
   * @returns where it went: 'system trash' or the vault-relative path in `.trash`.
   */
  deleteNote(path: string): Promise<{ trashedTo: string }> {
    return this.notes.deleteNote(path);
  }

  /** Drafts of this vault (edits that never reached their files), oldest first. */
  listDrafts(): Promise<Draft[]> {
    return this.notes.listDrafts();
  }

  /** Forgets the draft of a note; nothing happens when there is none. */
  discardDraft(path: string): Promise<void> {
    return this.notes.discardDraft(path);
  }

  /**
   * Resolves once the store is quiet: no operation queued, no file event waiting, no
   * rescan running. With `quietMs`, also waits until nothing new happened for that long
   * (file events arrive a little after the change that caused them).
   */
  settled(quietMs = 0): Promise<void> {
    return this.sync.settled(quietMs);
  }

  /** Rescans the whole vault now (as the periodic rescan does) and resolves when done. */
  rescan(): Promise<void> {
    return this.sync.rescan();
  }

  /** How the vault is watched, for diagnostics. */
  get watching(): { strategy: WatchStrategy; folders: string[]; degraded: boolean } {
    return this.sync.watching;
  }

  /** Stops watching and waits for queued operations (saves) to finish. Safe to call twice. */
  async close(): Promise<void> {
    this.vault.closed = true;
    this.sync.stop();
    await this.vault.queue.idle();
    await this.sync.stopped();
    await this.metaCache?.close();
  }
}
