import type { EntryRows, EntrySummary } from '@shared/domain/glossary';
import { fold } from '@shared/text/fold';

/** How many recent filter results are kept to narrow the next query from. */
const KEPT_RESULTS = 8;

interface Result {
  packId: string | undefined;
  words: string[];
  /** Positions in the summaries, in title order. */
  matches: Int32Array;
}

/**
 * The glossary list's rows a window at a time (NotebookApi.listEntryRows), so the UI never
 * holds the 120,000 summaries of a dictionary-sized pack: it asks for the rows in view.
 *
 * Matching is the sidebar filter's (renderer ui/filterIndex.ts): every word of the query,
 * folded, occurs in the entry's folded title or aliases ("1234" finds "Term 01234"), so a
 * word-prefix index cannot answer it alone. Instead each entry's texts are folded once (on
 * the first filter), the result of a query is kept as positions in the title order, and a
 * query that narrows a kept one ("ban" → "bank", "bank" → "bank ri") scans only that
 * result: the first keystroke scans every entry once (a few ms at 120,000), the following
 * ones a shrinking set, and paging through a result is a slice.
 */
export class EntryRowIndex {
  /** Each entry's folded title and aliases, made on the first filter or ahead of it (warm). */
  private haystacks: string[] = [];
  private readonly packPositions = new Map<string, Int32Array>();
  private results: Result[] = [];

  /** `summaries` in title order (PackLibrary.entries()); not copied, not to be mutated. */
  constructor(private readonly summaries: readonly EntrySummary[]) {}

  rows({
    filter,
    packId,
    offset,
    limit,
  }: {
    filter: string;
    packId?: string;
    offset: number;
    limit: number;
  }): EntryRows {
    const words = filterWords(filter);
    const pack = packId === undefined ? null : this.positionsOf(packId);
    const all = pack ? pack.length : this.summaries.length;
    let total: number;
    let at: (n: number) => number;
    if (words.length === 0) {
      total = all;
      at = pack ? (n) => pack[n]! : (n) => n;
    } else {
      const matches = this.match(packId, words, pack);
      total = matches.length;
      at = (n) => matches[n]!;
    }
    const rows: EntrySummary[] = [];
    for (let n = offset; n < Math.min(total, offset + limit); n++) rows.push(copy(this.summaries[at(n)]!));
    return { total, all, rows };
  }

  private positionsOf(packId: string): Int32Array {
    let positions = this.packPositions.get(packId);
    if (!positions) {
      const found: number[] = [];
      this.summaries.forEach((summary, n) => summary.packId === packId && found.push(n));
      positions = Int32Array.from(found);
      this.packPositions.set(packId, positions);
    }
    return positions;
  }

  private match(packId: string | undefined, words: string[], pack: Int32Array | null): Int32Array {
    const key = words.join(' ');
    const same = this.results.find((r) => r.packId === packId && r.words.join(' ') === key);
    if (same) return this.keep(same).matches;
    const texts = this.foldUpTo(this.summaries.length);
    // The smallest kept result this query narrows, else every entry (of the pack).
    let from: Int32Array | null = pack;
    for (const result of this.results)
      if (result.packId === packId && narrows(result.words, words) && (!from || result.matches.length < from.length))
        from = result.matches;
    const found: number[] = [];
    const keep = (n: number) => {
      const text = texts[n]!;
      for (const word of words) if (!text.includes(word)) return;
      found.push(n);
    };
    if (from) for (const n of from) keep(n);
    else for (let n = 0; n < texts.length; n++) keep(n);
    return this.keep({ packId, words, matches: Int32Array.from(found) }).matches;
  }

  /**
   * Folds the entries' texts a slice at a time, giving other calls a turn between slices, so
   * that the first filter keystroke does not pay for folding 120,000 entries (a few hundred ms
   * on a loaded machine). Stops early when `cancelled()` turns true.
   */
  async warm(cancelled: () => boolean = () => false, slice = 10_000): Promise<void> {
    while (this.haystacks.length < this.summaries.length && !cancelled()) {
      this.foldUpTo(this.haystacks.length + slice);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private foldUpTo(end: number): string[] {
    const texts = this.haystacks;
    for (let n = texts.length; n < Math.min(end, this.summaries.length); n++) {
      const { title, aliases } = this.summaries[n]!;
      texts.push(fold(aliases.length ? [title, ...aliases].join('\n') : title));
    }
    return texts;
  }

  private keep(result: Result): Result {
    this.results = [result, ...this.results.filter((r) => r !== result)].slice(0, KEPT_RESULTS);
    return result;
  }
}

/** The folded, non-empty words of a filter (as the renderer's queryWords). */
function filterWords(filter: string): string[] {
  return fold(filter).split(/\s+/).filter(Boolean);
}

/** True when every text holding all of `next` holds all of `previous`. */
function narrows(previous: readonly string[], next: readonly string[]): boolean {
  return previous.every((word) => next.some((candidate) => candidate.includes(word)));
}

function copy(summary: EntrySummary): EntrySummary {
  return { ...summary, aliases: [...summary.aliases] };
}
