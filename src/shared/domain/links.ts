import type { DocRef } from './docRef';

/** A link target as resolved by the backend: what `[[…]]` points at. */
export interface ResolvedTarget {
  ref: DocRef;
  kind: 'entry' | 'note';
  title: string;
}

/** One choice in the `[[` autocomplete menu. */
export interface LinkSuggestion {
  ref: DocRef;
  kind: 'entry' | 'note';
  title: string;
  /** The text to write inside `[[…]]` for this target (the title, or the note path when titles clash). */
  insert: string;
  /** The alias that matched the query, when it was an alias rather than the title. */
  matchedAlias: string | null;
  /** A one-line preview of the target's text. */
  preview: string;
}

/** A heading of a note or entry, for `[[Target#` completion. */
export interface HeadingInfo {
  text: string;
  level: number;
}

/** What hovering a link shows: the target's title and first paragraph. */
export interface LinkPreview {
  target: ResolvedTarget;
  /** The first paragraph as plain text (no Markdown), possibly shortened. */
  text: string;
}

/** One mention of a target inside a note, with the context a reader needs. */
export interface MentionContext {
  /** The whole paragraph or list item the mention is in, as plain text. */
  text: string;
  /** Where the mention sits in `text` ([start, end) offsets), for highlighting. */
  highlights: Array<[number, number]>;
  /** The headings above the block, outermost first. */
  headingPath: string[];
  /** Where the mention sits in the note's file text ([start, end) offsets). */
  start: number;
  end: number;
  /** The mention's text as written in the file (e.g. "GABA/glutamate ratio" or "[[GABA Glutamate Ratio]]"). */
  source: string;
}

/** The mentions of a target in one note. */
export interface MentionGroup {
  path: string;
  title: string;
  mentions: MentionContext[];
}

export interface BacklinkList {
  /** Grouped by note, notes ordered by title. */
  groups: MentionGroup[];
  /** The number of mentions in all groups. */
  count: number;
}

/** A link going out of a note. */
export interface OutgoingLink {
  /** The target as written (`[[Target#Heading|label]]` → "Target"). */
  target: string;
  heading: string | null;
  /** null when the link is unresolved. */
  resolved: ResolvedTarget | null;
  /** The vault path of the attachment (image, PDF…) the link names, when it is one that exists. */
  attachment?: string;
  /** How many times the note links there. */
  count: number;
}

/** A link target nothing in the vault or glossary answers to, with where it is used. */
export interface UnresolvedLink {
  target: string;
  sources: Array<{ path: string; title: string; count: number }>;
}

/** The result of rewriting links in other notes after a rename, per file. */
export interface LinkUpdateReport {
  updated: Array<{ path: string; links: number }>;
  failed: Array<{ path: string; message: string }>;
}
