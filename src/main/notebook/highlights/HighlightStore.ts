import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { NotebookError } from '@shared/api/errors';
import { anchor, describeRange } from '@shared/annotations/anchoring';
import { entryText } from '@shared/annotations/entryText';
import {
  normalizeText,
  parseHighlightFile,
  serializeHighlightFile,
  type HighlightFile,
} from '@shared/annotations/highlightFile';
import { DEFAULT_COLOUR, type Highlight } from '@shared/domain/highlights';
import { ENTRY_ID_PATTERN, type GlossaryEntry } from '@shared/domain/glossary';
import { splitFrontMatter } from '@shared/markdown/frontMatter';
import type {
  EntryHighlights,
  HighlightColour,
  HighlightedEntrySummary,
  HighlightPatch,
  PlacedHighlight,
} from '@shared/domain/highlights';
import type { NoteChange } from '@shared/domain/note';
import { folderOfPath, sanitizeTitle } from '@shared/domain/notePath';
import type { EventBus } from '../events/EventBus';
import { isIgnoredName, isNoteFileName } from '../vault/isIgnoredName';
import type { VaultStore } from '../vault/VaultStore';
import { highlightsFolderProblem, readHighlightsFolder, writeHighlightsFolder } from './highlightsSetting';

/** What the store needs to know of the glossary (the shown entries of every pack). */
export interface HighlightEntries {
  /** An entry with its body (definition and sections), or undefined when no shown pack has it. */
  entry(id: string): GlossaryEntry | undefined;
  /** An entry's title and pack without reading its body (lists). */
  summary(id: string): { title: string; packId?: string } | undefined;
  /** A pack's name, to tell apart files of entries sharing a title. */
  packName(packId: string): string | undefined;
}

export interface HighlightStoreOptions {
  vault: VaultStore;
  entries: HighlightEntries;
  events: EventBus;
  now?: () => Date;
  log?: (message: string, error?: unknown) => void;
}

/** The pack id written in the files of the shipped glossary's entries (they carry none). */
const BUILT_IN_PACK = 'builtin';
/** Tries at writing a file another program keeps changing under us, before giving up. */
const MAX_WRITE_TRIES = 5;
/** Names tried for a new file before giving up ("Title (Pack) 2" … "Title (Pack) 99"). */
const MAX_NAME_TRIES = 100;

/** One highlight file as last read or written. */
interface KnownFile {
  path: string;
  version: string;
  model: HighlightFile;
  /** The parser's warnings, for `problems`. */
  warnings: string[];
  /**
   * Set when the file, once read, can no longer be read as a highlight file (its front matter
   * broken by hand): its highlights stay as last read, and nothing is written to it until a
   * person repairs it.
   */
  broken?: string;
}

/**
 * The highlights and margin notes on glossary entries (issue #17), kept in the vault as one
 * Markdown file per annotated entry in the vault's highlights folder (docs/highlight-files.md).
 *
 * The files are ordinary notes: every write goes through the vault store (atomic, announced
 * as `notes-changed` with `external: true`, so an editor showing the file reloads it), and
 * a file is read again before each write, which is refused when it changed in between, so a
 * person's edit in another program is never overwritten. Changes made to the files outside
 * the app are read as the vault reports them and sent on as `highlights-changed`.
 *
 * Files are found by the entry id in their front matter, whatever their name: a person may
 * rename them. Entries are only read, never written. Operations run one at a time.
 */
export class HighlightStore {
  private folder = '';
  /** Highlight files by entry id. */
  private readonly byEntry = new Map<string, KnownFile>();
  /** Entry ids by file path (only files that are highlight files). */
  private readonly byPath = new Map<string, string>();
  /**
   * Other files holding an entry already held by a file (a copy a sync tool made), by path:
   * reported, not used, and used when the first one goes away.
   */
  private readonly duplicates = new Map<string, string>();
  private chain: Promise<unknown>;
  private disposed = false;
  private readonly stopListening: () => void;
  private readonly now: () => Date;
  private readonly log: (message: string, error?: unknown) => void;

  constructor(private readonly options: HighlightStoreOptions) {
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? ((message, error) => console.error(`[highlights] ${message}`, error ?? ''));
    this.chain = this.scan();
    this.stopListening = options.events.on('notes-changed', ({ changes }) => this.onNotesChanged(changes));
  }

  /** Stops following the vault's changes. */
  dispose(): void {
    this.disposed = true;
    this.stopListening();
  }

  // --- The contract ------------------------------------------------------------------------

  /** See NotebookApi.getEntryHighlights. */
  getEntryHighlights(entryId: string): Promise<EntryHighlights> {
    return this.run(async () => {
      const known = await this.fresh(entryId);
      const entry = this.options.entries.entry(entryId);
      if (!known && !entry) throw new NotebookError('not-found', `There is no glossary entry "${entryId}".`);
      if (!known) return { entryId, path: null, highlights: [], problems: [] };
      return {
        entryId,
        path: known.path,
        highlights: placeAll(known.model.highlights, entry),
        problems: [
          ...(known.broken
            ? [`${known.broken} The highlights are shown as last read; the file is not written until it is repaired.`]
            : []),
          ...known.warnings,
          ...[...this.duplicates]
            .filter(([, id]) => id === entryId)
            .map(([copy]) => `${copy}: this file also holds highlights of this entry; only ${known.path} is used.`),
        ],
      };
    });
  }

  /** See NotebookApi.addHighlight. */
  addHighlight(args: {
    entryId: string;
    start: number;
    end: number;
    colour?: HighlightColour;
    note?: string;
  }): Promise<PlacedHighlight> {
    return this.run(async () => {
      const entry = this.requireEntry(args.entryId);
      const text = entryText(entry).text;
      const range = passageOf(text, args.start, args.end);
      const when = this.now().toISOString();
      let added: Highlight | null = null;
      await this.write(entry.id, entry, (model) => {
        const ids = new Set(model.highlights.map((h) => h.id));
        const highlight: Highlight = {
          id: newHighlightId(ids, model.unparsed),
          colour: args.colour ?? DEFAULT_COLOUR,
          created: when,
          updated: when,
          selectors: describeRange(text, range.start, range.end),
        };
        const note = normalizeText(args.note ?? '');
        if (note !== '') highlight.note = note;
        model.highlights.push(highlight);
        added = highlight;
        return 'write';
      });
      return { ...structuredClone(added as unknown as Highlight), place: { ...range, exact: true } };
    });
  }

  /** See NotebookApi.updateHighlight. */
  updateHighlight(args: { entryId: string; id: string; patch: HighlightPatch }): Promise<PlacedHighlight> {
    return this.run(async () => {
      const entry = this.options.entries.entry(args.entryId);
      const { patch } = args;
      let text: string | null = null;
      let range: { start: number; end: number } | null = null;
      if (patch.place) {
        if (!entry) {
          throw new NotebookError(
            'invalid-arguments',
            `The entry "${args.entryId}" is no longer in any pack: its highlights cannot be placed again.`,
          );
        }
        text = entryText(entry).text;
        range = passageOf(text, patch.place.start, patch.place.end);
      }
      if (!(await this.fresh(args.entryId))) throw this.noHighlight(args.entryId, args.id);
      let updated: Highlight | null = null;
      await this.write(args.entryId, entry, (model) => {
        const highlight = model.highlights.find((h) => h.id === args.id);
        if (!highlight) throw this.noHighlight(args.entryId, args.id);
        if (patch.colour !== undefined) highlight.colour = patch.colour;
        if (patch.note !== undefined) {
          const note = normalizeText(patch.note);
          if (note === '') delete highlight.note;
          else highlight.note = note;
        }
        if (text !== null && range) highlight.selectors = describeRange(text, range.start, range.end);
        highlight.updated = this.now().toISOString();
        updated = highlight;
        return 'write';
      });
      return placeOne(structuredClone(updated as unknown as Highlight), entry ? entryText(entry).text : null);
    });
  }

  /** See NotebookApi.deleteHighlight. */
  deleteHighlight(args: { entryId: string; id: string }): Promise<void> {
    return this.run(async () => {
      if (!(await this.fresh(args.entryId))) throw this.noHighlight(args.entryId, args.id);
      await this.write(args.entryId, this.options.entries.entry(args.entryId), (model) => {
        const at = model.highlights.findIndex((h) => h.id === args.id);
        if (at < 0) throw this.noHighlight(args.entryId, args.id);
        model.highlights.splice(at, 1);
        // Nothing left that a person wrote or could repair: the file goes to the trash (recoverable).
        const empty = model.highlights.length === 0 && model.unparsed.length === 0 && model.preamble.trim() === '';
        return empty ? 'trash' : 'write';
      });
    });
  }

  /** See NotebookApi.listHighlightedEntries. */
  listHighlightedEntries(): Promise<HighlightedEntrySummary[]> {
    return this.run(async () => {
      const list: HighlightedEntrySummary[] = [];
      for (const [entryId, known] of this.byEntry) {
        const summary = this.options.entries.summary(entryId);
        list.push({
          entryId,
          title: summary?.title ?? (known.model.entry.title || entryId),
          path: known.path,
          count: known.model.highlights.length,
          entryExists: summary !== undefined,
        });
      }
      return list.sort((a, b) => a.title.localeCompare(b.title) || a.entryId.localeCompare(b.entryId));
    });
  }

  /** See NotebookApi.getHighlightsFolder. */
  getHighlightsFolder(): Promise<{ folder: string }> {
    return this.run(async () => ({ folder: this.folder }));
  }

  /** See NotebookApi.setHighlightsFolder. */
  setHighlightsFolder(folder: string): Promise<{ folder: string; moved: number }> {
    return this.run(async () => {
      const problem = highlightsFolderProblem(folder);
      if (problem) throw new NotebookError('invalid-arguments', `The highlights folder "${folder}" ${problem}.`);
      if (folder === this.folder) return { folder, moved: 0 };
      const vault = this.options.vault;
      const target = join(vault.vaultPath, ...folder.split('/'));
      const present = await fs.readdir(target).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return [];
        throw new NotebookError('io-failure', `Could not read the folder "${folder}": ${error.message}`);
      });
      // Hidden files (.DS_Store, an editor's) do not make a folder in use.
      if (present.some((name) => !isIgnoredName(name))) {
        throw new NotebookError(
          'already-exists',
          `The folder "${folder}" already holds files: choose a new or empty folder for the highlights.`,
        );
      }
      const files = [...this.byEntry.values()].sort((a, b) => a.path.localeCompare(b.path));
      const moved: Array<{ from: string; to: string }> = [];
      try {
        for (const file of files) {
          const summary = await vault.moveNote({ path: file.path, folder });
          moved.push({ from: file.path, to: summary.path });
        }
        await writeHighlightsFolder(vault.vaultPath, folder);
      } catch (error) {
        // Put back what moved, so the files stay together in the folder the vault names.
        for (const { from, to } of moved.reverse()) {
          await vault.moveNote({ path: to, folder: folderOfPath(from) }).catch((undo: unknown) => {
            this.log(`Could not move ${to} back to ${from}`, undo);
          });
        }
        if (error instanceof NotebookError) throw error;
        throw new NotebookError('io-failure', `Could not record the highlights folder: ${String(error)}`);
      }
      const old = this.folder;
      this.folder = folder;
      for (const { from, to } of moved) {
        const entryId = this.byPath.get(from);
        if (entryId === undefined) continue;
        this.byPath.delete(from);
        this.byPath.set(to, entryId);
        const known = this.byEntry.get(entryId);
        if (known) known.path = to;
      }
      // Leave no empty folder behind (a folder still holding a person's other files stays).
      if (old !== '') await fs.rmdir(join(vault.vaultPath, ...old.split('/'))).catch(() => undefined);
      if (moved.length > 0) this.options.events.emit('highlights-changed', { entryIds: [...this.byEntry.keys()] });
      return { folder, moved: moved.length };
    });
  }

  // --- Files -------------------------------------------------------------------------------

  /** Runs `task` after every operation queued before it. */
  private run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.chain.catch(() => undefined).then(task);
    this.chain = next;
    return next;
  }

  /** Reads the vault's folder setting and every highlight file in that folder. */
  private async scan(): Promise<void> {
    const vault = this.options.vault;
    this.folder = await readHighlightsFolder(vault.vaultPath, this.log);
    let names: string[];
    try {
      const found = await fs.readdir(join(vault.vaultPath, ...this.folder.split('/')), { withFileTypes: true });
      names = found.filter((e) => e.isFile() && isNoteFileName(e.name)).map((e) => e.name);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.log('Could not list the highlights folder', error);
      return;
    }
    // Sorted, so that of two files of one entry the same one is used at every start.
    for (const name of names.sort()) {
      const path = `${this.folder}/${name}`;
      await this.readFile(path).catch((error: unknown) => this.log(`Could not read ${path}`, error));
    }
  }

  /** Whether `path` is a file of the highlights folder (its files, not its subfolders'). */
  private inFolder(path: string): boolean {
    return folderOfPath(path) === this.folder && /\.md$/i.test(path);
  }

  /**
   * Reads one file of the folder and files it under its entry. Returns the entry ids whose
   * highlights this changed (the one it held before, the one it holds now).
   */
  private async readFile(path: string): Promise<string[]> {
    let note;
    try {
      note = await this.options.vault.readNote(path);
    } catch (error) {
      // Gone: forgotten. Unreadable for now (permissions, a disk error): kept as last read,
      // and the operation fails, rather than take the file for absent and write a second one.
      if (error instanceof NotebookError && error.code === 'not-found') return this.forgetFile(path);
      throw error;
    }
    const parsed = note.readOnly ? { error: note.readOnly.reason } : parseHighlightFile(note.content);
    if ('error' in parsed) {
      const entryId = this.byPath.get(path);
      const known = entryId === undefined ? undefined : this.byEntry.get(entryId);
      if (entryId !== undefined && known?.path === path) {
        known.version = note.version;
        known.broken = parsed.error;
        return [entryId];
      }
      // A highlight file whose front matter broke before the app ever read it (edited while
      // the app was closed): held as broken under the entry its `entry:` line still names, so
      // it is reported and no second file is made for that entry.
      const guessed = note.readOnly ? null : entryIdLine(note.content);
      if (guessed !== null && !this.byEntry.has(guessed)) {
        const changed = this.forgetPath(path);
        this.byPath.set(path, guessed);
        this.byEntry.set(guessed, {
          path,
          version: note.version,
          model: this.newModel(guessed, undefined),
          warnings: [],
          broken: parsed.error,
        });
        return [...new Set([...changed, guessed])];
      }
      // Not a highlight file (a note a person keeps in the folder): left alone.
      return this.forgetPath(path);
    }
    const entryId = parsed.model.entry.id;
    const holder = this.byEntry.get(entryId);
    if (holder && holder.path !== path) {
      // Two files of one entry (a copy a sync tool made): the first stays in use, the other is reported.
      const changed = this.forgetPath(path);
      this.duplicates.set(path, entryId);
      return [...new Set([...changed, entryId])];
    }
    const changed = this.forgetPath(path);
    this.byPath.set(path, entryId);
    this.byEntry.set(entryId, { path, version: note.version, model: parsed.model, warnings: parsed.warnings });
    return [...new Set([...changed, entryId])];
  }

  private forgetPath(path: string): string[] {
    this.duplicates.delete(path);
    const entryId = this.byPath.get(path);
    if (entryId === undefined) return [];
    this.byPath.delete(path);
    if (this.byEntry.get(entryId)?.path === path) this.byEntry.delete(entryId);
    return [entryId];
  }

  /** Forgets a file that is gone; a copy of it (see duplicates) takes its place. */
  private async forgetFile(path: string): Promise<string[]> {
    const ids = this.forgetPath(path);
    for (const entryId of ids) {
      const copies = [...this.duplicates].filter(([, id]) => id === entryId).map(([copy]) => copy);
      for (const copy of copies.sort()) {
        if (this.byEntry.has(entryId)) break;
        this.duplicates.delete(copy);
        await this.readFile(copy);
      }
    }
    return ids;
  }

  /** The file of an entry, read again first if the vault saw it change since. */
  private async fresh(entryId: string): Promise<KnownFile | undefined> {
    const known = this.byEntry.get(entryId);
    if (!known) return undefined;
    const version = this.options.vault.knownVersion(known.path);
    if (version !== undefined && version !== known.version) await this.readFile(known.path);
    return this.byEntry.get(entryId);
  }

  /** Notes changed: files of the folder changed by others are read again and announced. */
  private onNotesChanged(changes: NoteChange[]): void {
    if (this.disposed) return;
    const ours = changes.filter((change) => this.inFolder(change.path) || this.byPath.has(change.path));
    if (ours.length === 0) return;
    void this.run(async () => {
      const affected = new Set<string>();
      for (const change of ours) {
        if (change.kind === 'removed') {
          for (const id of await this.forgetFile(change.path)) affected.add(id);
          continue;
        }
        const entryId = this.byPath.get(change.path);
        // Our own write (its version is the one we hold): nothing new.
        if (entryId !== undefined && this.byEntry.get(entryId)?.version === change.version) continue;
        if (!this.inFolder(change.path)) continue;
        for (const id of await this.readFile(change.path)) affected.add(id);
      }
      if (affected.size > 0 && !this.disposed) {
        this.options.events.emit('highlights-changed', { entryIds: [...affected] });
      }
    }).catch((error: unknown) => this.log('Could not follow a change of the highlight files', error));
  }

  /**
   * Changes an entry's file with `change` (on a fresh copy of what the file holds now) and
   * writes it, or moves it to the trash when `change` says so. The file is read again right
   * before each try, and the write is refused by the vault if the file changed after that
   * read: then the change is made again on the new text. So a person's edit is never
   * overwritten, and a hand-edited block the parser could not read is written back as it was.
   */
  private async write(
    entryId: string,
    entry: GlossaryEntry | undefined,
    change: (model: HighlightFile) => 'write' | 'trash',
  ): Promise<void> {
    const vault = this.options.vault;
    for (let attempt = 1; ; attempt++) {
      let known = this.byEntry.get(entryId);
      if (known) {
        await this.readFile(known.path);
        known = this.byEntry.get(entryId);
        if (known?.broken) throw this.brokenFile(known);
      }
      const model: HighlightFile = known ? structuredClone(known.model) : this.newModel(entryId, entry);
      if (entry) {
        model.entry.title = entry.title;
        model.entry.pack = entry.packId ?? BUILT_IN_PACK;
      }
      const action = change(model);
      if (!known) {
        if (action === 'trash') return;
        await this.create(model, entry);
        this.options.events.emit('highlights-changed', { entryIds: [entryId] });
        return;
      }
      if (action === 'trash') {
        // Refused like a write if the file changed since it was read just now.
        const now = await vault.readNote(known.path).catch(() => null);
        if (now?.version !== known.version) {
          if (attempt < MAX_WRITE_TRIES) continue;
          throw this.keptChanging(known.path);
        }
        await vault.deleteNote(known.path);
        this.forgetPath(known.path);
        this.options.events.emit('highlights-changed', { entryIds: [entryId] });
        return;
      }
      try {
        const content = serializeHighlightFile(model);
        const result = await vault.saveNote(
          { path: known.path, content, baseVersion: known.version },
          { reloadEditors: true, onConflict: 'fail' },
        );
        if (result.status !== 'saved') throw new NotebookError('conflict', `${known.path} changed meanwhile.`);
        // Held as the file now reads (a colour it could not read is now yellow, unknown keys gone).
        const written = parseHighlightFile(content);
        this.byEntry.set(entryId, {
          path: known.path,
          version: result.version,
          ...('model' in written ? { model: written.model, warnings: written.warnings } : { model, warnings: [] }),
        });
      } catch (error) {
        if (error instanceof NotebookError && error.code === 'conflict' && attempt < MAX_WRITE_TRIES) continue;
        if (error instanceof NotebookError && error.code === 'conflict') throw this.keptChanging(known.path);
        throw error;
      }
      this.options.events.emit('highlights-changed', { entryIds: [entryId] });
      return;
    }
  }

  /** Writes a new file for the entry, named after its title (see fileTitles). */
  private async create(model: HighlightFile, entry: GlossaryEntry | undefined): Promise<void> {
    const vault = this.options.vault;
    const content = serializeHighlightFile(model);
    const packName = entry?.packId ? this.options.entries.packName(entry.packId) : undefined;
    for (const title of fileTitles(model.entry.title, model.entry.id, packName)) {
      try {
        const note = await vault.createNote({ title, folder: this.folder, content });
        this.byPath.set(note.path, model.entry.id);
        this.byEntry.set(model.entry.id, { path: note.path, version: note.version, model, warnings: [] });
        return;
      } catch (error) {
        if (error instanceof NotebookError && error.code === 'already-exists') continue;
        throw error;
      }
    }
    throw new NotebookError(
      'already-exists',
      `Could not find a free file name for the highlights of "${model.entry.title}".`,
    );
  }

  private newModel(entryId: string, entry: GlossaryEntry | undefined): HighlightFile {
    return {
      entry: { id: entryId, pack: entry?.packId ?? BUILT_IN_PACK, title: entry?.title ?? entryId },
      highlights: [],
      frontMatterExtra: {},
      preamble: '',
      unparsed: [],
    };
  }

  private requireEntry(entryId: string): GlossaryEntry {
    const entry = this.options.entries.entry(entryId);
    if (!entry) throw new NotebookError('not-found', `There is no glossary entry "${entryId}".`);
    return entry;
  }

  private noHighlight(entryId: string, id: string): NotebookError {
    return new NotebookError('not-found', `There is no highlight "${id}" on the entry "${entryId}".`);
  }

  private brokenFile(known: KnownFile): NotebookError {
    return new NotebookError(
      'read-only',
      `The highlight file "${known.path}" can no longer be read (${known.broken ?? ''}) ` +
        'Repair it by hand: the app does not overwrite it.',
    );
  }

  private keptChanging(path: string): NotebookError {
    return new NotebookError('conflict', `"${path}" kept changing on disk; nothing was written. Try again.`);
  }
}

/** The id on an `entry:` line of a file's front matter, when the front matter cannot be parsed. */
function entryIdLine(text: string): string | null {
  const { frontMatter } = splitFrontMatter(text);
  for (const match of frontMatter.matchAll(/^entry:[ \t]*(["']?)([^"'\s]+)\1[ \t]*$/gm)) {
    if (ENTRY_ID_PATTERN.test(match[2] as string)) return match[2] as string;
  }
  return null;
}

/**
 * The passage `start`–`end` of `text` with the whitespace at its ends left out.
 * @throws invalid-arguments when it is empty, outside the text, or only whitespace.
 */
function passageOf(text: string, start: number, end: number): { start: number; end: number } {
  if (!(start < end && end <= text.length)) {
    throw new NotebookError(
      'invalid-arguments',
      `The passage ${start}–${end} is not in the entry's text (${text.length} characters): select some of it.`,
    );
  }
  while (start < end && /\s/.test(text[start] as string)) start++;
  while (end > start && /\s/.test(text[end - 1] as string)) end--;
  if (start === end) {
    throw new NotebookError('invalid-arguments', 'The selection holds only spaces or line breaks: select some words.');
  }
  return { start, end };
}

/** A new highlight id, `h-` and random base 36 digits, used by no highlight of the file (readable or not). */
function newHighlightId(taken: Set<string>, unparsed: string[]): string {
  for (;;) {
    const id = `h-${BigInt(`0x${randomBytes(8).toString('hex')}`)
      .toString(36)
      .slice(0, 10)}`;
    if (!taken.has(id) && !unparsed.some((block) => block.includes(id))) return id;
  }
}

/** What ends every highlight file's name (see fileTitles). */
export const FILE_SUFFIX = 'highlights';

/**
 * File titles to try for an entry's highlights, in order: its title as a note name (the
 * notes' own rules, sanitizeTitle) followed by "highlights" (`GABA highlights.md`), then with
 * its pack's name (`GABA (Neuro) highlights.md`), then numbered (`GABA (Neuro) highlights 2.md`).
 * The entry id stands in for a title that leaves nothing.
 *
 * Never the bare title: a note named like an entry takes its links (`[[GABA]]` resolves to a
 * note before an entry, as in Obsidian), so highlighting an entry would turn every link to it
 * in the person's notes into a link to the highlight file.
 */
export function* fileTitles(title: string, entryId: string, packName: string | undefined): Generator<string> {
  // Cut so that the pack's name, the word and a number still fit in a note title.
  const base = sanitizeTitle((sanitizeTitle(title) || sanitizeTitle(entryId) || 'Entry').slice(0, 120));
  const named = (text: string) => sanitizeTitle(`${text} ${FILE_SUFFIX}`);
  yield named(base);
  const withPack = packName ? sanitizeTitle(`${base} (${packName.slice(0, 40)})`) || base : base;
  if (withPack !== base) yield named(withPack);
  for (let n = 2; n < MAX_NAME_TRIES; n++) yield `${named(withPack)} ${n}`;
}

/** Every highlight placed in the entry's current text (orphans when the entry is gone), in reading order. */
function placeAll(highlights: Highlight[], entry: GlossaryEntry | undefined): PlacedHighlight[] {
  const text = entry ? entryText(entry).text : null;
  const placed = highlights.map((h) => placeOne(structuredClone(h), text));
  return placed.sort((a, b) => {
    if (a.place && b.place) return a.place.start - b.place.start || a.place.end - b.place.end;
    if (a.place || b.place) return a.place ? -1 : 1;
    return a.created.localeCompare(b.created) || a.id.localeCompare(b.id);
  });
}

function placeOne(highlight: Highlight, text: string | null): PlacedHighlight {
  const found = text === null ? null : anchor(text, highlight.selectors);
  return {
    ...highlight,
    place: found ? { start: found.start, end: found.end, exact: found.method !== 'fuzzy' } : null,
  };
}
