import pLimit from 'p-limit';
import { NotebookError } from '@shared/api/errors';
import type { DocRef } from '@shared/domain/docRef';
import type { EmbedContent } from '@shared/domain/embeds';
import type { GlossaryEntry } from '@shared/domain/glossary';
import type {
  BacklinkList,
  HeadingInfo,
  LinkPreview,
  LinkSuggestion,
  MentionContext,
  MentionGroup,
  OutgoingLink,
  ResolvedTarget,
  UnresolvedLink,
  LinkUpdateReport,
} from '@shared/domain/links';
import type { Note, NoteChange, RenameResult } from '@shared/domain/note';
import type { IndexStatus } from '@shared/domain/search';
import { normalizeHeading } from '@shared/links/normalizeLinkTarget';
import type { TagSuggestion } from '@shared/domain/tags';
import { formatWikiLink } from '@shared/links/formatWikiLink';
import { analyzeNote } from '@shared/markdown/analyzeNote';
import { wikiLinkDisplay } from '@shared/markdown/blockText';
import { embedSection, sectionMarkdown } from '@shared/markdown/embedSection';
import type { NoteModel } from '@shared/markdown/noteModel';
import { notePreview } from '@shared/markdown/notePreview';
import type { EventBus } from '../events/EventBus';
import { NoteModelCache } from '../notes/NoteModelCache';
import type { VaultStore } from '../vault/VaultStore';
import { DerivedIndexLifecycle } from '../derived/DerivedIndexLifecycle';
import { ContextCache } from './ContextCache';
import { type AttachmentLookup, LinkIndex, type IndexedNote, type NoteMeta } from './LinkIndex';
import { readLinkCache, writeLinkCache } from './linkCache';
import { linkRecordOf, type IndexedLink } from './linkRecord';
import { mentionContexts } from './mentionContexts';
import { LinkMentions } from './LinkMentions';
import { LinkRenamer, type PackLinks } from './LinkRenamer';
import { entryPreview, LinkSuggestions } from './LinkSuggestions';
import { suggestTags } from './suggestTags';
import type { EntryNameKeys } from '../titles/NameKeys';

export interface LinkServiceOptions {
  store: VaultStore;
  /** Where `notes-changed` arrives and `links-changed` goes. */
  events: EventBus;
  entries: readonly GlossaryEntry[];
  /** The name of a reference pack, so `[[Pack name/Title]]` reaches its entry. */
  packNameOf?: (packId: string) => string | undefined;
  /** The vault's state folder, for the persisted index; null keeps it in memory only. */
  cacheDir: string | null;
  log: (message: string, error?: unknown) => void;
  /** How long `links-changed` waits for more changes. Default 100 ms. */
  eventDelayMs?: number;
  /** How long the persisted index waits for more changes before it is rewritten. Default 5 s. */
  cacheDelayMs?: number;
  /** The vault's note models, shared with search (each note version is analysed once). Default: its own. */
  models?: NoteModelCache;
  /** The vault's attachments, so links to missing ones are unresolved and present ones are not. */
  attachments?: () => Promise<AttachmentLookup>;
  /** The name keys of `entries`, made once for the `[[` menu's name index (see LinkSuggestions). */
  entryNames?: EntryNameKeys;
}

/** Timings, for the benchmark and diagnostics. */
export interface LinkServiceStats {
  /** Time to build the index at open (ms), and how many notes were read rather than taken from the cache. */
  buildMs: number;
  notesRead: number;
  notesFromCache: number;
  /** Time the last batch of note changes took to reach the index (reading the notes included), in ms. */
  lastUpdateMs: number;
  updates: number;
}

const READ_CONCURRENCY = 16;
const LINK_PREVIEW_CHARS = 400;
/** How often the link index reports its progress while it builds. */
const STATUS_INTERVAL_MS = 250;

/**
 * The links of one vault, behind the contract's link methods: builds the LinkIndex when
 * the vault opens (from the persisted index where note versions match, reading the rest
 * through the VaultStore), follows every `notes-changed` batch incrementally, and answers
 * backlinks, mentions, outgoing and unresolved links, suggestions and previews. Note text
 * is read on demand and never kept, except the contexts of recently shown backlinks
 * (keyed by note version, bounded).
 *
 * Queries wait until the index has caught up with every change announced before they were
 * made, so a save is visible to the next query. `links-changed` is emitted (debounced)
 * after the index changed.
 */
export class LinkService {
  private index = new LinkIndex();
  private readonly store: VaultStore;
  private readonly events: EventBus;
  private readonly entries: Map<string, GlossaryEntry>;
  private readonly log: LinkServiceOptions['log'];
  private readonly contexts = new ContextCache();
  private readonly models: NoteModelCache;
  /** Reads the notes the index follows, taking the texts the vault just read or wrote (see VaultStore.textReader). */
  private readonly texts: ReturnType<VaultStore['textReader']>;
  private readonly lifecycle: DerivedIndexLifecycle;
  private eventTimer: NodeJS.Timeout | null = null;
  /** Notes indexed so far of those listed while the index builds. */
  private progress = { indexed: 0, total: 0 };
  private statusSentAt = 0;
  /** The build at open; changes are applied after it. */
  private readonly building: Promise<void>;
  private disposed = false;
  private readonly suggestions: LinkSuggestions;
  private readonly renamer: LinkRenamer;
  private readonly mentions: LinkMentions;
  readonly stats: LinkServiceStats = { buildMs: 0, notesRead: 0, notesFromCache: 0, lastUpdateMs: 0, updates: 0 };

  constructor(private readonly options: LinkServiceOptions) {
    this.store = options.store;
    this.events = options.events;
    this.log = options.log;
    this.models = options.models ?? new NoteModelCache();
    this.texts = this.store.textReader();
    this.entries = new Map(options.entries.map((entry) => [entry.id, entry]));
    this.index.setEntries(options.entries, options.packNameOf);
    const index = () => this.index;
    this.suggestions = new LinkSuggestions({
      index,
      store: this.store,
      entries: this.entries,
      entryNames: options.entryNames,
    });
    this.renamer = new LinkRenamer({
      index,
      store: this.store,
      idle: () => this.idle(),
      modelOf: (note) => this.modelOf(note),
    });
    this.mentions = new LinkMentions({
      index,
      store: this.store,
      readForIndex: (path) => this.readForIndex(path),
      reindex: (note) => {
        this.indexNote(note);
        this.indexChanged();
      },
      modelOf: (note) => this.modelOf(note),
    });
    const cacheDir = options.cacheDir;
    // Subscribes first: changes made while the index builds are applied after it.
    this.lifecycle = new DerivedIndexLifecycle({
      events: options.events,
      log: options.log,
      applyFailureMessage: 'Updating the link index failed',
      // Changes wait for the build (not for `ready`: those found by the vault's first look at
      // the disk are applied before the index says it is ready).
      apply: (changes) => this.building.then(() => this.applyChanges(changes)),
      cache: cacheDir
        ? {
            // A snapshot: notes are replaced, never changed, so later updates do not disturb the write.
            write: () => writeLinkCache(cacheDir, [...this.index.allNotes()]),
            failureMessage: 'Could not save the link index (it is rebuilt at the next start)',
          }
        : null,
    });
    this.building = this.build().catch((error: unknown) => this.log('Building the link index failed', error));
    void this.building
      .then(() => this.store.whenChecked())
      .then(() => this.lifecycle.settled())
      .finally(() => {
        this.lifecycle.markReady();
        this.emitStatus(true);
      });
  }

  /** Where the index stands (see NotebookApi.getLinkIndexStatus). */
  getIndexStatus(): IndexStatus {
    if (this.lifecycle.ready) return { state: 'ready', indexed: this.index.size, total: this.index.size };
    // Notes the vault is still reading at a first start count too: they reach the index as changes.
    const total = Math.max(this.progress.total, this.store.readProgress.total);
    return { state: 'building', indexed: Math.min(this.progress.indexed, total), total };
  }

  /** Sends `link-index-status`: at most every STATUS_INTERVAL_MS while building, always when `force`d. */
  private emitStatus(force: boolean): void {
    if (this.disposed) return;
    const now = Date.now();
    if (!force && now - this.statusSentAt < STATUS_INTERVAL_MS) return;
    this.statusSentAt = now;
    this.events.emit('link-index-status', this.getIndexStatus());
  }

  /** Resolves once the index holds every note and every change announced so far. */
  async idle(): Promise<void> {
    await this.lifecycle.built;
    await this.lifecycle.settled();
  }

  /** Writes the persisted index now if it changed (it is otherwise written a few seconds after changes). */
  async persist(): Promise<void> {
    await this.idle();
    await this.lifecycle.cache?.flush();
  }

  /** Stops following changes, writes the persisted index if it changed. Safe to call twice. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    this.lifecycle.stopListening();
    this.texts.close();
    if (this.eventTimer) clearTimeout(this.eventTimer);
    // The build, not `ready`: that may wait for the vault to finish reading, which closing stops.
    await this.building;
    await this.lifecycle.close();
  }

  // ---- building and following changes ----------------------------------------------

  private async build(): Promise<void> {
    const started = performance.now();
    const cached = this.options.cacheDir ? await readLinkCache(this.options.cacheDir) : new Map();
    const toRead: string[] = [];
    const listed = this.store.listNotes();
    for (const summary of listed) {
      const version = this.store.knownVersion(summary.path);
      // Not read by the vault yet (a first start): it arrives as a change once read, with its text.
      if (version === undefined) continue;
      const hit = cached.get(summary.path);
      if (hit && hit.version === version) {
        this.index.put(
          { path: summary.path, aliases: summary.aliases, version, modified: summary.modified },
          hit.analysis,
        );
      } else {
        toRead.push(summary.path);
      }
    }
    this.progress = { indexed: this.index.size, total: listed.length };
    this.emitStatus(true);
    await pLimit(READ_CONCURRENCY).map(toRead, async (path) => {
      if (this.disposed) return;
      const note = await this.readForIndex(path);
      if (note) this.indexNote(note);
      this.progress.indexed++;
      this.emitStatus(false);
    });
    this.stats.buildMs = performance.now() - started;
    this.stats.notesRead = toRead.length;
    this.stats.notesFromCache = this.index.size - toRead.length;
    if (toRead.length > 0 || cached.size !== this.stats.notesFromCache) this.markCacheDirty(1000);
  }

  /**
   * Builds a new index from every note (read through the store) and swaps it in; the
   * benchmark's baseline. Queries meanwhile use the current index. Returns the time taken in ms.
   */
  async rebuild(): Promise<number> {
    await this.idle();
    const started = performance.now();
    const fresh = new LinkIndex();
    fresh.setEntries(this.options.entries, this.options.packNameOf);
    await pLimit(READ_CONCURRENCY).map(this.store.listNotes(), async ({ path }) => {
      const note = await this.readForIndex(path);
      // Analysed afresh (not from the model cache): this is the cost of building from nothing.
      if (note) fresh.put(metaOf(note), linkRecordOf(note.path, note.readOnly ? '' : note.content));
    });
    this.index = fresh;
    this.markCacheDirty();
    return performance.now() - started;
  }

  /** Applies a batch of note changes (see DerivedIndexLifecycle), once the index was built. */
  private async applyChanges(changes: NoteChange[]): Promise<void> {
    if (this.disposed) return;
    const started = performance.now();
    const changed = await this.refreshNotes(changes.map((change) => change.path));
    this.stats.lastUpdateMs = performance.now() - started;
    this.stats.updates++;
    if (changed) this.indexChanged();
  }

  /**
   * Brings the index in line with the vault for these paths. The store is the judge of
   * what exists (a change event may come from a vault being closed): a path it does not
   * know is removed, one whose version the index already has is left alone.
   */
  private async refreshNotes(paths: string[]): Promise<boolean> {
    let changed = false;
    const toRead: string[] = [];
    for (const path of paths) {
      const version = this.store.knownVersion(path);
      if (version === undefined) {
        if (this.index.remove(path)) changed = true;
        this.contexts.delete(path);
        this.models.delete(path);
      } else if (this.index.get(path)?.version !== version) {
        toRead.push(path);
      }
    }
    const notes = await pLimit(READ_CONCURRENCY).map(toRead, (path) => this.readForIndex(path, true));
    toRead.forEach((path, index) => {
      const note = notes[index];
      if (note) this.indexNote(note);
      else if (note === null && this.index.remove(path)) this.contexts.delete(path);
      changed = true;
    });
    if (changed && !this.lifecycle.ready) {
      this.progress.indexed = this.index.size;
      this.emitStatus(false);
    }
    return changed;
  }

  /**
   * Reads a note for the index: null when it is gone, undefined when it could not be read
   * (kept as it was). `following`: the version the vault just announced, whose text the
   * vault may hold (see VaultStore.textReader).
   */
  private async readForIndex(path: string, following = false): Promise<Note | null | undefined> {
    try {
      return await (following ? this.texts.read(path) : this.store.readNote(path));
    } catch (error) {
      if (error instanceof NotebookError && error.code === 'not-found') return null;
      this.log(`Could not read ${path} for the link index`, error);
      return undefined;
    }
  }

  /** Indexes a note from its text; refreshes its cached backlink contexts if it had some. */
  private indexNote(note: Note): IndexedNote {
    const model = this.modelOf(note);
    this.index.put(metaOf(note), linkRecordOf(note.path, model));
    const indexed = this.index.get(note.path)!;
    if (this.contexts.has(note.path)) this.contexts.set(note.path, note.version, contextsOf(model, indexed.links));
    this.markCacheDirty();
    return indexed;
  }

  private indexChanged(): void {
    if (this.disposed || this.eventTimer) return;
    this.eventTimer = setTimeout(() => {
      this.eventTimer = null;
      if (!this.disposed) this.events.emit('links-changed', {});
    }, this.options.eventDelayMs ?? 100);
    this.eventTimer.unref?.();
  }

  private markCacheDirty(delay = this.options.cacheDelayMs ?? 5000): void {
    this.lifecycle.cache?.markDirty(delay);
  }

  // ---- the contract ----------------------------------------------------------------

  /** See NotebookApi.resolveLinks. */
  async resolveLinks(targets: readonly string[], from?: string): Promise<Array<ResolvedTarget | null>> {
    await this.idle();
    return targets.map((target) => {
      const ref = this.resolveWritten(target, from);
      return ref ? this.index.describe(ref) : null;
    });
  }

  /** See NotebookApi.getOutgoingLinks. @throws not-found for an unknown note. */
  async getOutgoingLinks(path: string): Promise<OutgoingLink[]> {
    await this.idle();
    const links = this.index.outgoing(path, await this.options.attachments?.());
    if (!links) throw notFound(path);
    return links;
  }

  /** See NotebookApi.listUnresolvedLinks. */
  async listUnresolvedLinks(): Promise<UnresolvedLink[]> {
    await this.idle();
    return this.index.unresolved(await this.options.attachments?.());
  }

  /** See NotebookApi.getEntryLinkCounts. */
  async getEntryLinkCounts(): Promise<Record<string, number>> {
    await this.idle();
    return this.index.entryLinkCounts();
  }

  /**
   * See NotebookApi.countLinksToNote: the links a rename would rewrite (those naming the
   * note by title or path; links through an alias keep working and are not counted).
   */
  async countLinksToNote(path: string): Promise<{ links: number; notes: number }> {
    await this.idle();
    if (!this.index.get(path)) throw notFound(path);
    const sources = this.index.linksTo({ kind: 'note', path }, { viaAlias: false });
    return { links: sources.reduce((sum, s) => sum + s.links.length, 0), notes: sources.length };
  }

  /** See NotebookApi.getBacklinks. @throws not-found for an unknown document. */
  async getBacklinks(ref: DocRef): Promise<BacklinkList> {
    await this.idle();
    this.assertExists(ref);
    for (let attempt = 0; ; attempt++) {
      const sources = this.index.linksTo(ref);
      // Contexts of unchanged notes come from the cache; only the others are read.
      const contexts = sources.map(({ note }) => this.contexts.get(note.path, note.version));
      const missing = sources.filter((_, index) => contexts[index] === undefined);
      const read = await pLimit(READ_CONCURRENCY).map(missing, ({ note }) => this.contextsFor(note));
      let stale = false;
      missing.forEach((source, index) => {
        const found = read[index];
        if (found === null) stale = true;
        contexts[sources.indexOf(source)] = found ?? undefined;
      });
      // A note changed on disk before its event arrived: it was re-indexed; ask again.
      if (stale && attempt < 2) continue;
      const groups: MentionGroup[] = [];
      let count = 0;
      sources.forEach(({ note, links }, index) => {
        const known = contexts[index];
        if (!known) return;
        const mentions = links.map((link) => known[note.links.indexOf(link)]!);
        groups.push({ path: note.path, title: note.title, mentions });
        count += mentions.length;
      });
      return { groups, count };
    }
  }

  /**
   * The mention contexts of every link of an indexed note (aligned with its links), from
   * the cache or by reading the note. Null when the file turned out newer than the index
   * (the note is re-indexed then).
   */
  private async contextsFor(note: IndexedNote): Promise<readonly MentionContext[] | null> {
    const cached = this.contexts.get(note.path, note.version);
    if (cached) return cached;
    const read = await this.readForIndex(note.path);
    if (read === undefined) return note.links.map(unreadableContext);
    if (read === null || read.version !== note.version) {
      const current = this.index.get(note.path);
      if (read === null) this.index.remove(note.path);
      else if (current === note) this.indexNote(read);
      this.indexChanged();
      return null;
    }
    const contexts = contextsOf(this.modelOf(read), note.links);
    this.contexts.set(note.path, note.version, contexts);
    return contexts;
  }

  /** See NotebookApi.getUnlinkedMentions. @throws not-found for an unknown document. */
  async getUnlinkedMentions(ref: DocRef): Promise<BacklinkList> {
    await this.idle();
    this.assertExists(ref);
    return this.mentions.unlinkedMentions(ref, this.namesOf(ref));
  }

  /** See NotebookApi.linkMentions. @throws not-found, read-only, conflict (the note kept changing). */
  async linkMentions(
    path: string,
    ref: DocRef,
    mentions: ReadonlyArray<{ start: number; end: number; source: string }>,
  ): Promise<{ linked: number; previousContent: string; version: string }> {
    await this.idle();
    this.assertExists(ref);
    const result = await this.mentions.linkMentions(path, ref, mentions);
    if (result.linked > 0) await this.idle();
    return result;
  }

  /**
   * Renames a note through the store and, with `updateLinks`, rewrites the links to it in
   * other notes (see LinkRenamer and NotebookApi.renameNote).
   */
  renameNote(args: { path: string; title: string; updateLinks?: boolean }): Promise<RenameResult> {
    return this.renamer.renameNote(args);
  }

  /** The links naming a pack by its current name (see LinkRenamer.findPackLinks). */
  findPackLinks(packId: string, name: string, hasTitle: (titleKey: string) => boolean): Promise<PackLinks> {
    return this.renamer.findPackLinks(packId, name, hasTitle);
  }

  /** Gives links found before a pack rename the new name (see LinkRenamer.rewritePackLinks). */
  rewritePackLinks(found: PackLinks, newName: string): Promise<LinkUpdateReport> {
    return this.renamer.rewritePackLinks(found, newName);
  }

  /** See NotebookApi.suggestLinkTargets. */
  async suggestLinkTargets(query: string, limit?: number): Promise<LinkSuggestion[]> {
    await this.idle();
    return this.suggestions.suggest(query, limit);
  }

  /** See NotebookApi.suggestTags. */
  async suggestTags(query: string, limit?: number): Promise<TagSuggestion[]> {
    await this.idle();
    return suggestTags(this.index.allNotes(), query, limit);
  }

  /** See NotebookApi.listHeadings. */
  async listHeadings(target: string, from?: string): Promise<HeadingInfo[]> {
    await this.idle();
    const ref = this.resolveWritten(target, from);
    if (!ref) return [];
    if (ref.kind === 'entry') {
      return (this.entries.get(ref.id)?.sections ?? []).map((section) => ({ text: section.heading, level: 2 }));
    }
    const note = await this.readForIndex(ref.path);
    if (!note || note.readOnly) return [];
    return this.modelOf(note).headings.map(({ text, level }) => ({ text, level }));
  }

  /** What to write in `[[…]]` to reach entry `id` from the note at `from` (pack-qualified when titles clash). */
  async entryLinkTarget(id: string, from?: string): Promise<string> {
    await this.idle();
    return this.index.spellingFor({ kind: 'entry', id }, from ?? null);
  }

  /** See NotebookApi.getLinkPreview. */
  /** See NotebookApi.getLinkText. @throws not-found for an unknown document. */
  async getLinkText(ref: DocRef, from?: string): Promise<string> {
    await this.idle();
    this.assertExists(ref);
    return this.index.spellingFor(ref, from ?? null);
  }

  async getLinkPreview(target: string, from?: string): Promise<LinkPreview | null> {
    await this.idle();
    const ref = this.resolveWritten(target, from);
    const resolved = ref ? this.index.describe(ref) : null;
    if (!ref || !resolved) return null;
    if (ref.kind === 'entry')
      return { target: resolved, text: entryPreview(this.entries.get(ref.id), LINK_PREVIEW_CHARS) };
    const note = await this.readForIndex(ref.path);
    return {
      target: resolved,
      text: note && !note.readOnly ? notePreview(this.modelOf(note), LINK_PREVIEW_CHARS) : '',
    };
  }

  /**
   * See NotebookApi.getEmbed. A note's part is cut from its model (embedSection); an
   * entry's part is one of its sections, by heading. A read-only note (too large, not
   * UTF-8) shows as not found.
   */
  async getEmbed(target: string, part: string | null, from?: string): Promise<EmbedContent | null> {
    await this.idle();
    const ref = this.resolveWritten(target, from);
    const resolved = ref ? this.index.describe(ref) : null;
    if (!ref || !resolved) return null;
    const wanted = part === null || part.trim() === '' ? null : part;
    if (ref.kind === 'entry') {
      const entry = this.entries.get(ref.id);
      if (!entry) return null;
      if (wanted === null) {
        return {
          target: resolved,
          part: null,
          found: true,
          markdown: '',
          entry: { definition: entry.definition, sections: entry.sections },
        };
      }
      const name = normalizeHeading(wanted.split('#').pop() ?? '');
      const sections = entry.sections.filter((section) => normalizeHeading(section.heading) === name).slice(0, 1);
      return {
        target: resolved,
        part: wanted,
        found: sections.length > 0,
        markdown: '',
        entry: { definition: '', sections },
      };
    }
    const note = await this.readForIndex(ref.path);
    if (!note || note.readOnly) return { target: resolved, part: wanted, found: false, markdown: '' };
    const model = this.modelOf(note);
    const section = embedSection(model, wanted);
    return {
      target: resolved,
      part: wanted,
      found: section !== null,
      markdown: section ? sectionMarkdown(model, section) : '',
      version: note.version,
    };
  }

  // ---- helpers ---------------------------------------------------------------------

  /** A note's model, from the shared cache (a read-only note's text is not indexed: an empty one). */
  private modelOf(note: Note): NoteModel {
    return note.readOnly ? EMPTY_MODEL : this.models.get(note.path, note.version, note.content);
  }

  /** A target as the UI passes it: `Target`, or tolerated `Target#Heading|label`. */
  private resolveWritten(written: string, from?: string): DocRef | null {
    const pipe = written.indexOf('|');
    const beforePipe = pipe >= 0 ? written.slice(0, pipe).replace(/\\$/, '') : written;
    const hash = beforePipe.indexOf('#');
    const target = hash >= 0 ? beforePipe.slice(0, hash) : beforePipe;
    return this.index.resolve(target, from ?? null);
  }

  private namesOf(ref: DocRef): string[] {
    if (ref.kind === 'entry') {
      const entry = this.index.entry(ref.id)!;
      return [entry.title, ...entry.aliases];
    }
    const note = this.index.get(ref.path)!;
    return [note.title, ...note.aliases];
  }

  private assertExists(ref: DocRef): void {
    if (this.index.has(ref)) return;
    if (ref.kind === 'entry') throw new NotebookError('not-found', `There is no glossary entry "${ref.id}".`);
    throw notFound(ref.path);
  }
}

function metaOf(note: Note): NoteMeta {
  return { path: note.path, aliases: note.aliases, version: note.version, modified: note.modified };
}

const EMPTY_MODEL = analyzeNote('');

/** The contexts of all links of a note (aligned with `links`). */
function contextsOf(model: NoteModel, links: readonly IndexedLink[]): MentionContext[] {
  if (links.length === 0) return [];
  return mentionContexts(model, links);
}

/** What is known of a link when its note cannot be read right now: its own text. */
function unreadableContext(link: IndexedLink): MentionContext {
  const text = wikiLinkDisplay(link);
  return {
    text,
    highlights: [[0, text.length]],
    headingPath: [],
    start: link.start,
    end: link.end,
    source: formatWikiLink(link),
  };
}

function notFound(path: string): NotebookError {
  return new NotebookError('not-found', `There is no note "${path}" in the vault.`);
}
