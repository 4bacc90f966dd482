import type { NoteChange } from '@shared/domain/note';
import type { EventBus } from '../events/EventBus';
import { CacheWriter, type CacheWriterOptions } from './CacheWriter';

export interface DerivedIndexOptions {
  /** Where `notes-changed` arrives. */
  events: EventBus;
  log(message: string, error?: unknown): void;
  /**
   * Applies a batch of changes to the index: the latest change of each path since the
   * previous batch, in arrival order. Batches run one after another, never overlapping.
   */
  apply(changes: NoteChange[]): Promise<void>;
  /** Logged when a batch fails (the next batch still runs). */
  applyFailureMessage: string;
  /** Runs synchronously as changes arrive, before they are batched (cheap bookkeeping). */
  onArrive?(changes: NoteChange[]): void;
  /**
   * When a batch is cut: `'now'` (the default) as soon as the running batch ended, so a
   * change reaches the index at once; `'next-turn'` one event-loop turn later, so a burst
   * of changes (a folder moved, a sync tool's writes) goes together.
   */
  batching?: 'now' | 'next-turn';
  /** Batches wait until the index was first marked ready (changes made while it builds follow it). */
  applyAfterReady?: boolean;
  /** The index's cache file; without it the index lives in memory only. */
  cache?: Omit<CacheWriterOptions, 'log'> | null;
}

/**
 * What every index derived from the vault's notes goes through (the link index, the search
 * index): it follows `notes-changed` from the moment it is created, queues changes per path
 * (a newer change of a path replaces an older one not applied yet) and applies them in
 * batches, one at a time; it knows when the index is ready and when every change seen so
 * far was applied (`settled`, so a query can read its own writes); it writes the index's
 * cache a while after changes and at close; and `close` stops all of it.
 */
export class DerivedIndexLifecycle {
  private readonly pending = new Map<string, NoteChange>();
  private tail: Promise<void> = Promise.resolve();
  private scheduled = false;
  /** Changes that arrived and whose batch has not finished, and those of them not in a batch yet. */
  private unapplied = 0;
  private unbatched = 0;
  private isReady = false;
  private readonly readyWaiters: Array<() => void> = [];
  private readonly firstReady: Promise<void>;
  private resolveFirstReady!: () => void;
  private readonly unsubscribe: () => void;
  private stopped = false;
  private closed = false;
  /** Null without a cache. */
  readonly cache: CacheWriter | null;

  constructor(private readonly options: DerivedIndexOptions) {
    this.cache = options.cache ? new CacheWriter({ ...options.cache, log: options.log }) : null;
    this.firstReady = new Promise((resolve) => (this.resolveFirstReady = resolve));
    this.unsubscribe = options.events.on('notes-changed', ({ changes }) => this.arrive(changes));
  }

  // ---- ready state ------------------------------------------------------------------

  /** True while the index holds every note (see markReady and markBuilding). */
  get ready(): boolean {
    return this.isReady;
  }

  markReady(): void {
    this.isReady = true;
    this.resolveFirstReady();
    for (const resolve of this.readyWaiters.splice(0)) resolve();
  }

  /** The index is (re)building: `whenReady` waits again. */
  markBuilding(): void {
    this.isReady = false;
  }

  /** Resolves once the index is ready, or once it was closed. */
  whenReady(): Promise<void> {
    if (this.isReady || this.closed) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** Resolves once the index was ready for the first time (it may be rebuilding since). */
  get built(): Promise<void> {
    return this.firstReady;
  }

  // ---- changes ----------------------------------------------------------------------

  /** True while a change seen has not reached the index yet. */
  get busy(): boolean {
    return this.unapplied > 0;
  }

  /** Resolves once every change seen so far was applied (or dropped by `stop`). */
  async settled(): Promise<void> {
    while (this.unapplied > 0 && !this.stopped) {
      if (this.scheduled && this.options.batching === 'next-turn') {
        await new Promise((resolve) => setImmediate(resolve));
      }
      await this.tail;
    }
  }

  /** Stops following changes; changes not in a batch yet are dropped. */
  stopListening(): void {
    this.unsubscribe();
  }

  private arrive(changes: NoteChange[]): void {
    if (this.stopped) return;
    this.options.onArrive?.(changes);
    for (const change of changes) {
      this.pending.set(change.path, change);
      this.unapplied++;
      this.unbatched++;
    }
    if (this.scheduled) return;
    this.scheduled = true;
    if (this.options.batching === 'next-turn') {
      setImmediate(() => this.chain(this.takeBatch()));
    } else {
      this.chain(null);
    }
  }

  /** Runs a batch after the running one; `batch` null takes the pending changes when its turn comes. */
  private chain(batch: { changes: NoteChange[]; count: number } | null): void {
    let count = batch?.count ?? 0;
    this.tail = this.tail
      .then(async () => {
        if (this.options.applyAfterReady) await this.firstReady;
        let taken = batch;
        if (!taken) {
          taken = this.takeBatch();
          count = taken.count;
        }
        if (taken.changes.length === 0 || this.stopped) return;
        await this.options.apply(taken.changes);
      })
      .catch((error: unknown) => this.options.log(this.options.applyFailureMessage, error))
      .finally(() => {
        this.unapplied -= count;
      });
  }

  private takeBatch(): { changes: NoteChange[]; count: number } {
    this.scheduled = false;
    const changes = [...this.pending.values()];
    const count = this.unbatched;
    this.pending.clear();
    this.unbatched = 0;
    return { changes, count };
  }

  // ---- closing ----------------------------------------------------------------------

  /**
   * Stops following changes (those not applied yet are dropped), waits for the running
   * batch, writes the cache if it changed, and releases whoever waits for `whenReady`.
   * Safe to call twice.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stopped = true;
    this.unsubscribe();
    await this.tail.catch(() => undefined);
    await this.cache?.close();
    for (const resolve of this.readyWaiters.splice(0)) resolve();
  }
}
