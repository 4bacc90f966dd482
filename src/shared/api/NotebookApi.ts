import type { AppInfo } from '../domain/appInfo';
import type { AttachmentInfo } from '../domain/attachments';
import type { EntryRows, EntrySummary, GlossaryEntry } from '../domain/glossary';
import type { DocRef } from '../domain/docRef';
import type {
  BacklinkList,
  HeadingInfo,
  LinkPreview,
  LinkSuggestion,
  OutgoingLink,
  ResolvedTarget,
  UnresolvedLink,
} from '../domain/links';
import type { EmbedContent } from '../domain/embeds';
import type { PropertyTypesInfo } from '../domain/propertyTypes';
import type { PropertyType } from '../properties/readProperties';
import type { Draft, Note, NoteChange, NoteSummary, RenameResult, SaveResult } from '../domain/note';
import type {
  ImportOptions,
  ImportPreview,
  ImportProgress,
  ImportResult,
  PackSummary,
  PackUpdate,
} from '../domain/packs';
import type { IndexStatus, SearchResults, SearchScope, SwitcherItem } from '../domain/search';
import type { TagSuggestion } from '../domain/tags';
import type { WorkspaceState } from '../domain/workspace';
import type {
  EntryHighlights,
  HighlightColour,
  HighlightedEntrySummary,
  HighlightPatch,
  PlacedHighlight,
} from '../domain/highlights';
import type { TermCard, TermsFound } from '../domain/terms';

/** Preferences of the app, kept across vaults. */
export interface Preferences {
  /** Images from the web in notes: loaded always, or after asking in each note (the default). */
  remoteImages?: 'ask' | 'always';
  /** Definitions of glossary terms in notes (underlines and cards): on (the default) or off. */
  termDefinitions?: 'on' | 'off';
}

/**
 * The one contract between the UI and the backend. Every backend capability is one
 * async method taking at most one JSON-plain argument object and resolving to a
 * JSON-plain result. Failures reject with a NotebookError (see errors.ts).
 *
 * Served in-process by createDispatcher, over Electron IPC, and over HTTP on 127.0.0.1.
 */
export interface NotebookApi {
  /** Name, version, host kind and vault path of the running app. */
  getAppInfo(): Promise<AppInfo>;

  /** All glossary entries, sorted by title (case-insensitive, locale-aware). */
  listEntries(): Promise<EntrySummary[]>;

  /**
   * A window of the glossary list: the entries (of every shown pack, or of `packId`'s) whose
   * title or aliases hold every word of `filter` (folded: case and diacritics ignored), in
   * title order, from `offset`, at most `limit` (≤ MAX_ENTRY_ROWS, 500). `total` counts
   * every match, `all` every entry listed with no filter; an offset past the end gives no rows.
   */
  listEntryRows(args: { filter: string; packId?: string; offset: number; limit: number }): Promise<EntryRows>;

  /**
   * One glossary entry in full.
   * @throws not-found when no entry has this id.
   */
  getEntry(args: { id: string }): Promise<GlossaryEntry>;

  /** What the UI stored for this vault; `{}` on a first start. */
  getWorkspaceState(): Promise<WorkspaceState>;

  /**
   * Merges `patch` into the stored workspace state and returns the result. A field set
   * to null is cleared. Written atomically outside the vault.
   */
  updateWorkspaceState(args: { patch: WorkspaceState }): Promise<WorkspaceState>;

  /**
   * Every note in the vault (Markdown files outside hidden folders), most recently modified
   * first, then by title (the locale's collation), then by path.
   */
  listNotes(): Promise<NoteSummary[]>;

  /**
   * One note with its full text and version.
   * @throws not-found when the file does not exist; invalid-arguments for a path outside the vault.
   */
  readNote(args: { path: string }): Promise<Note>;

  /**
   * Writes a note atomically. Saves of one note are queued, never interleaved. The content
   * goes to a recovery copy outside the vault first, so a crash or failure mid-save never
   * loses it; the copy is removed once the file holds the content.
   *
   * `baseVersion` is the version the edits started from (null for a note expected not to
   * exist). If the file changed since, nothing is overwritten. What happens then is
   * `ifChanged`: `'copy'` (the default) saves the content as a conflict copy beside the note
   * and the result says so; `'report'` writes nothing and returns the note on disk
   * (`status: 'stale'`), so the caller can merge the two and save again against it. (A file
   * that cannot be merged, being too large or not UTF-8, gets a conflict copy either way.)
   * A note deleted meanwhile is written back.
   *
   * @throws io-failure when the disk refuses (the recovery copy keeps the content);
   *   read-only when the note may not be written.
   */
  saveNote(args: {
    path: string;
    content: string;
    baseVersion: string | null;
    ifChanged?: 'copy' | 'report';
  }): Promise<SaveResult>;

  /**
   * Creates a note. Without a title, picks "Untitled", "Untitled 1", … The title is made
   * safe for every file system (see sanitizeTitle).
   * @throws already-exists when a note with that title exists in the folder.
   */
  createNote(args: { title?: string; folder?: string; content?: string }): Promise<Note>;

  /**
   * Renames a note (its title is its file name) within its folder. With `updateLinks`, every
   * `[[…]]` link in other notes that pointed to it is rewritten to the new title (targets
   * only: labels, headings and the prose around them never change), each file atomically;
   * failures are reported per file.
   * @throws already-exists when the new title is taken (case-insensitively); invalid-arguments
   *   when nothing usable is left of the title.
   */
  renameNote(args: { path: string; title: string; updateLinks?: boolean }): Promise<RenameResult>;

  /** How many links in other notes point to this note (shown before a rename offers to update them). */
  countLinksToNote(args: { path: string }): Promise<{ links: number; notes: number }>;

  /**
   * Saves an image (pasted, dropped or inserted into the note at `note`) into the vault's
   * attachment folder: Obsidian's `attachmentFolderPath` from `.obsidian/app.json`, else
   * `attachments/`. It is named `Pasted image YYYYMMDDHHmmss.<ext>` (` 1`… on a clash,
   * never replacing a file), its type read from the bytes (PNG, JPEG, GIF, WebP, AVIF, SVG).
   * `data` is the file as base64. Returns its vault path and the embed to insert (`![[…]]`).
   * @throws invalid-arguments when the bytes are not a supported image or over 20 MB.
   */
  saveImage(args: { note: string; data: string }): Promise<{ path: string; embed: string }>;

  /**
   * The attachments (images, PDFs, audio, video…) link targets name, as Obsidian resolves
   * `![[x.png]]` from the note at `from`: a path beside the note, a path from the vault
   * root, else the file of that name anywhere in the vault (same folder, then closest
   * folder, then shortest path; see AttachmentIndex). null for a target naming none.
   */
  resolveAttachments(args: { targets: string[]; from?: string }): Promise<Array<AttachmentInfo | null>>;

  /**
   * Opens an attachment of the vault with the system's app for it (a PDF viewer, a player).
   * @throws not-found when it is not a file inside the vault (no `..`, no link out, not
   *   hidden); invalid-arguments where the host cannot open files (the browser build, which
   *   downloads them from `/vault-download/…` instead).
   */
  openAttachment(args: { path: string }): Promise<void>;

  /**
   * An image from the web a note shows (`![](https://…)`), fetched by the backend (the page
   * loads nothing from outside): the bytes as base64 and their type, read from the bytes.
   * Called only once the user allowed images from the web (for the note, or always).
   * @throws invalid-arguments for a URL that is not http(s); io-failure when it cannot be
   *   fetched within 15 s, is over 10 MB, or is not a PNG, JPEG, GIF, WebP, AVIF or SVG.
   */
  fetchRemoteImage(args: { url: string }): Promise<{ data: string; contentType: string }>;

  /**
   * The vault's property types, from Obsidian's `.obsidian/types.json` (`{"types": {"key":
   * "number"}}`): the editor each property name gets in every note. `problem` says why the
   * file cannot be used (not JSON, not that shape, a symbolic link…); it is then ignored.
   */
  getPropertyTypes(): Promise<PropertyTypesInfo>;

  /**
   * Sets the type of the property `key` in `.obsidian/types.json` (created when missing):
   * only that entry changes, every other byte of the file stays. Returns the types as they now are.
   * @throws invalid-arguments when the file cannot be read as types (it is never overwritten);
   *   io-failure when it cannot be written.
   */
  setPropertyType(args: { key: string; type: PropertyType }): Promise<PropertyTypesInfo>;

  /** The app's preferences (across vaults): `remoteImages: 'always'` loads images from the web. */
  getPreferences(): Promise<Preferences>;

  /** Merges `patch` into the app's preferences (kept in the app's settings) and returns them. */
  updatePreferences(args: { patch: Preferences }): Promise<Preferences>;

  /**
   * Moves a note to the trash: the system trash in the desktop app, a `.trash` folder in the
   * vault under the HTTP host. Never a hard delete.
   */
  deleteNote(args: { path: string }): Promise<{ trashedTo: string }>;

  /** Edits that never reached their files (failed saves, crashes), oldest first. */
  listDrafts(): Promise<Draft[]>;

  /** Forgets a draft once the user restored or dismissed it. */
  discardDraft(args: { path: string }): Promise<void>;

  /**
   * Switches to another vault folder and remembers the choice. The page cannot name an
   * arbitrary folder: without a path, the host shows its own folder picker (desktop only)
   * and opens what the user picked there; with a path, only a known vault opens (see
   * listVaults), so a compromised page cannot reach `/etc` or the home folder.
   * @returns the new app info, or null when the user cancelled the picker.
   * @throws forbidden for a path that is not a known vault; invalid-arguments for no path
   *   where the host has no picker (the browser build), a relative path, a file, the app's
   *   own folders; io-failure when the folder cannot be read.
   */
  openVault(args: { path?: string }): Promise<AppInfo | null>;

  /**
   * The vaults openVault({ path }) accepts: the open one first, then those opened before
   * (most recent first), then those named on the host's command line. Absolute paths.
   */
  listVaults(): Promise<string[]>;

  /**
   * Targets for the `[[` menu: note titles, glossary titles and aliases, best match first
   * (exact, then prefix, then word-prefix, then fuzzy). An empty query lists recent notes and entries.
   */
  suggestLinkTargets(args: { query: string; limit?: number }): Promise<LinkSuggestion[]>;

  /**
   * Tags of the vault's notes (inline `#tags` and front matter `tags`) for the `#` menu: those
   * matching `query` (a prefix of the tag or of one of its nested parts, case-insensitive;
   * all for ''), the most used first, then those the query begins. Nested tags are listed whole.
   */
  suggestTags(args: { query: string; limit?: number }): Promise<TagSuggestion[]>;

  /** The headings of the document a link target resolves to (for `[[Target#`); [] when unresolved. */
  listHeadings(args: { target: string; from?: string }): Promise<HeadingInfo[]>;

  /**
   * Resolves link targets as written (`[[Target]]` → "Target") the way Obsidian does, from
   * the note at `from` (same folder first, then the shortest path). null for unresolved ones.
   */
  resolveLinks(args: { targets: string[]; from?: string }): Promise<Array<ResolvedTarget | null>>;

  /** The hover preview of a link target; null when it does not resolve. */
  getLinkPreview(args: { target: string; from?: string }): Promise<LinkPreview | null>;

  /**
   * What to write inside `[[…]]` to link to `ref` from the note at `from` (from anywhere
   * without it): its title, or a longer spelling (the pack's name in front of an entry's
   * title, a note's path) when the title alone would reach something else. Rejects with
   * `not-found` for an unknown document.
   */
  getLinkText(args: { ref: DocRef; from?: string }): Promise<string>;

  /**
   * What an embed `![[target#part]]` in the note at `from` shows: the target resolved as a
   * link is, and its part (`Heading`, `H1#H2`, `^block-id`; none for the whole document):
   * a note's Markdown (front matter removed) or an entry's text. null when the target
   * resolves to nothing; `found: false` when the part is not there.
   */
  getEmbed(args: { target: string; part?: string; from?: string }): Promise<EmbedContent | null>;

  /** Notes that link to the document, each mention with its paragraph and heading path. */
  getBacklinks(args: { ref: DocRef }): Promise<BacklinkList>;

  /**
   * Whole-word, case-insensitive occurrences of the document's title or aliases in other
   * notes, outside code, in blocks that do not already link to it.
   */
  getUnlinkedMentions(args: { ref: DocRef }): Promise<BacklinkList>;

  /**
   * Turns unlinked mentions in one note into links to `ref`, keeping the original text as
   * the label where it differs from the title. Each mention is given by its offsets and
   * text; a mention whose text is no longer there is skipped. Atomic for the file.
   * @returns the note's text before the change (for undo) and its new version.
   */
  linkMentions(args: {
    path: string;
    ref: DocRef;
    mentions: Array<{ start: number; end: number; source: string }>;
  }): Promise<{ linked: number; previousContent: string; version: string }>;

  /** The links going out of a note, resolved or not. */
  getOutgoingLinks(args: { path: string }): Promise<OutgoingLink[]>;

  /** Every link target in the vault that resolves to nothing, with the notes using it. */
  listUnresolvedLinks(): Promise<UnresolvedLink[]>;

  /** For each glossary entry id that notes link to, how many notes do; entries no note links to are left out (0). */
  getEntryLinkCounts(): Promise<Record<string, number>>;

  /**
   * Full-text search across notes and glossary. Query language: words (AND), "phrases",
   * OR, -exclusions, in:glossary, in:notes, tag:name; the last word matches as a prefix;
   * typos are tolerated for longer words. Never fails on a malformed query.
   */
  search(args: { query: string; scope?: SearchScope; limit?: number }): Promise<SearchResults>;

  /** The quick switcher: forgiving title and alias matching; recent documents for an empty query. */
  quickSwitch(args: { query: string; limit?: number }): Promise<SwitcherItem[]>;

  /** Where the background search index stands. */
  getIndexStatus(): Promise<IndexStatus>;

  /**
   * Where the link index stands: `building` while it reads the notes after a start (backlinks,
   * outgoing and unresolved links then wait for it), with how many it has indexed.
   */
  getLinkIndexStatus(): Promise<IndexStatus>;

  /** The reference packs (the shipped glossary first, then by name), hidden ones included. */
  listPacks(): Promise<PackSummary[]>;

  /**
   * Starts handing the backend a file or folder to import as a reference pack. The page
   * sends only what the user picked in the file dialog (a file input), chunk by chunk (see
   * appendPackUpload): the backend never reads a path the page names. Uploads are kept in
   * the app's state folder until imported, discarded, or an hour unused.
   *
   * @param kind 'folder' for a folder of Markdown files or web-page texts; `name` is then the
   *   folder's name, else the file's.
   */
  startPackUpload(args: { name: string; kind: 'file' | 'folder' }): Promise<{ uploadId: string }>;

  /**
   * Appends bytes (base64, at most 4 MiB decoded per call) to one file of an upload. For a
   * file upload, `path` is the file's name; for a folder, the path inside it ("Bio/Cells.md").
   * @throws not-found for an unknown or expired upload; invalid-arguments for a path leaving
   *   the folder, or an upload over 512 MiB or 200,000 files.
   */
  appendPackUpload(args: { uploadId: string; path: string; data: string }): Promise<{ bytes: number }>;

  /**
   * What importing the upload would give, before anything is written: the format,
   * encoding and columns found, the first entries, and the rows that would be left out
   * with their line and reason.
   * @throws invalid-arguments with a message for the user when the source cannot be read at
   *   all (not text, an unclosed quote, no file of a known kind).
   */
  previewPackImport(args: { uploadId: string; options?: ImportOptions }): Promise<ImportPreview>;

  /**
   * Imports the upload as a new pack, or as the new version of pack `replace` (entries keep
   * their ids where their term is unchanged). All or nothing: the pack is written aside
   * and switched in when complete. Sends `pack-import-progress` events while it runs, then
   * `glossary-changed` once the entries are listed, linked and searchable. The upload is
   * discarded after a successful import.
   * @throws invalid-arguments when the source cannot be imported (nothing is written);
   *   not-found for an unknown upload or pack.
   */
  importPack(args: {
    uploadId: string;
    options?: ImportOptions;
    name?: string;
    replace?: string;
  }): Promise<ImportResult>;

  /** Forgets an upload (the dialog was closed). Unknown ids are ignored. */
  discardPackUpload(args: { uploadId: string }): Promise<void>;

  /**
   * Renames a pack, or hides or shows it (a hidden pack's entries are not listed, linked or
   * searched). Its entries' ids never change. With `name` and `updateLinks`, the links in
   * notes naming the pack by its old name (`[[Old name/Title]]`, see countLinksToPack) get
   * the new one, as renameNote does for notes; `linkUpdates` says what was rewritten (null
   * when links were not to be updated). The rename stands even if some notes fail.
   * @throws not-found for an unknown pack.
   */
  updatePack(args: { id: string; name?: string; hidden?: boolean; updateLinks?: boolean }): Promise<PackUpdate>;

  /**
   * The links a pack rename would rewrite: those naming one of its entries as
   * `[[Pack name/Title]]` (any form) under its current name, as links resolve (a note at
   * `Pack name/Title.md` wins and is not counted; a plain `[[Title]]` is not counted). A
   * hidden pack's links count too.
   * @throws not-found for an unknown pack.
   */
  countLinksToPack(args: { id: string }): Promise<{ links: number; notes: number }>;

  /**
   * Deletes a pack and its entries from the state folder (links to them become unresolved;
   * notes are untouched).
   * @throws not-found for an unknown pack; invalid-arguments for the shipped glossary (hide it).
   */
  removePack(args: { id: string }): Promise<void>;

  // --- Highlights and margin notes on entries (issue #17; files described in docs/highlight-files.md) ---

  /**
   * The highlights on entry `entryId`, each placed in the entry's current text
   * (`entryText(entry).text`, see shared/annotations/entryText.ts) by re-anchoring its
   * selectors, or orphaned (`place: null`) when it cannot be placed. Never drops a highlight.
   * An entry without highlights gives an empty list; an entry that no longer exists gives
   * its file's highlights, all orphaned. Rejects with `not-found` only for an unknown entry
   * that has no highlight file either.
   */
  getEntryHighlights(args: { entryId: string }): Promise<EntryHighlights>;

  /**
   * Highlights `entryText(entry).text.slice(start, end)` of entry `entryId` (colour defaults
   * to yellow), with an optional margin note, and writes its file in the vault's highlights
   * folder (creating it). Rejects with `invalid-arguments` when the range is empty, out of
   * the text or only whitespace, and `not-found` for an unknown entry. Sends `highlights-changed`.
   */
  addHighlight(args: {
    entryId: string;
    start: number;
    end: number;
    colour?: HighlightColour;
    note?: string;
  }): Promise<PlacedHighlight>;

  /** Changes one highlight's colour, margin note or place (re-attaching an orphan). Sends `highlights-changed`. */
  updateHighlight(args: { entryId: string; id: string; patch: HighlightPatch }): Promise<PlacedHighlight>;

  /** Deletes one highlight; the file goes to the vault's trash when it was the last. Sends `highlights-changed`. */
  deleteHighlight(args: { entryId: string; id: string }): Promise<void>;

  /** Every entry that has a highlight file in the vault, by title. */
  listHighlightedEntries(): Promise<HighlightedEntrySummary[]>;

  /** The vault folder holding highlight files (default `Highlights`). */
  getHighlightsFolder(): Promise<{ folder: string }>;

  /**
   * Renames the vault's highlights folder to `folder` (a vault-relative folder path), moving
   * its files; the choice is kept in the vault so a copied vault keeps it. Rejects with
   * `already-exists` when `folder` holds other files.
   */
  setHighlightsFolder(args: { folder: string }): Promise<{ folder: string; moved: number }>;

  /**
   * The glossary terms in each of `blocks` (a note's paragraphs, as plain text): for each
   * block, the first occurrence of each term, whole words compared as search compares them
   * (docs/term-detection.md), noisy one-word names left out. Waits for the glossary's term
   * matcher when it is being built (after start or a pack change). At most MAX_TERM_BLOCKS
   * blocks of MAX_TERM_BLOCK_CHARS characters. The occurrences come as `[start, end,
   * ...entries]` with the entries as indexes into `ids` (see TermsFound, decodeTermsFound).
   */
  findTermsInBlocks(args: { blocks: string[] }): Promise<TermsFound>;

  /**
   * What a definition card shows of each entry in `ids` (at most MAX_TERM_CARDS), in that
   * order; unknown ids are left out. `target` is the link text that reaches the entry from
   * the note at `from` (pack-qualified when several entries share the title).
   */
  describeTerms(args: { ids: string[]; from?: string }): Promise<TermCard[]>;
}

export type MethodName = keyof NotebookApi;

/** The argument a method takes (`undefined` for methods without one). */
export type ArgsOf<M extends MethodName> = Parameters<NotebookApi[M]>[0];

/** What a method resolves to. */
export type ResultOf<M extends MethodName> = Awaited<ReturnType<NotebookApi[M]>>;

/**
 * Events the backend pushes to the UI, by name, with their payloads.
 */
export interface NotebookEvents {
  /** The glossary's entries changed (a pack was imported, hidden, shown or removed): `count` are listed now. */
  'glossary-changed': { count: number };
  /** A pack import made progress (see NotebookApi.importPack). */
  'pack-import-progress': ImportProgress;
  /** Notes were added, changed or removed (by the app or outside it). */
  'notes-changed': { changes: NoteChange[] };
  /** Another vault was opened: the UI reloads everything. */
  'vault-changed': { vaultPath: string };
  /** The link index changed (backlinks, counts, unresolved links may differ). */
  'links-changed': Record<string, never>;
  /** The search index made progress or became ready. */
  'index-status': IndexStatus;
  /** The vault's property types (`.obsidian/types.json`) changed on disk, by the app or another program. */
  'property-types-changed': PropertyTypesInfo;
  /** The link index made progress or became ready (see getLinkIndexStatus). */
  'link-index-status': IndexStatus;
  /**
   * Sent by the transport itself, not the backend: the event stream (re)connected, so
   * events may have been missed. Views refetch what they show.
   */
  resync: Record<string, never>;
  /** Highlights or margin notes of these entries changed (by the app or by an edit of their files). */
  'highlights-changed': { entryIds: string[] };
  /** A command chosen outside the page (the desktop app's menu): the UI runs it. */
  'app-command': { command: AppCommand };
}

/** Commands the host's menu can ask the UI to run. */
export type AppCommand =
  'open-vault' | 'new-note' | 'search' | 'quick-switcher' | 'command-palette' | 'add-reference-pack' | 'settings';

export type EventName = keyof NotebookEvents;
