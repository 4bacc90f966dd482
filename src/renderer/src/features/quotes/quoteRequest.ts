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
