import type { LinkUpdateReport } from './links';

/** A note as listed in the sidebar: what can be known without reading its text. */
export interface NoteSummary {
  /** Vault-relative path with '/' separators, ending in ".md", e.g. "Biology/Cells.md". */
  path: string;
  /** The file name without ".md": notes are titled by their file name, as in Obsidian. */
  title: string;
  /** The folder part of the path ('' for the vault root). */
  folder: string;
  /** Last modification time, ISO 8601. */
  modified: string;
  /** Size in bytes. */
  size: number;
  /** From front matter `aliases` (a list or a single string). */
  aliases: string[];
  /** From front matter `tags` (without '#'). */
  tags: string[];
}

/** A note with its full text. */
export interface Note extends NoteSummary {
  /** The whole file as text, front matter included. */
  content: string;
  /**
   * An opaque token for this exact content. Saves pass it back as `baseVersion` so a
   * change made elsewhere in between is detected instead of overwritten.
   */
  version: string;
  /** Set when the note must not be edited in the app (e.g. it is not valid UTF-8). */
  readOnly: { reason: string } | null;
}

export type SaveResult =
  /** The file now holds the content. */
  | { status: 'saved'; note: NoteSummary; version: string }
  /**
   * The file had changed on disk since `baseVersion`: the caller's content was kept as a
   * conflict copy beside it (`conflictPath`, `conflictNote`, written as `conflictVersion`,
   * so later saves can go on in the copy) and the note on disk is returned as `current`.
   */
  | { status: 'conflict'; conflictPath: string; conflictNote: NoteSummary; conflictVersion: string; current: Note }
  /**
   * Only with `ifChanged: 'report'`: the file had changed on disk since `baseVersion`, so
   * nothing was written; `current` is the note on disk, for the caller to merge with.
   */
  | { status: 'stale'; current: Note };

/** Edits that had not reached their file (a failed save, a crash), kept outside the vault. */
export interface Draft {
  path: string;
  content: string;
  /** The version the edits were based on, or null for a note that did not exist yet. */
  baseVersion: string | null;
  /** When the draft was written, ISO 8601. */
  savedAt: string;
}

export type NoteChangeKind = 'added' | 'changed' | 'removed';

export interface NoteChange {
  kind: NoteChangeKind;
  path: string;
  /** The new version, for added and changed notes. */
  version?: string;
  /** The note's new summary, for added and changed notes (so lists update without a round trip). */
  note?: NoteSummary;
  /**
   * True when the change did not come from an editor saving what the user typed: another
   * program (an editor, a sync tool), or the app rewriting the note on the user's behalf
   * (linking unlinked mentions, updating links after a rename). An open editor of the note
   * reloads on such a change; its own saves come back with `external: false`.
   */
  external: boolean;
}

/** The largest note the app reads or writes, in bytes. */
export const MAX_NOTE_BYTES = 50 * 1024 * 1024;

/** The longest title (file name without ".md") the app creates. */
export const MAX_TITLE_LENGTH = 200;

/** What renaming a note did. */
export interface RenameResult {
  note: NoteSummary;
  /** The links rewritten in other notes, when the rename was asked to update them. */
  linkUpdates: LinkUpdateReport | null;
}
