import type { DocRef } from './docRef';

export type SearchScope = 'all' | 'glossary' | 'notes';

/** A short excerpt of a document's text around matches, as plain text. */
export interface SearchSnippet {
  text: string;
  /** The matched words in `text`, as [start, end) offsets. */
  highlights: Array<[number, number]>;
}

export interface SearchHit {
  ref: DocRef;
  kind: 'entry' | 'note';
  title: string;
  /**
   * The note's folder ('' at the root); for a glossary entry whose title other entries
   * share, its pack and the first words of its definition ('' otherwise).
   */
  folder: string;
  score: number;
  snippets: SearchSnippet[];
  /** The words to highlight when the document is opened from this hit. */
  terms: string[];
  /**
   * When no document had every word of the query, the closest matches follow: the query
   * words (as typed; alternatives joined by OR) this one does not have. Absent when it has all.
   */
  missing?: string[];
}

/** Where an index stands; it is built in the background after a start. */
export interface IndexStatus {
  state: 'building' | 'ready';
  /** The user's notes indexed so far (reference-pack entries are counted apart, in `entries`). */
  indexed: number;
  /** The user's notes the index is to hold. */
  total: number;
  /**
   * The reference-pack entries, for an index that holds them too (the search index): how
   * many of them it holds so far of how many. Absent for an index of notes only (links).
   */
  entries?: { indexed: number; total: number };
}

export interface SearchResults {
  hits: SearchHit[];
  /** All matching documents, of which `hits` are the best. */
  total: number;
  status: IndexStatus;
}

/** One choice in the quick switcher. */
export interface SwitcherItem {
  ref: DocRef;
  kind: 'entry' | 'note';
  title: string;
  /** A note's folder; for an entry whose title others share, its pack and first words (see SearchHit). */
  folder: string;
  /** The alias that matched, when the title did not. */
  matchedAlias: string | null;
  /** Matched characters in the title (or alias), as [start, end) offsets, for highlighting. */
  highlights: Array<[number, number]>;
}
