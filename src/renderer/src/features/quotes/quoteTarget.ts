import type { QuoteBlock } from '../../editor/quotes/insertQuote';

/** Inserts a quote into a note's editor; false when the editor cannot take it now. */
export type QuoteInserter = (quote: QuoteBlock) => boolean;

interface QuoteTarget {
  path: string;
  insert: QuoteInserter;
}

let target: QuoteTarget | null = null;
/** Quotes waiting for a note to open (a note created to hold a quote), by note path. */
const pending = new Map<string, QuoteBlock>();

/**
 * The note view showing `path` takes quotes from now on (there is one open note at a time);
 * a quote waiting for that note goes in at once. Returns the cleanup.
 */
export function registerQuoteTarget(path: string, insert: QuoteInserter): () => void {
  const mine: QuoteTarget = { path, insert };
  target = mine;
  const waiting = pending.get(path);
  if (waiting && insert(waiting)) pending.delete(path);
  return () => {
    if (target === mine) target = null;
  };
}

/** The open note that takes quotes, or null when none is open. */
export function currentQuoteTarget(): QuoteTarget | null {
  return target;
}

/** Keeps `quote` until the note at `path` opens (see registerQuoteTarget). */
export function quoteWhenOpened(path: string, quote: QuoteBlock): void {
  pending.set(path, quote);
}
