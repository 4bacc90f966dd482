/** How a derived index's cache file is kept: see CacheWriter. */
export interface CacheWriterOptions {
  /** Writes the whole cache (a snapshot of the index). */
  write(): Promise<void>;
  log(message: string, error?: unknown): void;
  /** Logged when a write fails. */
  failureMessage: string;
  /**
   * `true`: every change restarts the wait (a trailing debounce), bounded by `maxWaitMs`.
   * `false` (the default): the first change after a write starts the wait, later ones join it.
   */
  trailing?: boolean;
  /** With `trailing`, the longest a change waits for its write. Default: no bound. */
  maxWaitMs?: number;
  /** After a failed write, keep the cache dirty so the next write retries. Default false. */
  retryFailed?: boolean;
}

/**
 * The persistence half of a derived index's lifecycle (the link index, the search index):
 * a dirty flag, a delayed write once changes stop or pile up, writes one at a time (a
 * write started while another runs waits for it), and a last write at close. A failed
 * write is logged, never thrown: the cache is rebuilt at the next start.
 */
export class CacheWriter {
  private dirty = false;
  private dirtySince = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing: Promise<void> = Promise.resolve();
  private held = false;
  private closed = false;

  constructor(private readonly options: CacheWriterOptions) {}

  /** Whether changes wait to be written. */
  get isDirty(): boolean {
    return this.dirty;
  }

  /** Notes that the index changed; the cache is written `delayMs` later (see `trailing`). */
  markDirty(delayMs: number): void {
    if (this.closed) return;
    const now = Date.now();
    if (!this.dirty) this.dirtySince = now;
    this.dirty = true;
    if (this.held) return;
    if (this.timer) {
      if (!this.options.trailing) return;
      clearTimeout(this.timer);
    }
    const bound = this.options.maxWaitMs;
    const wait = bound === undefined ? delayMs : Math.max(0, Math.min(delayMs, this.dirtySince + bound - now));
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.write();
    }, wait);
    this.timer.unref?.();
  }

  /** Keeps changes from being written until `release` (while the index builds). */
  hold(): void {
    this.held = true;
  }

  release(): void {
    this.held = false;
  }

  /** Writes now if anything changed, after any write already running. */
  async flush(): Promise<void> {
    this.cancelTimer();
    await this.write();
  }

  /** Stops the timer and writes what changed; later changes are ignored. Safe to call twice. */
  async close(): Promise<void> {
    this.closed = true;
    this.cancelTimer();
    if (this.dirty) await this.write();
    await this.writing;
  }

  private cancelTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private write(): Promise<void> {
    this.writing = this.writing.then(async () => {
      if (!this.dirty) return;
      this.dirty = false;
      try {
        await this.options.write();
      } catch (error) {
        if (this.options.retryFailed) this.dirty = true;
        this.options.log(this.options.failureMessage, error);
      }
    });
    return this.writing;
  }
}
