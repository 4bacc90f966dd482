import { join } from 'node:path';
import pLimit from 'p-limit';
import { NotebookError } from '@shared/api/errors';
import type { DocRef } from '@shared/domain/docRef';
import type { GlossaryEntry } from '@shared/domain/glossary';
import type { NoteChange, NoteSummary } from '@shared/domain/note';
import type { IndexStatus, SearchHit, SearchResults, SearchScope, SwitcherItem } from '@shared/domain/search';
import { needsTextCheck, QueryTermMatcher, textSatisfies } from '@shared/search/matchTerms';
import { isEmptyQuery, parseQuery, type ParsedQuery, type QueryItem } from '@shared/search/parseQuery';
import { DerivedIndexLifecycle } from '../derived/DerivedIndexLifecycle';
import type { EventBus } from '../events/EventBus';
import { StoredEntry } from '../packs/packCatalog';
import { NoteModelCache } from '../notes/NoteModelCache';
import type { VaultStore } from '../vault/VaultStore';
import type { WorkspaceStore } from '../workspace/WorkspaceStore';
import { buildSnippets } from './buildSnippets';
import type { IndexHit, IndexSearchResult } from './FullTextIndex';
import { CACHE_FILE_NAME } from './indexCache';
import { defaultIndexerHost, IndexerClient, type IndexerHost } from './IndexerClient';
import { docKey, entryText, entryToIndexDoc, noteFieldsOf, refOfKey, type NoteMeta } from './indexDocs';
import type { FromIndexer, IndexerOptions, NoteUpsert } from './indexerProtocol';
import type { PackIndexSource } from './packIndexCache';
import { snippetBlocks, type TextBlock } from './snippetBlocks';
import type { EntryNameKeys } from '../titles/NameKeys';
import { sameStatus } from './sameStatus';
import { SwitcherIndex, type SwitcherEntry } from './SwitcherIndex';

/** Hits returned when the caller gives no limit. */
export const DEFAULT_SEARCH_LIMIT = 30;
/** Switcher choices returned when the caller gives no limit. */
export const DEFAULT_SWITCHER_LIMIT = 20;

export interface SearchServiceOptions {
  store: VaultStore;
  workspace: WorkspaceStore;
  entries: readonly GlossaryEntry[];
  /**
   * What the switcher and results show beside an entry's title, where a note shows its
   * folder: for an entry whose title others share, its pack and first words ('' otherwise).
   */
  entryDetail?: (id: string) => string;
  events: EventBus;
  /** This vault's state folder (see vaultStateDir): the index cache lives there. Null: no cache. */
  stateDir: string | null;
  log: (message: string, error?: unknown) => void;
  /**
   * Reference packs whose entries the indexer loads itself, from each pack's index cache
   * (see packIndexCache): their entries are not sent to it. Entries of other packs are.
   */
  packIndexes?: readonly PackIndexSource[];
  /** Where the indexer runs. Default: the built worker when present, else this thread. */
  host?: IndexerHost;
  indexer?: IndexerOptions;
  /** The vault's note models, shared with the link index (each note version is analysed once). Default: its own. */
  models?: NoteModelCache;
  /** The name keys of `entries`, made once for the switcher's name index (see SwitcherIndex). */
  entryNames?: EntryNameKeys;
}

interface DocSource {
  /** Every field the index saw, for exact phrase checks and the terms to highlight. */
  searchText: string;
  blocks: TextBlock[];
  /** False when the text was cut (see MAX_SOURCE_CHARS): phrases are then not re-checked. */
  complete: boolean;
}

/** How many documents' texts to keep between keystrokes (snippets for the same hits again). */
const SOURCE_CACHE_SIZE = 64;
const SOURCE_CACHE_MAX_CHARS = 256 * 1024;
/** Snippets and phrase checks look at most at this much of a note. */
const MAX_SOURCE_CHARS = 1024 * 1024;
/** Extra hits asked of the index for phrase queries, to make up for the ~1% the text check drops. */
const PHRASE_MARGIN = 8;
const MAX_RESTARTS = 3;

/**
 * Search for one open vault: the full-text search panel, the quick switcher and the
 * index status, behind the NotebookApi methods `search`, `quickSwitch` and
 * `getIndexStatus`, and the `index-status` event.
 *
 * The full-text index lives in a worker thread (see IndexerCore); this class sends it
 * the vault's notes and every change, asks it for ranked hits, and turns those into
 * results: it reads the hits' texts through the vault store (never a second copy of all
 * notes in memory), checks phrases exactly, and cuts snippets with highlights. The quick
 * switcher's titles and aliases are small and stay here, answering even while the index
 * builds.
 */
export class SearchService {
  private readonly store: VaultStore;
  private readonly workspace: WorkspaceStore;
  private readonly entries: Map<string, GlossaryEntry>;
  private readonly events: EventBus;
  private readonly log: (message: string, error?: unknown) => void;
  private readonly host: IndexerHost;
  private readonly cachePath: string | null;
  private readonly switcher: SwitcherIndex;
  private readonly models: NoteModelCache;
  /** Reads changed notes, taking the texts the vault just read or wrote (see VaultStore.textReader). */
  private readonly texts: ReturnType<VaultStore['textReader']>;
  private readonly sources = new Map<string, { version: string; source: DocSource }>();
  private client: IndexerClient;
  private status: IndexStatus;
  /** What the indexer last said (see updateStatus); null until it did. */
  private indexerStatus: IndexStatus | null = null;
  /** True once what the vault found at start reached the index (see updateStatus). */
  private vaultChecked = false;
  private readonly lifecycle: DerivedIndexLifecycle;
  private restarts = 0;
  private closed = false;

  constructor(private readonly options: SearchServiceOptions) {
    this.store = options.store;
    this.workspace = options.workspace;
    // Filled in a loop: a [id, entry] pair per entry was 120,000 arrays made at every start.
    this.entries = new Map();
    for (const entry of options.entries) this.entries.set(entry.id, entry);
    this.switcher = new SwitcherIndex({ entryNames: options.entryNames });
    this.events = options.events;
    this.log = options.log;
    this.host = options.host ?? defaultIndexerHost();
    this.models = options.models ?? new NoteModelCache();
    this.texts = this.store.textReader();
    this.cachePath = options.stateDir ? join(options.stateDir, CACHE_FILE_NAME) : null;
    for (const entry of options.entries) this.switcher.set(new EntrySwitcherEntry(entry, options.entryDetail));
    const notes = this.store.listNotes();
    for (const note of notes) this.switcher.set(switcherEntryOf(note));
    this.status = {
      state: 'building',
      indexed: 0,
      total: notes.length,
      entries: { indexed: 0, total: this.entries.size },
    };
    // Subscribed before the index is told what the vault holds, so no change falls in between.
    // The cache is the indexer's to write (see IndexerCore); changes go to it in batches.
    this.lifecycle = new DerivedIndexLifecycle({
      events: this.events,
      log: this.log,
      onArrive: (changes) => this.onNotesChanged(changes),
      apply: (changes) => this.applyBatch(changes),
      applyFailureMessage: 'Could not update the search index',
      // Changes of one burst go together; batches are applied one after another, in order.
      batching: 'next-turn',
    });
    this.client = this.startIndexer(notes);
    void this.store
      .whenChecked()
      .then(() => this.lifecycle.settled())
      // A round trip: the indexer answers in order, so its status then counts those changes.
      .then(() => this.client.search(parseQuery(''), 'all', 1).catch(() => null))
      .then(() => {
        this.vaultChecked = true;
        this.updateStatus();
      });
  }

  /** Where the index stands. */
  getIndexStatus(): IndexStatus {
    return { ...this.status };
  }

  /** Resolves once the index holds every note (tests and the bench wait for this). */
  whenReady(): Promise<void> {
    return this.lifecycle.whenReady();
  }

  /** Resolves once every note change seen so far has reached the index. */
  settled(): Promise<void> {
    return this.lifecycle.settled();
  }

  /**
   * Full-text search (see NotebookApi.search and parseQuery for the language). Never
   * fails on a malformed query; if the indexer itself fails, answers with no hits.
   */
  async search(args: { query: string; scope?: SearchScope; limit?: number }): Promise<SearchResults> {
    this.assertOpen();
    // Read your writes: a note saved a moment ago is searchable by its new text.
    if (this.lifecycle.busy) await this.settled();
    const limit = args.limit ?? DEFAULT_SEARCH_LIMIT;
    const query = parseQuery(args.query);
    if (isEmptyQuery(query)) return { hits: [], total: 0, status: this.getIndexStatus() };
    const check = needsTextCheck(query);
    let result: IndexSearchResult;
    try {
      result = await this.client.search(query, args.scope ?? 'all', check ? limit + PHRASE_MARGIN : limit);
    } catch (error) {
      this.log('The search index did not answer', error);
      return { hits: [], total: 0, status: this.getIndexStatus() };
    }
    // The hits' definitions in a few reads, not one each.
    StoredEntry.readBodies(
      result.hits.map((hit) => {
        const ref = refOfKey(hit.key);
        return ref.kind === 'entry' ? this.entries.get(ref.id) : undefined;
      }),
    );
    const matcher = new QueryTermMatcher(query);
    const hits = await pLimit(8).map(result.hits, (hit) => this.toSearchHit(hit, query, matcher, check));
    const kept = hits.filter((hit): hit is SearchHit => hit !== null);
    const dropped = hits.length - kept.length;
    return {
      hits: kept.slice(0, limit),
      total: Math.max(kept.length, result.total - dropped),
      status: this.getIndexStatus(),
    };
  }

  /** The quick switcher (see SwitcherIndex for the matching rules). */
  async quickSwitch(args: { query: string; limit?: number }): Promise<SwitcherItem[]> {
    this.assertOpen();
    const recent = ((await this.workspace.get()).recent ?? []).map(docKey);
    return this.switcher.query(args.query, { limit: args.limit ?? DEFAULT_SWITCHER_LIMIT, recent });
  }

  /** Writes the index cache now (if anything changed). */
  async flush(): Promise<void> {
    await this.settled();
    await this.client.flush();
  }

  /** Stops listening, brings the cache up to date and stops the indexer. Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.lifecycle.stopListening();
    await this.settled().catch(() => undefined);
    this.closed = true;
    this.texts.close();
    await this.lifecycle.close();
    try {
      await this.client.close();
    } catch (error) {
      this.log('Could not write the search index cache', error);
    }
  }

  // ---- the indexer ------------------------------------------------------------------

  private startIndexer(notes: NoteSummary[], host: IndexerHost = this.host): IndexerClient {
    let client: IndexerClient;
    try {
      client = new IndexerClient(host, {
        message: (message) => this.onIndexerMessage(message),
        failure: (error) => this.onIndexerFailure(error),
      });
    } catch (error) {
      // A missing or unloadable worker script: search still works, in this thread.
      this.log('Could not start the search worker; indexing in the main thread instead', error);
      client = new IndexerClient(
        { kind: 'inline' },
        {
          message: (message) => this.onIndexerMessage(message),
          failure: (failure) => this.onIndexerFailure(failure),
        },
      );
    }
    const packs = this.options.packIndexes ?? [];
    const loaded = new Set(packs.map((pack) => pack.packId));
    const sent: GlossaryEntry[] = [];
    for (const entry of this.entries.values()) if (!entry.packId || !loaded.has(entry.packId)) sent.push(entry);
    client.send({
      type: 'init',
      vaultPath: this.store.vaultPath,
      cachePath: this.cachePath,
      entries: sent.map(entryToIndexDoc),
      packs: [...packs],
      notes: notes.flatMap((note) => {
        const meta = this.metaOf(note);
        return meta ? [meta] : [];
      }),
      options: this.options.indexer ?? {},
    });
    return client;
  }

  private metaOf(note: NoteSummary): NoteMeta | null {
    const version = this.store.knownVersion(note.path);
    if (version === undefined) return null;
    return { path: note.path, version, aliases: note.aliases, tags: note.tags };
  }

  private onIndexerMessage(message: FromIndexer): void {
    if (message.type === 'status') {
      this.indexerStatus = message.status;
      this.updateStatus();
    } else if (message.type === 'log') {
      this.log(message.message, message.detail);
    }
  }

  /**
   * The status the UI sees: the indexer's, except that until the vault has checked its
   * records against the disk (a start from the metadata cache) or read the notes it listed
   * (a first start), and those changes reached the indexer, the index is not complete,
   * whatever the indexer holds so far (see VaultStore.whenChecked).
   */
  private updateStatus(): void {
    const worker = this.indexerStatus;
    if (!worker) return;
    const vault = this.store.readProgress;
    const status: IndexStatus = !this.vaultChecked
      ? { ...worker, state: 'building', total: Math.max(worker.total, vault.total) }
      : worker;
    const last = this.status;
    this.status = status;
    if (!sameStatus(last, status)) {
      if (!this.closed) this.events.emit('index-status', { ...status });
    }
    if (status.state === 'ready') this.lifecycle.markReady();
    else this.lifecycle.markBuilding();
  }

  private onIndexerFailure(error: Error): void {
    if (this.closed) return;
    this.log('The search worker failed', error);
    if (this.restarts >= MAX_RESTARTS) return;
    this.restarts++;
    this.indexerStatus = null;
    this.status = {
      state: 'building',
      indexed: 0,
      total: this.status.total,
      ...(this.status.entries ? { entries: { indexed: 0, total: this.status.entries.total } } : {}),
    };
    this.lifecycle.markBuilding();
    this.events.emit('index-status', { ...this.status });
    // The last attempt runs in this thread: slower, but search keeps working.
    const host = this.restarts === MAX_RESTARTS ? { kind: 'inline' as const } : this.host;
    this.client = this.startIndexer(this.store.listNotes(), host);
  }

  // ---- note changes -----------------------------------------------------------------

  /** Keeps the switcher and the text cache current at once; the index follows in a batch. */
  private onNotesChanged(changes: NoteChange[]): void {
    for (const change of changes) {
      const key = docKey({ kind: 'note', path: change.path });
      if (change.kind === 'removed') this.switcher.delete(key);
      else if (change.note) this.switcher.set(switcherEntryOf(change.note));
      this.sources.delete(key);
    }
  }

  private async applyBatch(changes: NoteChange[]): Promise<void> {
    if (this.closed) return;
    const removals: string[] = [];
    const upserts: NoteUpsert[] = [];
    await pLimit(8).map(changes, async (change) => {
      if (change.kind === 'removed') {
        removals.push(change.path);
        return;
      }
      try {
        const note = await this.texts.read(change.path);
        upserts.push({
          path: note.path,
          version: note.version,
          aliases: note.aliases,
          tags: note.tags,
          // The fields from the shared model (the link index reads the same one): parsed once.
          text: note.readOnly
            ? note.content === ''
              ? null
              : note.content
            : noteFieldsOf(this.models.get(note.path, note.version, note.content)),
        });
        this.switcher.set(switcherEntryOf(note));
      } catch (error) {
        // Gone again already (its removal follows), or unreadable: not searchable by its text.
        if (error instanceof NotebookError && error.code === 'not-found') removals.push(change.path);
        else if (change.note) upserts.push({ ...(this.metaOf(change.note) ?? metaFallback(change)), text: null });
      }
    });
    if (!this.closed && upserts.length + removals.length > 0) this.client.send({ type: 'apply', upserts, removals });
  }

  // ---- results ------------------------------------------------------------------------

  private async toSearchHit(
    hit: IndexHit,
    query: ParsedQuery,
    matcher: QueryTermMatcher,
    check: boolean,
  ): Promise<SearchHit | null> {
    const source = await this.sourceOf(hit.key);
    if (!source) return null;
    // A partial match is checked on the words it has.
    const missing = hit.missing ?? [];
    const checked =
      missing.length > 0 ? { ...query, clauses: query.clauses.filter((_, i) => !missing.includes(i)) } : query;
    if (check && source.complete && !textSatisfies(checked, source.searchText)) return null;
    const terms = matcher.termsIn(source.searchText);
    const wanted = new Set(terms);
    const titleKey = hit.title.trim().toLowerCase();
    // A heading that repeats the title tells the reader nothing the hit's title does not.
    const blocks = source.blocks.filter((block) => !(block.heading && block.text.trim().toLowerCase() === titleKey));
    const ref = refOfKey(hit.key);
    return {
      ref,
      kind: hit.kind,
      title: hit.title,
      folder: ref.kind === 'entry' ? (this.options.entryDetail?.(ref.id) ?? '') : hit.folder,
      score: Math.round(hit.score * 1000) / 1000,
      snippets: buildSnippets(blocks.length > 0 ? blocks : source.blocks, (term) => wanted.has(term)),
      terms: terms.slice(0, 32),
      ...(missing.length > 0 ? { missing: missing.map((i) => clauseText(query.clauses[i]!)) } : {}),
    };
  }

  /** The text of a hit, from the glossary in memory or the note's file (through the vault store). */
  private async sourceOf(key: string): Promise<DocSource | null> {
    const ref = refOfKey(key);
    if (ref.kind === 'entry') {
      const entry = this.entries.get(ref.id);
      return entry ? entrySource(entry) : null;
    }
    const known = this.store.knownVersion(ref.path);
    const cached = this.sources.get(key);
    if (cached && known !== undefined && cached.version === known) {
      // Most recently used last.
      this.sources.delete(key);
      this.sources.set(key, cached);
      return cached.source;
    }
    let note;
    try {
      note = await this.store.readNote(ref.path);
    } catch {
      return null;
    }
    // A huge note is shown and checked by its first megabyte, so a keystroke stays fast: its
    // blocks from there on are left out of the shared model (analysed once, by whichever
    // feature asked first), rather than its first megabyte analysed again.
    const complete = note.content.length <= MAX_SOURCE_CHARS;
    const model = this.models.get(note.path, note.version, note.content);
    const source: DocSource = {
      searchText: [note.title, ...note.aliases, ...note.tags, model.text.slice(model.bodyStart, MAX_SOURCE_CHARS)].join(
        '\n',
      ),
      blocks: snippetBlocks(
        complete ? model : { ...model, blocks: model.blocks.filter((b) => b.end <= MAX_SOURCE_CHARS) },
      ),
      complete,
    };
    if (note.content.length <= SOURCE_CACHE_MAX_CHARS) {
      this.sources.set(key, { version: note.version, source });
      while (this.sources.size > SOURCE_CACHE_SIZE) this.sources.delete(this.sources.keys().next().value!);
    }
    return source;
  }

  private assertOpen(): void {
    if (this.closed) throw new NotebookError('io-failure', 'The notebook was closed; reload the app.');
  }
}

function entrySource(entry: GlossaryEntry): DocSource {
  const paragraphs = (text: string): TextBlock[] =>
    text
      .split(/\n\s*\n/)
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter((p) => p !== '')
      .map((p) => ({ text: p, heading: false }));
  return {
    searchText: [entry.title, ...entry.aliases, entryText(entry)].join('\n'),
    complete: true,
    blocks: [
      ...paragraphs(entry.definition),
      ...entry.sections.flatMap((s) => [{ text: s.heading, heading: true }, ...paragraphs(s.text)]),
    ],
  };
}

/**
 * A glossary entry as the switcher holds it. Its detail (the same-title hint: every entry's
 * title folded and compared) and its ref are made when first read, for the few entries a
 * query shows, not for each of a 120,000-entry pack's while the app starts.
 */
class EntrySwitcherEntry implements SwitcherEntry {
  readonly kind = 'entry';
  readonly modified = '';
  readonly key: string;
  readonly title: string;
  readonly aliases: readonly string[];
  private detail: string | undefined;
  private docRef: DocRef | undefined;

  constructor(
    private readonly entry: GlossaryEntry,
    private readonly detailOf: ((id: string) => string) | undefined,
  ) {
    this.key = docKey({ kind: 'entry', id: entry.id });
    this.title = entry.title;
    this.aliases = entry.aliases;
  }

  get ref(): DocRef {
    return (this.docRef ??= { kind: 'entry', id: this.entry.id });
  }

  get folder(): string {
    return (this.detail ??= this.detailOf?.(this.entry.id) ?? '');
  }
}

function switcherEntryOf(note: NoteSummary) {
  return {
    key: docKey({ kind: 'note', path: note.path }),
    ref: { kind: 'note' as const, path: note.path },
    kind: 'note' as const,
    title: note.title,
    folder: note.folder,
    aliases: note.aliases,
    modified: note.modified,
  };
}

function metaFallback(change: NoteChange): NoteMeta {
  return {
    path: change.path,
    version: change.version ?? '',
    aliases: change.note?.aliases ?? [],
    tags: change.note?.tags ?? [],
  };
}

/** A clause as the user typed it: "word", "a phrase" in quotes, alternatives joined by OR. */
function clauseText(clause: QueryItem[]): string {
  return clause.map((item) => (item.kind === 'phrase' ? `"${item.text}"` : item.text)).join(' OR ');
}
