/**
 * "Quote this highlight in the note" (issue #17), asked by the reader (its popover, its
 * commands, a highlight dropped on the editor) and carried out by whoever holds the note
 * editor: it inserts a quote block with the passage and a link back to the highlight at the
 * caret of the open note, or in a new note when none is open.
 */
export interface QuoteRequest {
  entryId: string;
  highlightId: string;
}

type Listener = (request: QuoteRequest) => void;

const listeners = new Set<Listener>();

/** Asks for `request` to be quoted. Returns false when nothing can carry it out (no shell mounted). */
export function requestQuote(request: QuoteRequest): boolean {
  for (const listener of listeners) listener(request);
  return listeners.size > 0;
}

/** Carries out quote requests; returns the cleanup. */
export function onQuoteRequest(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The drag data type of a highlight dragged from the reader: its QuoteRequest as JSON. */
export const HIGHLIGHT_DRAG_TYPE = 'application/x-study-notebook-highlight';

const ENTRY_ID = /^[a-z0-9-]{1,200}$/;
const HIGHLIGHT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The QuoteRequest of a highlight's drag data, or null when it is not one. Any page can set
 * drag data, so it is checked: a forged drop can at most ask to quote an existing highlight,
 * whose passage the backend supplies.
 */
export function parseQuoteDrag(data: string): QuoteRequest | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { entryId, highlightId } = value as Record<string, unknown>;
  if (typeof entryId !== 'string' || !ENTRY_ID.test(entryId)) return null;
  if (typeof highlightId !== 'string' || !HIGHLIGHT_ID.test(highlightId)) return null;
  return { entryId, highlightId };
}

/** The note editor's drop target for highlights (see Editor's `quoteDrop`). */
export const HIGHLIGHT_QUOTE_DROP = {
  type: HIGHLIGHT_DRAG_TYPE,
  drop(data: string): void {
    const request = parseQuoteDrag(data);
    if (request) requestQuote(request);
  },
};
