import type { Stats } from 'node:fs';
import { basename, join } from 'node:path';
import pLimit from 'p-limit';
import { NotebookError } from '@shared/api/errors';
import {
  MAX_NOTE_BYTES,
  type Draft,
  type Note,
  type NoteChange,
  type NoteSummary,
  type SaveResult,
} from '@shared/domain/note';
import { folderOfPath, notePathFor, notePathProblem, sanitizeTitle, titleOfPath } from '@shared/domain/notePath';
import { moveFileNoReplace, renameCaseOnly } from '../fs/moveFile';
import { errorCode, nodeVaultFs, type VaultFs } from '../fs/VaultFs';
import { writeFileAtomic, writeFileExclusive } from '../fs/writeFileAtomic';
import { conflictCopyPath } from './conflictCopyPath';
import { decodeNote } from './decodeNote';
import { DraftStore } from './DraftStore';
import { ioFailure, isIoError } from './ioFailure';
import { isIgnoredName, isNoteFileName } from './isIgnoredName';
import { KeyedQueue } from './KeyedQueue';
import { moveToVaultTrash, trashFolderFor } from './moveToVaultTrash';
import { versionOf } from './noteVersion';
import { scanFolder, type FoundFile } from './scanFolder';
import { compareByModified, sameStamp, stampOf, summarizeNote, type NoteRecord } from './summarizeNote';
import { untitledTitle } from './untitledTitle';
import { defaultWatchStrategy, inScope, VaultWatcher, type WatchStrategy } from './VaultWatcher';
import { isInside, VaultPaths } from './VaultPaths';

/** Hooks around a rename, for features that follow notes (rewriting links comes later). */
export interface RenameHooks {
  /** Runs before the file moves; throwing a NotebookError cancels the rename. */
  beforeRename?(from: string, to: string): Promise<void> | void;
  /** Runs after the file moved and the change was announced. Errors are logged, not thrown. */
  afterRename?(from: string, to: string): Promise<void> | void;
}

/** Options of a save the app makes on its own (not an editor saving what the user typed). */
export interface SaveOptions {
  /**
   * Announce the change as `external: true`, so an editor showing the note reloads it: for
   * rewrites the app makes on the user's behalf (linking mentions, updating links after a
   * rename), which no editor typed. Default false.
   */
  reloadEditors?: boolean;
  /**
   * What a file that changed since `baseVersion` (or disappeared) does to the save:
   * `'copy'` (the default) keeps the content as a conflict copy; `'fail'` writes nothing and
   * throws a `conflict` NotebookError, for rewrites that can simply be redone on the new text.
   */
  onConflict?: 'copy' | 'fail';
}

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
  /** The clock, for conflict copy names and draft times. */
  now?: () => Date;
  /** Where unexpected background failures are reported. Default console.error. */
  log?: (message: string, error?: unknown) => void;
}

const READ_CONCURRENCY = 16;
const MAX_DEBOUNCE_WAIT_MS = 250;
/** A temporary file of ours older than this is the remains of an interrupted write. */
const LEFTOVER_TEMP_AGE_MS = 60_000;
const encoder = new TextEncoder();

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
 */
export class VaultStore {
  readonly vaultPath: string;
  private readonly fs: VaultFs;
  private readonly paths: VaultPaths;
  private readonly drafts: DraftStore;
  private readonly records = new Map<string, NoteRecord>();
  private readonly queue = new KeyedQueue();
  /** Versions the app is writing right now at new paths (conflict copies), so a rescan takes them as ours. */
  private readonly expected = new Map<string, string>();
  private readonly now: () => Date;
  private readonly log: (message: string, error?: unknown) => void;
  private watcher: VaultWatcher | null = null;
  private readonly debounceMs: number;
  private readonly pollIntervalMs: number;
  private targets = new Set<string>();
  private firstTargetAt = 0;
  private debounce: NodeJS.Timeout | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private refreshing: Promise<void> | null = null;
  private activity = 0;
  private ready = false;
  private closed = false;

  private constructor(private readonly options: VaultStoreOptions) {
    this.vaultPath = options.vaultPath;
    this.fs = options.fs ?? nodeVaultFs;
    this.paths = new VaultPaths(this.fs, options.vaultPath, options.protectedDirs ?? []);
    this.drafts = new DraftStore(this.fs, join(options.stateDir, 'drafts'));
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? ((message, error) => console.error(`[vault] ${message}`, error ?? ''));
    this.debounceMs = options.watch?.debounceMs ?? 40;
    this.pollIntervalMs = options.watch?.pollIntervalMs ?? 2500;
  }

  /**
   * Opens a vault: reads every note once (to learn versions, aliases and tags), then
   * starts watching it.
   * @throws NotebookError io-failure when the vault folder does not exist or cannot be read.
   */
  static async open(options: VaultStoreOptions): Promise<VaultStore> {
    const store = new VaultStore(options);
    const root = await store.paths.root();
    const strategy = options.watch?.strategy ?? defaultWatchStrategy();
    store.watcher = new VaultWatcher(root, strategy, (folder, name) => store.onWatchEvent(folder, name));
    try {
      const { unreadable } = await store.refresh('', false);
      if (unreadable.includes('')) {
        // Say why: readdir again to get the error itself.
        await store.fs.readdir(root);
      }
    } catch (error) {
      store.watcher.close();
      throw await store.failure(`Could not read the vault ${options.vaultPath}`, error);
    }
    store.ready = true;
    store.schedulePoll(store.pollIntervalMs);
    return store;
  }

  /** Every note, most recently modified first (ties by title). */
  listNotes(): NoteSummary[] {
    return [...this.records.values()].map((r) => copySummary(r.summary)).sort(compareByModified);
  }

  /** The version the vault last saw for a note, or undefined when it does not know the note. */
  knownVersion(path: string): string | undefined {
    return this.records.get(path)?.version;
  }

  /**
   * A note with its text and version. A file that is not valid UTF-8, holds NUL bytes or
   * is larger than MAX_NOTE_BYTES comes back with `readOnly` set (a too-large one without
   * its text).
   * @throws not-found, invalid-arguments (a link leading outside the vault), io-failure.
   */
  async readNote(path: string): Promise<Note> {
    this.assertOpen();
    try {
      const abs = await this.paths.forRead(path);
      return await this.readAt(path, abs);
    } catch (error) {
      throw await this.failure(`Could not read "${titleOfPath(path)}"`, error);
    }
  }

  /**
   * Saves a note; see NotebookApi.saveNote. Steps, in the note's queue turn: write a
   * draft (recovery copy) outside the vault; compare the file with `baseVersion`, and on a
   * difference write the content as a conflict copy instead; else replace the file
   * atomically; then remove the draft. On a failure the draft stays and the file is as it was.
   * `options` serve the app's own rewrites of a note (see SaveOptions).
   */
  async saveNote(
    args: { path: string; content: string; baseVersion: string | null; ifChanged?: 'copy' | 'report' },
    options: SaveOptions = {},
  ): Promise<SaveResult> {
    this.assertOpen();
    const { path, content, baseVersion, ifChanged = 'copy' } = args;
    const external = options.reloadEditors ?? false;
    const bytes = encoder.encode(content);
    if (bytes.length > MAX_NOTE_BYTES) throw tooLarge(path, bytes.length);
    refuseNul(content);
    return this.queue.run(keyOf(path), async () => {
      this.activity++;
      const title = titleOfPath(path);
      let draftKept = true;
      try {
        await this.drafts.write({ path, content, baseVersion, savedAt: this.now().toISOString() });
      } catch (error) {
        // The save itself may still work; if it fails too, the editor still holds the text.
        draftKept = false;
        this.log(`Could not write the recovery copy for ${path}`, error);
      }
      try {
        const target = await this.paths.forWrite(path, { createFolders: true });
        const current = target.exists ? await readIfExists(this.fs, target.abs) : null;
        if (current?.bytes && equalBytes(current.bytes, bytes)) {
          await this.removeDraft(path);
          const version = versionOf(bytes);
          const known = this.records.get(path);
          const record = this.remember(path, current.stats, content, version);
          // Another program wrote these very bytes: the list may not know yet.
          if (known?.version !== version) this.emit([this.change(known ? 'changed' : 'added', path, external)]);
          return { status: 'saved', note: copySummary(record.summary), version };
        }
        const changed = current ? fileVersion(current.bytes, current.stats) !== baseVersion : baseVersion !== null;
        if (changed && options.onConflict === 'fail') {
          throw new NotebookError('conflict', `"${title}" changed on disk meanwhile; nothing was written.`);
        }
        if (current) {
          const currentVersion = fileVersion(current.bytes, current.stats);
          if (currentVersion !== baseVersion) {
            // Text that can be merged goes back to the caller; anything else is kept as a copy.
            const mergeable = current.bytes !== null && decodeNote(current.bytes).readOnly === null;
            if (ifChanged === 'report' && mergeable) return await this.reportStale(path, target.abs);
            return await this.saveConflictCopy(path, bytes, target.abs);
          }
          if (!current.bytes || decodeNote(current.bytes).readOnly) {
            await this.removeDraft(path);
            throw new NotebookError(
              'read-only',
              `"${title}" is not a plain UTF-8 text file; the app does not overwrite it.`,
            );
          }
        }
        // A note deleted elsewhere while it was being edited is written back: nothing is overwritten.
        const mode = current ? current.stats.mode & 0o777 : undefined;
        await writeFileAtomic(target.abs, bytes, { fs: this.fs, mode });
        const stats = await this.fs.stat(target.abs);
        const version = versionOf(bytes);
        const existed = this.records.has(path);
        const record = this.remember(path, stats, content, version);
        this.emit([this.change(existed ? 'changed' : 'added', path, external)]);
        await this.removeDraft(path);
        return { status: 'saved', note: copySummary(record.summary), version };
      } catch (error) {
        if (error instanceof NotebookError && error.code !== 'io-failure') {
          // A refused path or a read-only file: the draft could never be saved there.
          await this.removeDraft(path);
          throw error;
        }
        const advice = draftKept
          ? 'Your text is kept in a recovery copy outside the vault; try again once the problem is solved.'
          : 'The recovery copy could not be written either: keep the app open so the text stays in the editor.';
        throw await this.failure(`Could not save "${title}"`, error, advice);
      }
    });
  }

  /**
   * Creates a note; see NotebookApi.createNote.
   * @throws invalid-arguments (nothing usable left of the title), already-exists, io-failure.
   */
  async createNote(args: { title?: string; folder?: string; content?: string }): Promise<Note> {
    this.assertOpen();
    const folder = args.folder ?? '';
    const content = args.content ?? '';
    const bytes = encoder.encode(content);
    let title: string | null = null;
    if (args.title !== undefined) {
      title = sanitizeTitle(args.title);
      if (title === '') {
        throw new NotebookError(
          'invalid-arguments',
          'A note title needs at least one letter, digit or symbol a file name can hold.',
        );
      }
    }
    const label = title ?? 'the new note';
    if (bytes.length > MAX_NOTE_BYTES) throw tooLarge(label, bytes.length);
    refuseNul(content);
    // Every check that needs no disk runs before a folder is created: a refused note
    // must leave nothing behind (not even empty folders).
    const folderProblem = folder === '' ? null : notePathProblem(notePathFor(folder, 'x'));
    if (folderProblem) throw new NotebookError('invalid-arguments', `The folder "${folder}" ${folderProblem}.`);
    const titleProblem = title === null ? null : notePathProblem(notePathFor(folder, title));
    if (titleProblem) {
      throw new NotebookError(
        'invalid-arguments',
        `The title "${title}" cannot name a note: the path ${titleProblem}.`,
      );
    }
    try {
      const folderAbs = await this.paths.forFolder(folder, { createFolders: true });
      for (let attempt = 0; attempt < 100; attempt++) {
        const names = await this.namesIn(folderAbs);
        const taken = (t: string) => names.has(`${t}.md`.toLowerCase());
        const chosen = title ?? untitledTitle(taken);
        const path = notePathFor(folder, chosen);
        const problem = notePathProblem(path);
        if (problem)
          throw new NotebookError(
            'invalid-arguments',
            `The title "${chosen}" cannot name a note: the path ${problem}.`,
          );
        if (taken(chosen)) throw alreadyExists(chosen, folder);
        const created = await this.queue.run(keyOf(path), async () => {
          this.activity++;
          const target = await this.paths.forWrite(path, { createFolders: true });
          if (target.exists) return null;
          try {
            await writeFileExclusive(target.abs, bytes, { fs: this.fs });
          } catch (error) {
            if (errorCode(error) === 'EEXIST') return null;
            throw error;
          }
          const note = await this.readAt(path, target.abs);
          this.remember(path, await this.fs.stat(target.abs), content, note.version);
          this.emit([this.change('added', path, false)]);
          return note;
        });
        if (created) return created;
        // Someone took the name in between: a chosen title is a clash, "Untitled" moves on.
        if (title !== null) throw alreadyExists(chosen, folder);
      }
      throw new NotebookError('already-exists', 'Could not find a free "Untitled" title in that folder.');
    } catch (error) {
      throw await this.failure(`Could not create ${title ? `"${title}"` : 'the note'}`, error);
    }
  }

  /**
   * Renames a note within its folder; see NotebookApi.renameNote. A draft of the note
   * moves along. Announces the old path as removed and the new one as added.
   */
  async renameNote(args: { path: string; title: string }): Promise<NoteSummary> {
    this.assertOpen();
    const { path } = args;
    const title = sanitizeTitle(args.title);
    if (title === '') {
      throw new NotebookError(
        'invalid-arguments',
        'A note title needs at least one letter, digit or symbol a file name can hold.',
      );
    }
    const folder = folderOfPath(path);
    const newPath = notePathFor(folder, title);
    const problem = notePathProblem(newPath);
    if (problem)
      throw new NotebookError('invalid-arguments', `The title "${title}" cannot name a note: the path ${problem}.`);
    try {
      return await this.queue.run([keyOf(path), keyOf(newPath)], async () => {
        this.activity++;
        const folderAbs = await this.paths.forFolder(folder, { createFolders: false });
        // Validates the note (and refuses a link leading outside the vault).
        const source = await this.paths.forWrite(path, { createFolders: false });
        if (!source.exists) throw new NotebookError('not-found', `There is no note "${path}" in the vault.`);
        const from = join(folderAbs, basename(path));
        const to = join(folderAbs, `${title}.md`);
        if (newPath === path) return this.summaryAt(path, from);
        const caseOnly = newPath.toLowerCase() === path.toLowerCase();
        const sourceName = basename(path);
        for (const entry of await this.fs.readdir(folderAbs)) {
          if (entry.name !== sourceName && entry.name.toLowerCase() === `${title}.md`.toLowerCase()) {
            throw alreadyExists(title, folder);
          }
        }
        await this.options.hooks?.beforeRename?.(path, newPath);
        try {
          if (caseOnly) await renameCaseOnly(this.fs, from, to);
          else await moveFileNoReplace(this.fs, from, to);
        } catch (error) {
          if (errorCode(error) === 'EEXIST') throw alreadyExists(title, folder);
          throw error;
        }
        await this.moveDraft(path, newPath);
        this.records.delete(path);
        const summary = await this.summaryAt(newPath, to);
        this.emit([{ kind: 'removed', path, external: false }, this.change('added', newPath, false)]);
        try {
          await this.options.hooks?.afterRename?.(path, newPath);
        } catch (error) {
          this.log(`After renaming ${path} to ${newPath}`, error);
        }
        return summary;
      });
    } catch (error) {
      throw await this.failure(`Could not rename "${titleOfPath(path)}"`, error);
    }
  }

  /**
   * Moves a note to the trash (never a hard delete): the system trash when the host
   * provides one, else `<vault>/.trash/` keeping its folder.
   * @returns where it went: 'system trash' or the vault-relative path in `.trash`.
   */
  async deleteNote(path: string): Promise<{ trashedTo: string }> {
    this.assertOpen();
    try {
      return await this.queue.run(keyOf(path), async () => {
        this.activity++;
        const folderAbs = await this.paths.forFolder(folderOfPath(path), { createFolders: false });
        const source = await this.paths.forWrite(path, { createFolders: false });
        if (!source.exists) throw new NotebookError('not-found', `There is no note "${path}" in the vault.`);
        // The entry itself (a link stays a link in the trash; its target is not touched).
        const from = join(folderAbs, basename(path));
        let trashedTo: string;
        if (this.options.trashItem) {
          try {
            await this.options.trashItem(from);
          } catch (error) {
            if (isIoError(error)) throw error;
            const reason = error instanceof Error ? error.message : String(error);
            throw new NotebookError('io-failure', `The system trash refused it (${reason}). The note was not deleted.`);
          }
          trashedTo = 'system trash';
        } else {
          // Created one level at a time and checked, so a .trash linked elsewhere receives nothing.
          const trash = await this.paths.forFolder(trashFolderFor(path), { createFolders: true });
          trashedTo = await moveToVaultTrash(this.fs, trash, path, from);
        }
        this.records.delete(path);
        this.emit([{ kind: 'removed', path, external: false }]);
        return { trashedTo };
      });
    } catch (error) {
      throw await this.failure(`Could not move "${titleOfPath(path)}" to the trash`, error);
    }
  }

  /** Drafts of this vault (edits that never reached their files), oldest first. */
  async listDrafts(): Promise<Draft[]> {
    this.assertOpen();
    try {
      return await this.drafts.list();
    } catch (error) {
      throw await this.failure('Could not read the recovery copies', error);
    }
  }

  /** Forgets the draft of a note; nothing happens when there is none. */
  async discardDraft(path: string): Promise<void> {
    this.assertOpen();
    await this.queue.run(keyOf(path), async () => {
      try {
        await this.drafts.remove(path);
      } catch (error) {
        throw await this.failure(`Could not remove the recovery copy of "${titleOfPath(path)}"`, error);
      }
    });
  }

  /**
   * Resolves once the store is quiet: no operation queued, no file event waiting, no
   * rescan running. With `quietMs`, also waits until nothing new happened for that long
   * (file events arrive a little after the change that caused them).
   */
  async settled(quietMs = 0): Promise<void> {
    for (;;) {
      const mark = this.activity;
      await this.queue.idle();
      if (this.debounce) {
        await sleep(this.debounceMs);
        continue;
      }
      if (this.refreshing) {
        await this.refreshing;
        continue;
      }
      if (quietMs > 0) await sleep(quietMs);
      if (this.activity === mark && !this.debounce && !this.refreshing && !this.queue.busy) return;
    }
  }

  /** Rescans the whole vault now (as the periodic rescan does) and resolves when done. */
  async rescan(): Promise<void> {
    this.activity++;
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

  /** Stops watching and waits for queued operations (saves) to finish. Safe to call twice. */
  async close(): Promise<void> {
    this.closed = true;
    this.watcher?.close();
    if (this.debounce) clearTimeout(this.debounce);
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.debounce = null;
    this.pollTimer = null;
    await this.queue.idle();
    await this.refreshing?.catch(() => undefined);
  }

  // ---- saving helpers -------------------------------------------------------------

  private async saveConflictCopy(path: string, bytes: Uint8Array, abs: string): Promise<SaveResult> {
    const when = this.now();
    const version = versionOf(bytes);
    let copyPath = '';
    for (let attempt = 1; ; attempt++) {
      if (attempt > 1000)
        throw new NotebookError('io-failure', `Could not find a free name for a conflict copy of "${path}".`);
      copyPath = conflictCopyPath(path, when, attempt);
      const target = await this.paths.forWrite(copyPath, { createFolders: false });
      if (target.exists) continue;
      this.expected.set(copyPath, version);
      try {
        await writeFileExclusive(target.abs, bytes, { fs: this.fs });
      } catch (error) {
        this.expected.delete(copyPath);
        if (errorCode(error) === 'EEXIST') continue;
        throw error;
      }
      const stats = await this.fs.stat(target.abs);
      this.remember(copyPath, stats, new TextDecoder().decode(bytes), version);
      this.expected.delete(copyPath);
      break;
    }
    const copy = this.records.get(copyPath)!;
    const changes: NoteChange[] = [this.change('added', copyPath, false)];
    const current = await this.rememberCurrent(path, abs, changes);
    this.emit(changes);
    await this.removeDraft(path);
    return {
      status: 'conflict',
      conflictPath: copyPath,
      conflictNote: copySummary(copy.summary),
      conflictVersion: version,
      current,
    };
  }

  /**
   * A save with `ifChanged: 'report'` found the file changed since its base: nothing is
   * written and the note on disk goes back to the caller, who merges and saves again. The
   * draft stays until then: the edits are nowhere else but in the editor.
   */
  private async reportStale(path: string, abs: string): Promise<SaveResult> {
    const changes: NoteChange[] = [];
    const current = await this.rememberCurrent(path, abs, changes);
    this.emit(changes);
    return { status: 'stale', current };
  }

  /**
   * Reads the note on disk after a save found it changed, and announces the change (as
   * coming from outside) if the vault had not seen it yet, so lists do not wait for the watcher.
   */
  private async rememberCurrent(path: string, abs: string, changes: NoteChange[]): Promise<Note> {
    const current = await this.readAt(path, abs);
    const known = this.records.get(path);
    if (known?.version !== current.version) {
      const stats = await this.fs.stat(abs);
      this.remember(path, metaOf(stats, current.size), current.readOnly ? null : current.content, current.version);
      changes.unshift(this.change(known ? 'changed' : 'added', path, true));
    }
    return current;
  }

  /**
   * Deletes temporary files that atomic writes cut short by a crash left in the vault,
   * once they are older than a write could take (another instance may be mid-write).
   * Their note files hold the old content; the edits are in the drafts.
   */
  private async removeLeftovers(paths: string[]): Promise<void> {
    for (const abs of paths) {
      try {
        const stats = await this.fs.lstat(abs);
        if (stats.isFile() && Date.now() - stats.mtimeMs > LEFTOVER_TEMP_AGE_MS) await this.fs.rm(abs, { force: true });
      } catch (error) {
        this.log(`Could not remove the leftover temporary file ${abs}`, error);
      }
    }
  }

  private async removeDraft(path: string): Promise<void> {
    try {
      await this.drafts.remove(path);
    } catch (error) {
      // A stale draft is offered back later, which is harmless; a failed save is not.
      this.log(`Could not remove the recovery copy of ${path}`, error);
    }
  }

  private async moveDraft(from: string, to: string): Promise<void> {
    try {
      const draft = await this.drafts.read(from);
      if (!draft) return;
      await this.drafts.write({ ...draft, path: to });
      await this.drafts.remove(from);
    } catch (error) {
      this.log(`Could not move the recovery copy of ${from} to ${to}`, error);
    }
  }

  private async namesIn(folderAbs: string): Promise<Set<string>> {
    return new Set((await this.fs.readdir(folderAbs)).map((e) => e.name.toLowerCase()));
  }

  private async readAt(path: string, abs: string): Promise<Note> {
    const stats = await this.fs.stat(abs);
    if (stats.size > MAX_NOTE_BYTES) {
      return {
        ...summarizeNote(path, stats, null),
        content: '',
        version: fileVersion(null, stats),
        readOnly: {
          reason: `This note is ${megabytes(stats.size)}, larger than the ${megabytes(MAX_NOTE_BYTES)} the app opens; open it in another editor.`,
        },
      };
    }
    const bytes = await this.fs.readFile(abs);
    const { content, readOnly } = decodeNote(bytes);
    return {
      ...summarizeNote(path, { size: bytes.length, mtime: stats.mtime }, content),
      content,
      version: versionOf(bytes),
      readOnly,
    };
  }

  /** Reads a note's file to refresh its record, and returns its summary. */
  private async summaryAt(path: string, abs: string): Promise<NoteSummary> {
    const note = await this.readAt(path, abs);
    const stats = await this.fs.stat(abs);
    this.remember(path, metaOf(stats, note.size), note.readOnly ? null : note.content, note.version);
    return stripNote(note);
  }

  private remember(path: string, stats: FileMeta, text: string | null, version: string): NoteRecord {
    const record: NoteRecord = { summary: summarizeNote(path, stats, text), version, stamp: stampOf(stats) };
    this.records.set(path, record);
    return record;
  }

  // ---- watching and rescanning ----------------------------------------------------

  private onWatchEvent(folder: string, name: string | null): void {
    if (this.closed || (name !== null && isIgnoredName(name))) return;
    this.activity++;
    const target = name === null ? folder : folder === '' ? name : `${folder}/${name}`;
    this.targets.add(target);
    if (this.targets.size === 1 && !this.debounce) this.firstTargetAt = Date.now();
    if (this.debounce) clearTimeout(this.debounce);
    // Trailing debounce, bounded so a steady stream of events cannot postpone a rescan forever.
    const wait = Math.max(0, Math.min(this.debounceMs, this.firstTargetAt + MAX_DEBOUNCE_WAIT_MS - Date.now()));
    this.debounce = setTimeout(() => {
      this.debounce = null;
      const targets = collapseTargets(this.targets);
      this.targets = new Set();
      for (const target of targets) void this.runRefresh(target, true);
    }, wait);
    this.debounce.unref?.();
  }

  private schedulePoll(delay: number): void {
    if (this.closed || this.pollIntervalMs <= 0) return;
    this.pollTimer = setTimeout(() => {
      this.pollTimer = null;
      const started = Date.now();
      void this.runRefresh('', false).finally(() => {
        // Keep the rescan under 5% of the time, however large the vault.
        this.schedulePoll(Math.max(this.pollIntervalMs, (Date.now() - started) * 20));
      });
    }, delay);
    this.pollTimer.unref?.();
  }

  /** Queues a refresh after any running one; refreshes never overlap. */
  private runRefresh(target: string, fromEvent: boolean): Promise<void> {
    const previous = this.refreshing ?? Promise.resolve();
    const next = previous
      .then(async () => {
        if (this.closed) return;
        try {
          await this.refresh(target, fromEvent);
        } catch (error) {
          if (!(error instanceof NotebookError)) this.log(`Rescanning ${target || 'the vault'} failed`, error);
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
  private async refresh(target: string, force: boolean): Promise<{ unreadable: string[] }> {
    const root = await this.paths.root().catch((error: unknown) => {
      if (error instanceof NotebookError) return null;
      throw error;
    });
    let found = new Map<string, FoundFile>();
    let unreadable: string[] = [];
    if (root !== null) {
      const abs = target === '' ? root : join(root, ...target.split('/'));
      const kind = await this.fs.lstat(abs).then(
        (s) => (s.isDirectory() ? 'folder' : 'file'),
        (error: unknown) => (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR' ? 'missing' : 'unknown'),
      );
      if (kind === 'unknown') return { unreadable: [target] };
      if (kind === 'missing') this.watcher?.retain(target, new Set());
      if (kind === 'folder') {
        const scan = await scanFolder(this.fs, root, target, {
          onFolder: (folder, folderAbs, ino) => this.watcher?.watchFolder(folder, folderAbs, ino),
        });
        found = scan.files;
        unreadable = scan.unreadable;
        if (scan.leftovers.length > 0) await this.removeLeftovers(scan.leftovers);
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
      const record = this.records.get(path);
      if (!record || force || !sameStamp(record.stamp, stampOf(file.stats))) candidates.add(path);
    }
    for (const path of this.records.keys()) {
      if (inScope(path, target) && !found.has(path) && !unreadable.some((folder) => inScope(path, folder))) {
        candidates.add(path);
      }
    }
    const changes = (
      await pLimit(READ_CONCURRENCY).map([...candidates], (path) =>
        this.queue
          .run(keyOf(path), () => this.reconcile(path))
          .catch((error: unknown) => {
            // One unreadable file (permission denied, I/O error) must not hide the other changes.
            this.log(`Could not read ${path}`, error);
            return null;
          }),
      )
    ).filter((c): c is NoteChange => c !== null);
    if (changes.length > 0 && this.ready) this.emit(changes);
    return { unreadable };
  }

  /** Looks at one note path on disk, in its queue turn, and updates its record. */
  private async reconcile(path: string): Promise<NoteChange | null> {
    const record = this.records.get(path);
    let root: string;
    try {
      root = await this.paths.root();
    } catch {
      return this.forget(path, record);
    }
    const file = await this.inspect(root, path);
    if (!file) return this.forget(path, record);
    let bytes: Buffer | null = null;
    if (file.stats.size <= MAX_NOTE_BYTES) {
      try {
        bytes = await this.fs.readFile(file.abs);
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
    if (record?.version === version || this.expected.get(path) === version) {
      // Same content (a touch, or the app's own write seen again): refresh metadata quietly.
      this.remember(path, stats, text, version);
      return null;
    }
    this.remember(path, stats, text, version);
    return this.change(record ? 'changed' : 'added', path, true);
  }

  private forget(path: string, record: NoteRecord | undefined): NoteChange | null {
    if (!record) return null;
    this.records.delete(path);
    return { kind: 'removed', path, external: true };
  }

  /** The file behind a note path if it is a note the vault lists (see scanFolder), else null. */
  private async inspect(root: string, path: string): Promise<FoundFile | null> {
    const abs = join(root, ...path.split('/'));
    try {
      const link = await this.fs.lstat(abs);
      let real = abs;
      if (link.isSymbolicLink()) {
        real = await this.fs.realpath(abs);
        if (!isInside(root, real)) return null;
      } else {
        // A folder on the way may have been replaced by a link since the scan.
        const parent = await this.fs.realpath(join(abs, '..'));
        if (!isInside(root, parent)) return null;
      }
      const stats = await this.fs.stat(real);
      return stats.isFile() ? { abs: real, stats } : null;
    } catch {
      return null;
    }
  }

  // ---- plumbing -------------------------------------------------------------------

  /** A change of a note the records know now, with its version and summary. */
  private change(kind: 'added' | 'changed', path: string, external: boolean): NoteChange {
    const record = this.records.get(path);
    if (!record) return { kind, path, external };
    return { kind, path, version: record.version, note: copySummary(record.summary), external };
  }

  private emit(changes: NoteChange[]): void {
    if (changes.length === 0) return;
    try {
      this.options.onChanges?.(changes);
    } catch (error) {
      this.log('A notes-changed listener failed', error);
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new NotebookError('io-failure', 'This vault was closed; reload the app.');
  }

  /** Turns any error into a NotebookError worded for the user (NotebookErrors pass through). */
  private async failure(what: string, error: unknown, advice = ''): Promise<unknown> {
    if (error instanceof NotebookError) {
      if (error.code === 'io-failure' && !error.message.startsWith(what)) {
        const message = error.message.charAt(0).toLowerCase() + error.message.slice(1);
        return new NotebookError('io-failure', `${what}: ${message.replace(/\.$/, '')}.${advice ? ` ${advice}` : ''}`);
      }
      return error;
    }
    if (!isIoError(error)) return error;
    let vaultGone = false;
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') {
      vaultGone = await this.fs.stat(this.vaultPath).then(
        (s) => !s.isDirectory(),
        () => true,
      );
    }
    return ioFailure(what, error, this.vaultPath, vaultGone, advice);
  }
}

/** Queue key of a note path: case-insensitive, so one file is one key on every file system. */
function keyOf(path: string): string {
  return path.normalize('NFC').toLowerCase();
}

/** The version of a file's bytes; for a file too large to read, one derived from its metadata. */
function fileVersion(bytes: Uint8Array | null, stats: Stats): string {
  if (bytes && stats.size <= MAX_NOTE_BYTES) return versionOf(bytes);
  return versionOf(encoder.encode(`too-large:${stats.size}:${stats.mtimeMs}:${stats.ino}`));
}

/** The file's bytes (null when too large to read) and metadata, or null when there is no file. */
async function readIfExists(fs: VaultFs, abs: string): Promise<{ bytes: Buffer | null; stats: Stats } | null> {
  try {
    const stats = await fs.stat(abs);
    if (stats.size > MAX_NOTE_BYTES) return { bytes: null, stats };
    return { bytes: await fs.readFile(abs), stats };
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

/** File metadata the records keep; `size` is what was read, which may differ from a stale stat. */
interface FileMeta {
  size: number;
  mtime: Date;
  mtimeMs: number;
  ino: number;
}

function metaOf(stats: Stats, size: number = stats.size): FileMeta {
  return { size, mtime: stats.mtime, mtimeMs: stats.mtimeMs, ino: stats.ino };
}

function copySummary(summary: NoteSummary): NoteSummary {
  return { ...summary, aliases: [...summary.aliases], tags: [...summary.tags] };
}

function stripNote(note: Note): NoteSummary {
  const { content: _c, version: _v, readOnly: _r, ...summary } = note;
  return summary;
}

function tooLarge(label: string, bytes: number): NotebookError {
  return new NotebookError(
    'invalid-arguments',
    `"${label}" is ${megabytes(bytes)}, more than the ${megabytes(MAX_NOTE_BYTES)} a note may hold.`,
  );
}

/** A NUL character would make the file binary, and the note read-only from then on. */
function refuseNul(content: string): void {
  if (content.includes('\u0000')) {
    throw new NotebookError(
      'invalid-arguments',
      'The text contains NUL characters, which a Markdown file cannot hold.',
    );
  }
}

function alreadyExists(title: string, folder: string): NotebookError {
  return new NotebookError(
    'already-exists',
    `A note named "${title}" already exists ${folder ? `in "${folder}"` : 'in the vault'} (names ignore letter case).`,
  );
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
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
