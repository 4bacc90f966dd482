import type { TermsFound } from '@shared/domain/terms';
import { createTermMatcherBuilder, findTerms, type TermMatcher } from '@shared/terms/termMatcher';
import { isNoisyTermName } from '@shared/terms/termNames';

/** The names an entry is looked for by. */
export interface TermEntry {
  id: string;
  title: string;
  aliases: readonly string[];
}

/** How long one slice of the build may hold the event loop before it gives way. */
const SLICE_MS = 4;

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * The glossary's titles and aliases as a term matcher (shared/terms/termMatcher.ts), for
 * underlining terms in notes. Built off the request path: in slices of about SLICE_MS that
 * give way to other requests between them (a 120,000-entry pack takes 1–2 s of CPU in
 * all), started by `warm()` or by the first query, and again after the glossary changed
 * (`invalidate()`). Queries made during a build wait for it. Noisy names (isNoisyTermName)
 * are left out. Holds about 150 bytes per entry (docs/term-detection.md).
 */
export class TermIndex {
  private building: Promise<TermMatcher> | null = null;
  private generation = 0;
  /** Build statistics, for the bench and the docs. */
  readonly stats = { builds: 0, lastBuildMs: 0, slices: 0, longestSliceMs: 0 };

  constructor(private readonly entries: () => readonly TermEntry[]) {}

  /** The glossary changed: the next query (or warm) builds the matcher again. */
  invalidate(): void {
    this.generation++;
    this.building = null;
  }

  /** Starts building now, if no build is done or under way. */
  warm(): void {
    void this.matcher().catch(() => undefined);
  }

  /** The current glossary's matcher, built if needed. */
  matcher(): Promise<TermMatcher> {
    this.building ??= this.build(this.generation);
    return this.building;
  }

  /**
   * Each block's term occurrences, the first of each term per block only (firstOnly: a
   * later occurrence in the same block is never the first of its section either).
   */
  async find(blocks: readonly string[]): Promise<TermsFound> {
    const matcher = await this.matcher();
    const ids: string[] = [];
    const indexOf = new Map<string, number>();
    const index = (id: string): number => {
      let at = indexOf.get(id);
      if (at === undefined) {
        at = ids.push(id) - 1;
        indexOf.set(id, at);
      }
      return at;
    };
    const found = blocks.map((text) =>
      findTerms(matcher, text, { firstOnly: true }).map(({ start, end, ids: names }) => {
        const span = [start, end];
        for (const id of names) span.push(index(id));
        return span;
      }),
    );
    return { ids, blocks: found };
  }

  private async build(generation: number): Promise<TermMatcher> {
    const started = performance.now();
    const entries = this.entries();
    const builder = createTermMatcherBuilder();
    let sliceStart = performance.now();
    for (let index = 0; index < entries.length; index++) {
      const { id, title, aliases } = entries[index]!;
      const names = [title, ...aliases].filter((name) => !isNoisyTermName(name));
      builder.add({ id, names });
      if ((index & 63) === 63 && performance.now() - sliceStart > SLICE_MS) {
        this.stats.longestSliceMs = Math.max(this.stats.longestSliceMs, performance.now() - sliceStart);
        await nextTurn();
        this.stats.slices++;
        // The glossary changed meanwhile: this build's result would be stale.
        if (generation !== this.generation) return this.matcher();
        sliceStart = performance.now();
      }
    }
    this.stats.builds++;
    this.stats.lastBuildMs = performance.now() - started;
    return builder.finish();
  }
}
