import type { TextSelectors } from '../annotations/anchoring';

// Here, not in annotations/highlightFile.ts (which reads and writes the files): the page
// needs these, and that module brings the YAML parser (≈ 100 KB) into the page's first chunk.
export const HIGHLIGHT_COLOURS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColour = (typeof HIGHLIGHT_COLOURS)[number];
export const DEFAULT_COLOUR: HighlightColour = 'yellow';

export interface Highlight {
  /** Stable id, unique in its file: letters, digits, `-` and `_`. */
  id: string;
  colour: HighlightColour;
  /** ISO 8601 timestamps. */
  created: string;
  updated: string;
  /**
   * The margin note, Markdown, possibly several paragraphs. Absent when there is none. Kept
   * with LF line breaks and without leading or trailing blank lines (see highlightFile's
   * `normalizeText`).
   */
  note?: string;
  /** Where the passage is. Whether it can still be placed (orphaned) is computed by anchoring. */
  selectors: TextSelectors;
}

/**
 * Where a highlight is in its entry's current text (see shared/annotations/entryText):
 * `exact` when its passage is there unchanged, false when it was placed by fuzzy matching
 * after the entry's text changed.
 */
export interface HighlightPlace {
  start: number;
  end: number;
  exact: boolean;
}

/** A highlight as the UI shows it: its stored data and where it is now (null: orphaned). */
export interface PlacedHighlight extends Highlight {
  place: HighlightPlace | null;
}

/** The highlights of one entry (see NotebookApi.getEntryHighlights). */
export interface EntryHighlights {
  entryId: string;
  /** The vault path of its highlight file; null while it has none. */
  path: string | null;
  /** In the order of their places in the entry; orphans last, oldest first. */
  highlights: PlacedHighlight[];
  /** What could not be read in the file (kept in it as written), for people: "line 12: …". */
  problems: string[];
}

/** One annotated entry (see NotebookApi.listHighlightedEntries). */
export interface HighlightedEntrySummary {
  entryId: string;
  /** The entry's title now, or the one the file recorded when the entry is gone. */
  title: string;
  path: string;
  count: number;
  /** False when the entry is no longer in any pack: all its highlights are orphans. */
  entryExists: boolean;
}

/** A change asked of one highlight (see NotebookApi.updateHighlight). */
export interface HighlightPatch {
  colour?: HighlightColour;
  /** The margin note, Markdown; '' removes it. */
  note?: string;
  /** Places an orphan (or any highlight) again on this passage of the entry's current text. */
  place?: { start: number; end: number };
}
