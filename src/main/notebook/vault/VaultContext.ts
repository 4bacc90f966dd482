import { join } from 'node:path';
import { NotebookError } from '@shared/api/errors';
import type { NoteChange, NoteSummary } from '@shared/domain/note';
import { errorCode, nodeVaultFs, type VaultFs } from '../fs/VaultFs';
import { DraftStore } from './DraftStore';
import { ioFailure, isIoError } from './ioFailure';
import { KeyedQueue } from './KeyedQueue';
import { NoteTextHandoff } from './NoteTextHandoff';
import type { CachedMeta } from './noteMetaCache';
import { copySummary, type FileMeta } from './noteFile';
import { compareByModified } from '@shared/domain/noteOrder';
import { stampOf, summarizeNote, type NoteRecord } from './summarizeNote';
import { VaultPaths } from './VaultPaths';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type VaultLog = (message: string, error?: unknown) => void;

export interface VaultContextOptions {
  vaultPath: string;
  stateDir: string;
  protectedDirs?: string[];
  onChanges?: (changes: NoteChange[]) => void;
  fs?: VaultFs;
  now?: () => Date;
  log?: VaultLog;
}

/**
 * What the parts of an open vault share: the file system and its confined paths, the drafts,
 * the in-memory record of every note, the per-note queue every write and rescan takes its
 * turn in, and how changes and failures leave the vault. The repository (reads and writes)
 * and the sync (watching and rescanning) both work through it, so they agree on what the
 * vault holds and never mistake one another's writes for another program's.
 */
export class VaultContext {
  readonly vaultPath: string;
  readonly fs: VaultFs;
  readonly paths: VaultPaths;
  readonly drafts: DraftStore;
  readonly queue = new KeyedQueue();
  readonly now: () => Date;
  readonly log: VaultLog;
  /** What the vault knows about each note path (never the text). */
  readonly records = new Map<string, NoteRecord>();
  /** Versions the app is writing right now at new paths (conflict copies), so a rescan takes them as ours. */
  readonly expected = new Map<string, string>();
  /** Texts just read or written, held for the indexes that follow changes (see NoteTextHandoff). */
  readonly texts = new NoteTextHandoff();
  /** Records found on disk and not read yet (see NoteRecord.pending). */
  pendingCount = 0;
  /** Called whenever a record is set or forgotten (the metadata cache marks itself dirty). */
  onRecordsChanged: (() => void) | null = null;
  /** Counts operations and file events, so `settled` can tell whether anything happened while it waited. */
  activity = 0;
  closed = false;

  constructor(private readonly options: VaultContextOptions) {
    this.vaultPath = options.vaultPath;
    this.fs = options.fs ?? nodeVaultFs;
    this.paths = new VaultPaths(this.fs, options.vaultPath, options.protectedDirs ?? []);
    this.drafts = new DraftStore(this.fs, join(options.stateDir, 'drafts'));
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? ((message, error) => console.error(`[vault] ${message}`, error ?? ''));
  }

  /** Every note, most recently modified first (ties by title). */
  listNotes(): NoteSummary[] {
    return [...this.records.values()].map((r) => copySummary(r.summary)).sort(compareByModified);
  }

  remember(path: string, stats: FileMeta, text: string | null, version: string): NoteRecord {
    const record: NoteRecord = { summary: summarizeNote(path, stats, text), version, stamp: stampOf(stats) };
    this.setRecord(path, record);
    return record;
  }

  /**
   * Holds the text of the version `record` describes for the indexes that will read it
   * when the change is announced (see NoteTextHandoff), so they need not read the file again.
   */
  handOff(path: string, record: NoteRecord, text: string | null): void {
    // Text with a lone surrogate is not what the file holds (UTF-8 cannot encode it): read the file instead.
    if (text === null || LONE_SURROGATE.test(text)) this.texts.drop(path);
    else
      this.texts.put(path, { ...copySummary(record.summary), content: text, version: record.version, readOnly: null });
  }

  /** A note's record from the metadata cache (see noteMetaCache): trusted until the disk says otherwise. */
  rememberCached(path: string, meta: CachedMeta): NoteRecord {
    const summary = summarizeNote(path, { size: meta.size, mtime: new Date(meta.mtimeMs) }, null);
    summary.aliases = meta.aliases;
    summary.tags = meta.tags;
    const record: NoteRecord = { summary, version: meta.version, stamp: stampOf(meta) };
    // What the cache holds: nothing for the cache to write.
    this.setRecord(path, record, false);
    return record;
  }

  /** A note found on disk and not read yet: listed by its file name until it is read. */
  rememberPending(path: string, stats: FileMeta): NoteRecord {
    const record: NoteRecord = {
      summary: summarizeNote(path, stats, null),
      version: '',
      stamp: stampOf(stats),
      pending: true,
    };
    this.setRecord(path, record);
    return record;
  }

  /** Forgets a note's record (its file is gone). */
  forget(path: string): boolean {
    const record = this.records.get(path);
    if (!record) return false;
    if (record.pending) this.pendingCount--;
    this.records.delete(path);
    this.texts.drop(path);
    this.onRecordsChanged?.();
    return true;
  }

  private setRecord(path: string, record: NoteRecord, notify = true): void {
    const previous = this.records.get(path);
    if (previous?.pending) this.pendingCount--;
    if (record.pending) this.pendingCount++;
    this.records.set(path, record);
    if (notify) this.onRecordsChanged?.();
  }

  /** A change of a note the records know now, with its version and summary. */
  change(kind: 'added' | 'changed', path: string, external: boolean): NoteChange {
    const record = this.records.get(path);
    if (!record) return { kind, path, external };
    return { kind, path, version: record.version, note: copySummary(record.summary), external };
  }

  emit(changes: NoteChange[]): void {
    if (changes.length === 0) return;
    try {
      this.options.onChanges?.(changes);
    } catch (error) {
      this.log('A notes-changed listener failed', error);
    }
  }

  assertOpen(): void {
    if (this.closed) throw new NotebookError('io-failure', 'This vault was closed; reload the app.');
  }

  /** Turns any error into a NotebookError worded for the user (NotebookErrors pass through). */
  async failure(what: string, error: unknown, advice = ''): Promise<unknown> {
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
