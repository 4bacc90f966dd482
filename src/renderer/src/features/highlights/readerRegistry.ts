/**
 * The glossary readers on screen (the main view and the reference pane may both show one),
 * so that one set of commands acts on the reader the user is in: the one holding the
 * selection or the focus, else the one in the main view.
 */
export interface ReaderHighlights {
  readonly entryId: string;
  /** The reader's article element, while mounted. */
  article(): HTMLElement | null;
  /** Highlights the selection (default colour), or opens the focused highlight's actions. */
  highlight(): void;
  /** Opens the margin note editor of the focused highlight, or of a new one on the selection. */
  note(): void;
  /** Quotes the focused highlight, or highlights the selection and quotes it. */
  quote(): void;
  /** Moves the focus to the next (1) or previous (-1) highlight. */
  moveFocus(direction: 1 | -1): void;
  /** The passage selected in this reader's body, if any. */
  selection(): { start: number; end: number } | null;
}

const readers = new Set<ReaderHighlights>();

/** Adds a reader; returns the cleanup. */
export function registerReader(reader: ReaderHighlights): () => void {
  readers.add(reader);
  return () => readers.delete(reader);
}

function holds(reader: ReaderHighlights, node: Node | null): boolean {
  const article = reader.article();
  return article !== null && node !== null && article.contains(node);
}

/** The reader the user is in (see the module comment), or null when none is shown. */
export function activeReader(): ReaderHighlights | null {
  const selection = document.getSelection();
  const anchor = selection && !selection.isCollapsed ? selection.anchorNode : null;
  const all = [...readers];
  return (
    all.find((reader) => holds(reader, anchor)) ??
    all.find((reader) => holds(reader, document.activeElement)) ??
    all.find((reader) => reader.article()?.closest('main') != null) ??
    all[0] ??
    null
  );
}

/** The readers showing entry `entryId`, the one holding the selection first. */
export function readersOf(entryId: string): ReaderHighlights[] {
  const active = activeReader();
  return [...readers]
    .filter((reader) => reader.entryId === entryId)
    .sort((a, b) => Number(b === active) - Number(a === active));
}
