import type { MentionContext } from '@shared/domain/links';

/** Default budget: characters of context text kept (about 2 bytes each). */
const DEFAULT_BUDGET = 4_000_000;

/**
 * The backlink contexts of recently shown notes, per note and version: a note's contexts
 * are valid only for the exact text they came from, so a stale entry can never be served.
 * Least recently used notes go first once the text held exceeds the budget.
 */
export class ContextCache {
  private readonly notes = new Map<string, { version: string; contexts: readonly MentionContext[]; size: number }>();
  private size = 0;

  constructor(private readonly budget = DEFAULT_BUDGET) {}

  get(path: string, version: string): readonly MentionContext[] | undefined {
    const entry = this.notes.get(path);
    if (!entry || entry.version !== version) return undefined;
    // Refresh its place in the LRU order.
    this.notes.delete(path);
    this.notes.set(path, entry);
    return entry.contexts;
  }

  has(path: string): boolean {
    return this.notes.has(path);
  }

  /** Keeps a note's contexts; they are frozen, as callers share them. */
  set(path: string, version: string, contexts: MentionContext[]): void {
    this.delete(path);
    for (const context of contexts) {
      for (const range of context.highlights) Object.freeze(range);
      Object.freeze(context.highlights);
      Object.freeze(context.headingPath);
      Object.freeze(context);
    }
    const size = contexts.reduce((sum, c) => sum + c.text.length + c.source.length + 64, 64);
    this.notes.set(path, { version, contexts, size });
    this.size += size;
    for (const [oldest, entry] of this.notes) {
      if (this.size <= this.budget || oldest === path) break;
      this.notes.delete(oldest);
      this.size -= entry.size;
    }
  }

  delete(path: string): void {
    const entry = this.notes.get(path);
    if (!entry) return;
    this.notes.delete(path);
    this.size -= entry.size;
  }
}
