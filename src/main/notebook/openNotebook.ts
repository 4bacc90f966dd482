import {
  formatHint,
  sharedTitleHints,
  sharedTitleHintsFromKeys,
  type SharedTitleHint,
} from './glossary/sharedTitleHints';
import { promises as fs } from 'node:fs';
import { join, resolve } from 'node:path';
import { NotebookError } from '@shared/api/errors';
import type { NotebookApi } from '@shared/api/NotebookApi';
import type { AppInfo } from '@shared/domain/appInfo';
import type { EntryRows, EntrySummary, GlossaryEntry } from '@shared/domain/glossary';
import { EntryRowIndex } from './glossary/EntryRowIndex';
import type { WorkspaceState } from '@shared/domain/workspace';
import { EventBus } from './events/EventBus';
import type { VaultFs } from './fs/VaultFs';
import { LinkService } from './links/LinkService';
import type { IndexerHost } from './search/IndexerClient';
import { SearchService } from './search/SearchService';
import type { NotebookConfig } from './NotebookConfig';
import { NoteModelCache } from './notes/NoteModelCache';
import { StoredEntry } from './packs/packCatalog';
import { PackLibrary } from './packs/PackLibrary';
import { packMethods } from './packs/packMethods';
import { highlightMethods } from './highlights/highlightMethods';
import { HighlightStore } from './highlights/HighlightStore';
import { PackUploads } from './packs/PackUploads';
import { readPackSource } from './packs/readPackSource';
import { SettingsStore } from './settings/SettingsStore';
import { prepareVaultFolder, vaultPathOf } from './vault/prepareVaultFolder';
import { VaultStore, type RenameHooks, type VaultStoreOptions } from './vault/VaultStore';
import { readVaultFile, type VaultFile } from './attachments/readVaultFile';
import { saveImage } from './attachments/saveImage';
import { readVaultPropertyTypes, writeVaultPropertyType } from './properties/propertyTypesFile';
import { watchPropertyTypes } from './properties/watchPropertyTypes';
import { AttachmentIndex } from './attachments/AttachmentIndex';
import { fetchRemoteImage } from './attachments/fetchRemoteImage';
import { openVaultAttachment, vaultAttachmentPath } from './attachments/openVaultAttachment';
import { vaultStateDir } from './workspace/vaultStateDir';
import { WorkspaceStore } from './workspace/WorkspaceStore';
import type { EntryNameKeys } from './titles/NameKeys';
import { SWITCHER_FULL_SCAN_LIMIT } from './search/SwitcherIndex';
import { TermIndex } from './terms/TermIndex';
import type { AppSettings } from './settings/SettingsStore';
import type { Preferences } from '@shared/api/NotebookApi';
import type { TermCard } from '@shared/domain/terms';
import { entryPreview } from './links/LinkSuggestions';

/** The backend behind the contract, plus what only hosts (and tests) need. */
export interface NotebookService extends NotebookApi {
  readonly events: EventBus;
  /** The open vault's store, for features built on the notes (search, links) and tests. */
  vault(): Promise<VaultStore>;
  /** The open vault's link index and link methods (the benchmark and tests use its stats and idle()). */
  links(): Promise<LinkService>;
  /** The open vault's search (tests and the benchmark wait for its index with whenReady()). */
  searchService(): Promise<SearchService>;
  /**
   * Resolves when the open vault is quiet: no save queued, no file event or rescan
   * pending; with `quietMs`, nothing new for that long either (see VaultStore.settled).
   */
  settled(quietMs?: number): Promise<void>;
  /**
   * An image of the open vault, for the hosts to serve at `/vault-file/…` (see
   * readVaultFile: null for anything that is not an image inside the vault).
   */
  readVaultFile(path: string): Promise<VaultFile | null>;
  /**
   * The real path of an attachment of the open vault, for the HTTP host to send as a
   * download at `/vault-download/…` (see vaultAttachmentPath: null for anything else).
   */
  attachmentFile(path: string): Promise<string | null>;
  /** Flushes pending writes and releases watchers. Safe to call twice. */
  close(): Promise<void>;
}

/** Knobs for tests and tools; the hosts use the defaults. */
export interface NotebookOptions {
  /** The file system for every vault and draft operation (tests inject faults). */
  fs?: VaultFs;
  watch?: VaultStoreOptions['watch'];
  now?: () => Date;
  hooks?: RenameHooks;
  log?: (message: string, error?: unknown) => void;
  /** Where the search indexer runs (default: the built worker, else inline); tests pick. */
  searchHost?: IndexerHost;
}

interface Session {
  vaultPath: string;
  attachments: AttachmentIndex;
  stateDir: string;
  store: VaultStore;
  workspace: WorkspaceStore;
  links: LinkService;
  search: SearchService;
  /** The highlights on entries kept in this vault (issue #17). */
  highlights: HighlightStore;
  /** Stops watching the vault's `.obsidian/types.json`. */
  stopTypesWatch: () => void;
}

/** How long after start the glossary's term matcher starts building (after the indexes' first work). */
const TERM_INDEX_DELAY_MS = 3_000;
/** The longest definition a term card shows. */
const TERM_CARD_CHARS = 320;

/** The preferences the page sees, from the stored settings. */
function preferencesOf(stored: AppSettings): Preferences {
  const preferences: Preferences = {};
  if (stored.remoteImages) preferences.remoteImages = stored.remoteImages;
  if (stored.termDefinitions) preferences.termDefinitions = stored.termDefinitions;
  return preferences;
}

/**
 * Opens a notebook: creates the vault and state folders if needed, loads the glossary,
 * reads the vault and starts watching it, and remembers the vault for the next start.
 * The returned service implements every NotebookApi method.
 *
 * @throws Error when the glossary folder cannot be read (a broken install), or the
 *   vault folder cannot be created or read.
 */
export async function openNotebook(config: NotebookConfig, options: NotebookOptions = {}): Promise<NotebookService> {
  await fs.mkdir(config.stateDir, { recursive: true });
  const log =
    options.log ?? ((message: string, error?: unknown) => console.error(`[notebook] ${message}`, error ?? ''));
  const library = await PackLibrary.open({
    dir: join(config.stateDir, 'packs'),
    builtIn: () => readPackSource(config.glossaryDir),
    log,
    now: options.now,
  });
  let summaries: EntrySummary[] | null = null;
  let hints: Map<string, SharedTitleHint> | null = null;
  let rowIndex: EntryRowIndex | null = null;
  const packNameOf = (packId: string) => library.packName(packId);
  /**
   * How entries sharing a title are told apart (see sharedTitleHints); made once per glossary,
   * from the entries' stored name keys when they are in (a dictionary-sized pack), else by
   * folding every title.
   */
  const titleHints = () => {
    if (hints) return hints;
    const keys = library.nameKeys();
    return (hints = keys
      ? sharedTitleHintsFromKeys(library.entries(), keys, packNameOf)
      : sharedTitleHints(library.entries(), packNameOf));
  };
  /**
   * With a pack of over SWITCHER_FULL_SCAN_LIMIT entries, the name keys the switcher reads
   * anyway (a stored file per pack) are waited for before the hints are made: a sorted pass
   * over them instead of folding 120,000 titles while the glossary's first rows are waited for.
   */
  const titleHintsSoon = async () => {
    if (!hints && library.entries().length > SWITCHER_FULL_SCAN_LIMIT && !library.nameKeys()) {
      // Resolves null when the glossary changed meanwhile: titleHints then folds the new one.
      await library.loadNameKeys();
    }
  };
  const entrySummaries = (): EntrySummary[] => {
    if (summaries) return summaries;
    const hintOf = titleHints();
    const entries = library.entries();
    const made = new Array<EntrySummary>(entries.length);
    for (let at = 0; at < entries.length; at++) {
      const { id, title, aliases, packId } = entries[at]!;
      // Shared, not copied (120,000 arrays): entries are read-only, and every answer copies them.
      const summary: EntrySummary = { id, title, aliases };
      // Set one by one: spreading `{ packId }` and `{ hint }` made two objects more per entry.
      if (packId) summary.packId = packId;
      const hint = hintOf.get(id);
      if (hint) summary.hint = hint.words;
      made[at] = summary;
    }
    return (summaries = made);
  };
  const events = new EventBus();
  const settings = new SettingsStore(config.stateDir);
  // Glossary terms in notes (#17): built in slices after start and after each pack change.
  const terms = new TermIndex(() => library.entries());
  // Not built at all while definitions are off: the first query builds it.
  const warmTermsIfOn = () => settings.read().termDefinitions !== 'off' && terms.warm();
  const warmTerms = setTimeout(warmTermsIfOn, TERM_INDEX_DELAY_MS);
  warmTerms.unref?.();
  // Writes never reach these even when a vault contains them.
  const protectedDirs = (
    await Promise.all([config.glossaryDir, config.stateDir].map((dir) => fs.realpath(dir).catch(() => null)))
  ).filter((dir): dir is string => dir !== null);

  async function openSession(vaultPath: string): Promise<Session> {
    await fs.mkdir(vaultPath, { recursive: true });
    const stateDir = vaultStateDir(config.stateDir, vaultPath);
    await fs.mkdir(stateDir, { recursive: true });
    const store = await VaultStore.open({
      vaultPath,
      stateDir,
      protectedDirs,
      trashItem: config.trashItem,
      onChanges: (changes) => events.emit('notes-changed', { changes }),
      fs: options.fs,
      watch: options.watch,
      now: options.now,
      hooks: options.hooks,
      log,
      // Start-up reads no note: records come from the metadata cache (checked against the
      // disk right after) or, the first time, from the file listing while notes are read.
      metaCache: true,
      background: true,
    });
    const workspace = new WorkspaceStore(stateDir);
    const attachments = new AttachmentIndex(vaultPath);
    const highlights = new HighlightStore({
      vault: store,
      events,
      now: options.now,
      log,
      entries: {
        entry: (id) => {
          const entry = library.entry(id);
          // Only read: the store never hands an entry on, so the stored one needs no copy.
          return entry instanceof StoredEntry ? entry.toEntry() : entry;
        },
        summary: (id) => library.entry(id),
        packName: packNameOf,
      },
    });
    return {
      vaultPath,
      attachments,
      stateDir,
      store,
      workspace,
      highlights,
      ...startIndexes(store, workspace, stateDir, attachments),
      stopTypesWatch: watchPropertyTypes(vaultPath, (info) => events.emit('property-types-changed', info)),
    };
  }

  /** The link and search indexes of a vault, over the glossary as the packs now hold it. */
  function startIndexes(store: VaultStore, workspace: WorkspaceStore, stateDir: string, attachments: AttachmentIndex) {
    const entries = library.entries();
    // One model per note version, shared by the link index and search.
    const models = new NoteModelCache();
    // The entries' names folded and sorted once for both name indexes (switcher, `[[` menu).
    const entryNames: EntryNameKeys = {
      entries,
      ready: () => (library.entries() === entries ? library.nameKeys() : null),
      load: async () => (library.entries() === entries ? library.loadNameKeys() : null),
    };
    // Read now, while the page loads: the first glossary rows wait for them (see titleHintsSoon).
    if (entries.length > SWITCHER_FULL_SCAN_LIMIT) void library.loadNameKeys();
    const links = new LinkService({
      store,
      events,
      entries,
      packNameOf,
      cacheDir: stateDir,
      log,
      models,
      entryNames,
      attachments: async () => {
        const resolve = await attachments.resolver();
        return (target, from) => resolve(target, from)?.path ?? null;
      },
    });
    const search = new SearchService({
      store,
      workspace,
      entries,
      packIndexes: library.indexSources(),
      events,
      stateDir,
      log,
      host: options.searchHost,
      models,
      entryDetail: (id) => formatHint(titleHints().get(id)),
      entryNames,
    });
    return { links, search };
  }

  async function remember(vaultPath: string): Promise<void> {
    try {
      await settings.rememberVault(vaultPath);
    } catch (error) {
      log('Could not remember the vault', error);
    }
  }

  const allowedVaults = (config.allowedVaults ?? []).map((path) => resolve(path));

  /** See NotebookApi.listVaults. */
  function knownVaults(): string[] {
    const remembered = settings.read();
    return [
      ...new Set([
        session.vaultPath,
        ...(remembered.vaults ?? []),
        ...(remembered.lastVault ? [remembered.lastVault] : []),
        ...allowedVaults,
      ]),
    ];
  }

  /**
   * The folder a page named, if it is a known vault. Whatever the page runs, it cannot widen
   * what it reaches: only the user adds vaults (the host's picker, the command line).
   */
  function knownVault(input: string): string {
    const path = vaultPathOf(input);
    if (knownVaults().includes(path)) return path;
    throw new NotebookError(
      'forbidden',
      config.pickFolder
        ? `${path} is not one of your vaults. Choose it with Open Vault…: the app opens only folders you picked yourself or opened before.`
        : `${path} is not one of your vaults. The browser build opens only vaults you opened before or named when starting it; to open this folder, restart with: npm run serve -- --vault "${path}"`,
    );
  }

  const uploads = await PackUploads.open(join(config.stateDir, 'pack-uploads'));
  const vaultPath = resolve(config.vaultPath);
  let session = await openSession(vaultPath);
  await remember(vaultPath);
  // Vault switches run one at a time (chained); calls made meanwhile wait at the barrier
  // and then go to the new vault.
  let switches: Promise<unknown> = Promise.resolve();
  let barrier: Promise<unknown> | null = null;
  let closed = false;

  async function current(): Promise<Session> {
    while (barrier) await barrier.catch(() => undefined);
    if (closed) throw new NotebookError('io-failure', 'The notebook was closed; reload the app.');
    return session;
  }

  function appInfo(): AppInfo {
    return { name: 'Study Notebook', version: config.appVersion, host: config.host, vaultPath: session.vaultPath };
  }

  /**
   * After a pack was imported, hidden, shown or removed: the indexes are restarted over the
   * new entries (their note caches make that quick), calls meanwhile wait at the barrier
   * as during a vault switch, then the UI is told.
   */
  function reloadReference(): Promise<void> {
    const run = switches
      .catch(() => undefined)
      .then(async () => {
        summaries = null;
        hints = null;
        rowIndex = null;
        if (closed) return;
        const old = session;
        await old.links.dispose();
        await old.search.close();
        session = { ...old, ...startIndexes(old.store, old.workspace, old.stateDir, old.attachments) };
        terms.invalidate();
        warmTermsIfOn();
        events.emit('glossary-changed', { count: library.entries().length });
      });
    switches = run;
    barrier = run;
    return run.finally(() => {
      if (barrier === run) barrier = null;
    });
  }

  async function switchVault(path: string): Promise<AppInfo> {
    const target = await prepareVaultFolder(path, {
      stateDir: config.stateDir,
      glossaryDir: config.glossaryDir,
      fs: options.fs,
    });
    if (closed) throw new NotebookError('io-failure', 'The notebook was closed; reload the app.');
    const old = session;
    if (target !== old.vaultPath) {
      // Open the new vault first: if that fails, the old one stays open and nothing changed.
      const next = await openSession(target).catch((error: unknown) => {
        if (error instanceof NotebookError) throw error;
        const reason = error instanceof Error ? error.message : String(error);
        throw new NotebookError('io-failure', `Could not open the vault ${target}: ${reason}`);
      });
      session = next;
      old.stopTypesWatch();
      old.highlights.dispose();
      await old.links.dispose();
      await old.search.close();
      await old.store.close();
    }
    await remember(target);
    events.emit('vault-changed', { vaultPath: target });
    return appInfo();
  }

  return {
    events,

    async vault(): Promise<VaultStore> {
      return (await current()).store;
    },

    async links(): Promise<LinkService> {
      return (await current()).links;
    },

    async searchService(): Promise<SearchService> {
      return (await current()).search;
    },

    async readVaultFile(path: string): Promise<VaultFile | null> {
      return readVaultFile((await current()).vaultPath, path);
    },

    async attachmentFile(path: string): Promise<string | null> {
      return vaultAttachmentPath((await current()).vaultPath, path);
    },

    async settled(quietMs?: number): Promise<void> {
      await (await current()).store.settled(quietMs);
    },

    async getAppInfo(): Promise<AppInfo> {
      await current();
      return appInfo();
    },

    async listEntries(): Promise<EntrySummary[]> {
      return entrySummaries().map((s) => ({ ...s, aliases: [...s.aliases] }));
    },

    async listEntryRows(args): Promise<EntryRows> {
      if (!rowIndex) await titleHintsSoon();
      if (!rowIndex) {
        const index = (rowIndex = new EntryRowIndex(entrySummaries()));
        // The filter's folded texts are made after this first answer, before anyone types.
        setImmediate(() => void index.warm(() => closed || rowIndex !== index));
      }
      return rowIndex.rows(args);
    },

    async getEntry({ id }): Promise<GlossaryEntry> {
      const entry = library.entry(id);
      if (!entry) throw new NotebookError('not-found', `There is no glossary entry "${id}".`);
      // A pack's entry reads its body from disk here (see packCatalog.ts).
      return entry instanceof StoredEntry ? entry.toEntry() : structuredClone(entry);
    },

    async getWorkspaceState(): Promise<WorkspaceState> {
      return (await current()).workspace.get();
    },

    async updateWorkspaceState({ patch }): Promise<WorkspaceState> {
      for (const id of [patch.lastOpened?.kind === 'entry' ? patch.lastOpened.id : null, patch.referenceEntryId]) {
        if (id && !library.entry(id)) throw new NotebookError('not-found', `There is no glossary entry "${id}".`);
      }
      return (await current()).workspace.update(patch);
    },

    async listNotes() {
      return (await current()).store.listNotes();
    },

    async readNote({ path }) {
      return (await current()).store.readNote(path);
    },

    async saveNote(args) {
      return (await current()).store.saveNote(args);
    },

    async createNote(args) {
      return (await current()).store.createNote(args);
    },

    async renameNote(args) {
      return (await current()).links.renameNote(args);
    },

    async countLinksToNote({ path }) {
      return (await current()).links.countLinksToNote(path);
    },

    async saveImage({ note, data }) {
      const { vaultPath, attachments } = await current();
      const saved = await saveImage(vaultPath, note, Buffer.from(data, 'base64'), options.now?.());
      attachments.invalidate();
      return saved;
    },

    async resolveAttachments({ targets, from }) {
      const { attachments } = await current();
      const resolve = await attachments.resolver();
      return Promise.all(
        targets.map((target) => {
          const found = resolve(target, from);
          return found ? attachments.withDimensions(found) : null;
        }),
      );
    },

    async openAttachment({ path }) {
      const { vaultPath } = await current();
      await openVaultAttachment(vaultPath, path, config.openPath);
    },

    async fetchRemoteImage({ url }) {
      return fetchRemoteImage(url);
    },

    async getPropertyTypes() {
      return readVaultPropertyTypes((await current()).vaultPath);
    },

    async setPropertyType({ key, type }) {
      return writeVaultPropertyType((await current()).vaultPath, key, type);
    },

    async getPreferences() {
      return preferencesOf(settings.read());
    },

    async updatePreferences({ patch }) {
      const next = await settings.update({
        ...(patch.remoteImages ? { remoteImages: patch.remoteImages } : {}),
        ...(patch.termDefinitions ? { termDefinitions: patch.termDefinitions } : {}),
      });
      return preferencesOf(next);
    },

    async suggestLinkTargets({ query, limit }) {
      return (await current()).links.suggestLinkTargets(query, limit);
    },

    async suggestTags({ query, limit }) {
      return (await current()).links.suggestTags(query, limit);
    },

    async listHeadings({ target, from }) {
      return (await current()).links.listHeadings(target, from);
    },

    async resolveLinks({ targets, from }) {
      return (await current()).links.resolveLinks(targets, from);
    },

    async getLinkText({ ref, from }) {
      return (await current()).links.getLinkText(ref, from);
    },

    async getLinkPreview({ target, from }) {
      return (await current()).links.getLinkPreview(target, from);
    },

    async getEmbed({ target, part, from }) {
      return (await current()).links.getEmbed(target, part ?? null, from);
    },

    async getBacklinks({ ref }) {
      return (await current()).links.getBacklinks(ref);
    },

    async getUnlinkedMentions({ ref }) {
      return (await current()).links.getUnlinkedMentions(ref);
    },

    async linkMentions({ path, ref, mentions }) {
      return (await current()).links.linkMentions(path, ref, mentions);
    },

    async getOutgoingLinks({ path }) {
      return (await current()).links.getOutgoingLinks(path);
    },

    async listUnresolvedLinks() {
      return (await current()).links.listUnresolvedLinks();
    },

    async getEntryLinkCounts() {
      return (await current()).links.getEntryLinkCounts();
    },

    async search(args) {
      return (await current()).search.search(args);
    },

    async quickSwitch(args) {
      return (await current()).search.quickSwitch(args);
    },

    async getIndexStatus() {
      return (await current()).search.getIndexStatus();
    },

    async getLinkIndexStatus() {
      return (await current()).links.getIndexStatus();
    },

    async deleteNote({ path }) {
      return (await current()).store.deleteNote(path);
    },

    async listDrafts() {
      return (await current()).store.listDrafts();
    },

    async discardDraft({ path }) {
      await (await current()).store.discardDraft(path);
    },

    async openVault({ path }): Promise<AppInfo | null> {
      let chosen: string;
      if (path !== undefined) chosen = knownVault(path);
      else {
        if (!config.pickFolder) {
          throw new NotebookError('invalid-arguments', 'Choose one of your vaults, or type its folder path.');
        }
        const picked = await config.pickFolder();
        if (picked === null) return null;
        chosen = picked;
      }
      const run = switches.catch(() => undefined).then(() => switchVault(chosen));
      switches = run;
      barrier = run;
      try {
        return await run;
      } finally {
        if (barrier === run) barrier = null;
      }
    },

    ...highlightMethods(async () => (await current()).highlights),
    ...packMethods({
      library,
      uploads,
      events,
      reload: reloadReference,
      links: async () => (await current()).links,
    }),

    async listVaults(): Promise<string[]> {
      await current();
      return knownVaults();
    },

    async findTermsInBlocks({ blocks }) {
      return terms.find(blocks);
    },

    async describeTerms({ ids, from }): Promise<TermCard[]> {
      const links = (await current()).links;
      const cards: TermCard[] = [];
      for (const id of new Set(ids)) {
        const entry = library.entry(id);
        if (!entry) continue;
        cards.push({
          id,
          title: entry.title,
          packName: (entry.packId && library.packName(entry.packId)) || '',
          text: entryPreview(entry, TERM_CARD_CHARS),
          target: await links.entryLinkTarget(id, from),
        });
      }
      return cards;
    },

    async close(): Promise<void> {
      clearTimeout(warmTerms);
      if (closed) return;
      while (barrier) await barrier.catch(() => undefined);
      closed = true;
      session.stopTypesWatch();
      session.highlights.dispose();
      await session.links.dispose();
      await session.search.close();
      await session.store.close();
    },
  };
}
