import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { IndexStatus } from '@shared/domain/search';
import { MAX_NOTE_BYTES } from '@shared/domain/note';
import { decodeNote } from '../vault/decodeNote';
import { isInside } from '../vault/VaultPaths';
import { CacheWriter } from '../derived/CacheWriter';
import { FullTextIndex, type IndexDoc, type StoredDoc } from './FullTextIndex';
import { decodeIndexCache, encodeIndexCache, readIndexCacheFile, writeIndexCacheFile } from './indexCache';
import { sameStatus } from './sameStatus';
import { docKey, noteToIndexDoc, type NoteMeta } from './indexDocs';
import type { FromIndexer, IndexerOptions, NoteUpsert, ToIndexer } from './indexerProtocol';
import { loadPackIndex, type PackIndexSource } from './packIndexCache';

/** Reads a note's text for indexing from the vault's real path; null when it cannot be read. */
export type NoteReader = (vaultRoot: string, path: string) => Promise<string | null>;

/**
 * The indexer: owns the full-text index and keeps it equal to the vault. Runs in the
 * search worker (searchWorker.ts), or in the calling thread in tests; either way it only
 * talks through messages (indexerProtocol.ts).
 *
 * On `init` it indexes the entries it was given at once, then loads each reference pack's
 * index from the pack's own cache file (packIndexCache.ts; rebuilt from the pack's entries
 * file when missing, stale or damaged), then loads the vault's cache, keeping only notes whose version still matches the vault, then reads and
 * indexes the notes that are new or changed, reporting progress. Changes (`apply`) are
 * applied immediately, even during the build, and win over whatever the build read.
 * Searches are answered between build steps. The cache is rewritten after the build when
 * anything differed, after changes (debounced), and on `flush`/`close`.
 */
export class IndexerCore {
  private index: FullTextIndex = new FullTextIndex();
  private readonly notes = new Map<string, NoteMeta>();
  /** Notes changed by `apply` while building: the build must not overwrite them. */
  private readonly touched = new Set<string>();
  private entryCount = 0;
  /** Notes in the index (the rest of its documents are reference-pack entries). */
  private notesIndexed = 0;
  private building = true;
  private closed = false;
  private cachePath: string | null = null;
  private options: Required<Omit<IndexerOptions, 'index'>> = {
    cacheDebounceMs: 2000,
    cacheMaxWaitMs: 30_000,
    statusIntervalMs: 100,
    readConcurrency: 16,
  };
  /** Writes the cache (see CacheWriter); null without a cache path. Held while the index builds. */
  private cache: CacheWriter | null = null;
  private vacuumTimer: ReturnType<typeof setTimeout> | null = null;
  private build: Promise<void> = Promise.resolve();
  private lastStatusAt = 0;
  private lastStatus: IndexStatus | null = null;

  constructor(
    private readonly post: (message: FromIndexer) => void,
    private readonly readNote: NoteReader = readVaultNote,
  ) {}

  handle(message: ToIndexer): void {
    switch (message.type) {
      case 'init':
        this.init(message);
        return;
      case 'apply':
        this.apply(message.upserts, message.removals);
        return;
      case 'search':
        try {
          const value = this.index.search(message.query, { scope: message.scope, limit: message.limit });
          this.post({ type: 'reply', id: message.id, ok: true, value });
        } catch (error) {
          this.post({ type: 'reply', id: message.id, ok: false, message: describe(error) });
        }
        return;
      case 'flush':
      case 'close': {
        const id = message.id;
        const done = message.type === 'close' ? this.close() : this.flush();
        done.then(
          () => this.post({ type: 'reply', id, ok: true, value: null }),
          (error: unknown) => this.post({ type: 'reply', id, ok: false, message: describe(error) }),
        );
        return;
      }
    }
  }

  private init(message: Extract<ToIndexer, { type: 'init' }>): void {
    const { index: indexOptions, ...rest } = message.options;
    this.options = { ...this.options, ...stripUndefined(rest) };
    this.index = new FullTextIndex(indexOptions);
    this.cachePath = message.cachePath;
    const cachePath = message.cachePath;
    this.cache = cachePath
      ? new CacheWriter({
          write: () =>
            writeIndexCacheFile(
              cachePath,
              encodeIndexCache(this.index, (doc) => doc.kind === 'note'),
            ),
          log: (text, error) => this.log(text, error),
          failureMessage: 'Could not write the search index cache',
          trailing: true,
          maxWaitMs: this.options.cacheMaxWaitMs,
          retryFailed: true,
        })
      : null;
    this.cache?.hold();
    for (const entry of message.entries) this.index.add(entry);
    const packs = message.packs ?? [];
    this.entryCount = message.entries.length + packs.reduce((sum, pack) => sum + pack.entryCount, 0);
    for (const note of message.notes) this.notes.set(note.path, note);
    this.postStatus(true);
    this.build = this.runBuild(message.vaultPath, packs).catch((error: unknown) => {
      this.log('Building the search index failed', error);
      this.building = false;
      this.cache?.release();
      this.postStatus(true);
    });
  }

  private async runBuild(vaultPath: string, packs: readonly PackIndexSource[]): Promise<void> {
    // Packs first, each from its own cache file (see packIndexCache), before the notes.
    for (const pack of packs) {
      if (this.closed) break;
      try {
        await loadPackIndex(this.index, pack, (text, error) => this.log(text, error));
      } catch (error) {
        this.log(`The entries of the pack ${pack.packId} could not be indexed`, error);
      }
      this.postStatus(false);
    }
    const root = await fs.realpath(vaultPath).catch(() => vaultPath);
    let needsWrite = false;
    if (this.cachePath) {
      const bytes = await readIndexCacheFile(this.cachePath);
      if (bytes === null) {
        needsWrite = true;
      } else {
        let rejected = 0;
        const accept = (doc: StoredDoc) => {
          const path = doc.key.slice(2);
          const ok = doc.kind === 'note' && !this.touched.has(path) && this.notes.get(path)?.version === doc.version;
          if (!ok) rejected++;
          return ok;
        };
        const result = decodeIndexCache(bytes, this.index, accept);
        if ('problem' in result) {
          this.log(`The search index cache was ${result.problem}; rebuilding it`);
          needsWrite = true;
        } else if (rejected > 0) {
          needsWrite = true;
        }
      }
    }
    const pending = [...this.notes.values()].filter(
      (note) => !this.index.has(docKey({ kind: 'note', path: note.path })),
    );
    // The cache added notes (whatever it held, even when found damaged part way): counted once here.
    this.notesIndexed = this.notes.size - pending.length;
    if (pending.length > 0) needsWrite = true;
    this.postStatus(true);
    await forEachLimit(pending, this.options.readConcurrency, async (note) => {
      if (this.closed || this.touched.has(note.path)) return;
      const text = await this.readNote(root, note.path).catch(() => null);
      // A change applied meanwhile is newer than what was read.
      if (this.closed || this.touched.has(note.path) || this.notes.get(note.path) !== note) return;
      this.addNote(noteToIndexDoc(note, text));
      this.postStatus(false);
    });
    // Posting lists grew as notes were added; drop the slack before settling in.
    if (!this.closed) this.index.compact();
    this.building = false;
    this.cache?.release();
    this.touched.clear();
    this.postStatus(true);
    if ((needsWrite || this.cache?.isDirty) && !this.closed) this.markDirty(500);
  }

  private apply(upserts: NoteUpsert[], removals: string[]): void {
    for (const path of removals) {
      this.notes.delete(path);
      if (this.building) this.touched.add(path);
      const key = docKey({ kind: 'note', path });
      if (this.index.has(key)) this.notesIndexed--;
      this.index.remove(key);
    }
    for (const upsert of upserts) {
      const { text, ...meta } = upsert;
      this.notes.set(meta.path, meta);
      if (this.building) this.touched.add(meta.path);
      this.addNote(noteToIndexDoc(meta, text));
    }
    if (upserts.length + removals.length === 0) return;
    this.postStatus(false);
    this.markDirty(this.options.cacheDebounceMs);
    this.scheduleVacuum();
  }

  private addNote(doc: IndexDoc): void {
    if (!this.index.has(doc.key)) this.notesIndexed++;
    this.index.add(doc);
  }

  /** Notes and entries counted apart: the UI says "n of N notes" and means the user's notes. */
  private status(): IndexStatus {
    return {
      state: this.building ? 'building' : 'ready',
      indexed: this.notesIndexed,
      total: this.notes.size,
      entries: { indexed: this.index.size - this.notesIndexed, total: this.entryCount },
    };
  }

  /** Posts the status when it changed (`force`: also when throttling would hold it back). */
  private postStatus(force: boolean): void {
    const status = this.status();
    const last = this.lastStatus;
    if (last && sameStatus(last, status)) return;
    const now = Date.now();
    if (!force && last?.state === status.state && status.state === 'building') {
      if (now - this.lastStatusAt < this.options.statusIntervalMs) return;
    }
    this.lastStatus = status;
    this.lastStatusAt = now;
    this.post({ type: 'status', status });
  }

  private markDirty(delay: number): void {
    if (this.closed) return;
    this.cache?.markDirty(delay);
  }

  private scheduleVacuum(): void {
    if (this.vacuumTimer || !this.index.shouldVacuum) return;
    this.vacuumTimer = setTimeout(() => {
      this.vacuumTimer = null;
      if (!this.closed && this.index.shouldVacuum) this.index.vacuum();
    }, 1000);
    this.vacuumTimer.unref?.();
  }

  private async flush(): Promise<void> {
    await this.cache?.flush();
  }

  private async close(): Promise<void> {
    this.closed = true;
    if (this.vacuumTimer) clearTimeout(this.vacuumTimer);
    this.vacuumTimer = null;
    await this.build;
    // What was indexed so far is correct, version by version: worth keeping even mid-build.
    await this.flush();
  }

  private log(message: string, error?: unknown): void {
    this.post({ type: 'log', message, ...(error === undefined ? {} : { detail: describe(error) }) });
  }
}

/**
 * Reads a note for indexing (`root` is the vault's real path), refusing files whose real path leaves the vault (a link
 * to elsewhere), files larger than the app opens, binary files (NUL bytes) and anything
 * but regular files. Text that is not valid UTF-8 is decoded leniently, as the vault
 * shows it.
 */
export async function readVaultNote(root: string, path: string): Promise<string | null> {
  const real = await fs.realpath(join(root, ...path.split('/')));
  if (!isInside(root, real)) return null;
  const stats = await fs.stat(real);
  if (!stats.isFile() || stats.size > MAX_NOTE_BYTES) return null;
  const bytes = await fs.readFile(real);
  // A binary file named .md: its title is searchable, its bytes are not words.
  if (bytes.includes(0)) return null;
  return decodeNote(bytes).content;
}

async function forEachLimit<T>(items: T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await run(item);
    }
  });
  await Promise.all(lanes);
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
