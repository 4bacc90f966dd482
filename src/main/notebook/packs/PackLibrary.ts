import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { GlossaryEntry } from '@shared/domain/glossary';
import { MAX_PACK_NAME_LENGTH, type ImportProblem, type ImportResult, type PackSummary } from '@shared/domain/packs';
import { writeFileAtomic } from '../fs/writeFileAtomic';
import { compareEntryTitles, markTitleOrdered } from '../glossary/compareEntryTitles';
import { replaceDirectory } from '../glossary/replaceDirectory';
import { slugify } from '../glossary/slugify';
import { assignEntryIds } from './assignEntryIds';
import type { ParsedSource } from './DraftEntry';
import { cleanLine, prepareEntries } from './normalizeDraft';
import { PACK_INDEX_FILE, type PackIndexSource } from '../search/packIndexCache';
import { PackImportError } from './PackImportError';
import { formatNameKeys, NAME_KEYS_FILE, parseNameKeys } from './packNameKeys';
import { mergeNameKeys, moveOwners, nameKeysInSlices, type NameKeys } from '../titles/NameKeys';
import {
  CATALOG_FILE,
  catalogFromEntriesFile,
  EntryFile,
  entriesOf,
  finishCatalog,
  formatCatalog,
  formatEntriesWithCatalog,
  parseCatalog,
  type PackCatalog,
} from './packCatalog';
import {
  ENTRIES_FILE,
  formatManifest,
  MANIFEST_FILE,
  parseEntries,
  parseManifest,
  type PackManifest,
} from './packFiles';

/** The id of the shipped glossary's pack. Its entries keep the bare ids they always had. */
export const BUILT_IN_PACK_ID = 'builtin';
/** The shipped glossary's name until the user renames it. */
export const BUILT_IN_PACK_NAME = 'Neurochemistry';
const MAX_PACK_ID_LENGTH = 40;

export interface PackLibraryOptions {
  /** The folder holding the packs: `<state dir>/packs`. Created if missing. */
  dir: string;
  /**
   * The shipped glossary, read from its sources at every start (a few small files): it is
   * imported as the built-in pack when missing, and re-imported, keeping ids, when the
   * sources changed (an app update). Without it, there is no built-in pack.
   */
  builtIn?: () => Promise<{ parsed: ParsedSource; hash: string }>;
  log?: (message: string, error?: unknown) => void;
  now?: () => Date;
}

/** What an import writes, besides the entries read (see PackLibrary.importPack). */
export interface ImportTarget {
  /** The pack's name; default the source's suggested name. A new pack only (a re-import keeps the name). */
  name?: string;
  /** Re-import into this pack (entries keep their ids where the term is unchanged). */
  replace?: string;
  /** Hash of the source bytes (see hashSource). */
  sourceHash: string;
  /** The file or folder name shown as the pack's source. */
  sourceName: string;
  /** Refuse the import if any row was left out (the shipped glossary, scripts asking for it). */
  strict?: boolean;
  /** Progress of the longer steps: 'writing' with entries rendered so far. */
  onProgress?: (phase: 'writing', done: number, total: number) => void;
}

interface StoredPack {
  manifest: PackManifest;
  /** Null while hidden (not read until shown) or when unreadable. */
  entries: GlossaryEntry[] | null;
  problem?: string;
  /** Its manifest could not be read: `manifest` is a stand-in; only re-import and remove work. */
  manifestBroken?: boolean;
  /** Size and modification time of the entries file as read (part of the pack's version). */
  stamp?: string;
}

/**
 * The reference packs in the app's state folder: each pack is a folder `<id>/` holding
 * `manifest.json` (name, source, entry count, import date, hidden), `entries.ndjson`
 * (every entry, one per line) and `catalog.json` (ids, titles, aliases, first words and
 * where each entry's line lies: see packCatalog.ts), so start-up reads two small files per
 * pack whatever its size and parses no entry; an entry's body is read when asked for.
 *
 * Entries are read-only: nothing here edits one; a pack changes only as a whole, by an
 * import. Every import is all or nothing: the new pack is written and flushed in a folder
 * beside the packs, then renamed into place (an old version moved aside first and deleted
 * after); a crash leaves the old pack or the new one, and the leftovers are cleaned, or an
 * interrupted swap undone, at the next start. Changes are made one at a time.
 */
export class PackLibrary {
  private readonly packs = new Map<string, StoredPack>();
  private sorted: GlossaryEntry[] | null = null;
  /** The shown packs' lists merged into `sorted` (a pack's own array when stored in title order). */
  private lists: Array<{ pack: StoredPack; list: GlossaryEntry[] }> = [];
  private byId: Map<string, GlossaryEntry> | null = null;
  private names: NameKeys | null = null;
  private namesLoading: Promise<NameKeys | null> | null = null;
  /** Bumped by every change of the shown entries: work begun before is dropped. */
  private generation = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly log: (message: string, error?: unknown) => void;
  private readonly now: () => Date;

  private constructor(private readonly options: PackLibraryOptions) {
    this.log = options.log ?? (() => undefined);
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Opens the library: finishes or undoes an import a crash interrupted, reads every pack
   * (a damaged one is listed with its problem and no entries; the app still starts), and
   * seeds or updates the built-in pack.
   *
   * @throws Error when the folder cannot be created or read, or when the shipped glossary
   *   cannot be read and no earlier copy of it is stored (a broken install).
   */
  static async open(options: PackLibraryOptions): Promise<PackLibrary> {
    const library = new PackLibrary(options);
    await fs.mkdir(options.dir, { recursive: true });
    await library.recoverLeftovers();
    for (const dirent of await fs.readdir(options.dir, { withFileTypes: true })) {
      if (dirent.isDirectory() && !dirent.name.startsWith('.')) await library.load(dirent.name);
    }
    if (options.builtIn) await library.seedBuiltIn(options.builtIn);
    return library;
  }

  /** Every pack, the built-in one first, then by name. */
  list(): PackSummary[] {
    return [...this.packs.values()]
      .map(({ manifest, problem }) => summaryOf(manifest, problem))
      .sort((a, b) => Number(b.builtIn) - Number(a.builtIn) || a.name.localeCompare(b.name, 'en'));
  }

  /** The entries of every shown pack, sorted by title (see compareEntryTitles). Not to be mutated. */
  entries(): readonly GlossaryEntry[] {
    if (!this.sorted) {
      // Each pack's entries are stored in title order (see write), so start-up checks that
      // order in one pass and merges the packs, instead of sorting 120,000 entries again.
      this.lists = [];
      for (const pack of this.packs.values()) {
        if (!pack.manifest.hidden && pack.entries) this.lists.push({ pack, list: sortedByTitle(pack.entries) });
      }
      // Each list is in title order (sortedByTitle), so their merge is too: said once here.
      this.sorted = markTitleOrdered(
        mergeSorted(
          this.lists.map(({ list }) => list),
          compareEntryTitles,
        ),
      );
    }
    return this.sorted;
  }

  /**
   * The name keys of entries() (titles and aliases folded and sorted: see NameKeys) once
   * loadNameKeys made them; null before, and after a change until made again.
   */
  nameKeys(): NameKeys | null {
    return this.names;
  }

  /**
   * Makes the name keys of entries(): each shown pack's from its stored copy when that
   * matches its entries (see packNameKeys.ts), else folded and sorted in slices and stored
   * for the next start; then merged in entries()' order. Resolves null when the entries
   * changed meanwhile (ask again) or on an error (logged; callers fold the names themselves).
   */
  loadNameKeys(): Promise<NameKeys | null> {
    if (this.names) return Promise.resolve(this.names);
    if (!this.namesLoading) {
      const generation = this.generation;
      const loading = this.makeNameKeys(generation).then(
        (keys) => {
          if (this.generation !== generation) return null;
          this.names = keys;
          return keys;
        },
        (error: unknown) => {
          this.log('Could not make the name keys of the glossary', error);
          return null;
        },
      );
      this.namesLoading = loading;
      void loading.finally(() => {
        if (this.namesLoading === loading) this.namesLoading = null;
      });
    }
    return this.namesLoading;
  }

  /** Resolves when the changes and writes queued so far are done (tests, tools). */
  async idle(): Promise<void> {
    await this.queue.catch(() => undefined);
  }

  /** A shown entry by id. */
  entry(id: string): GlossaryEntry | undefined {
    this.byId ??= new Map(this.entries().map((entry) => [entry.id, entry]));
    return this.byId.get(id);
  }

  /**
   * Where the search indexer finds each shown pack's entries and their index cache
   * (packIndexCache.ts), with the version the cache must match: the import date, entry
   * count and source hash of the manifest, and the entries file's size and mtime, so a
   * re-import or an edited file never reuses an old index.
   */
  indexSources(): PackIndexSource[] {
    const sources: PackIndexSource[] = [];
    for (const { manifest, entries, stamp } of this.packs.values()) {
      if (manifest.hidden || !entries || stamp === undefined) continue;
      const dir = join(this.options.dir, manifest.id);
      sources.push({
        packId: manifest.id,
        entriesPath: join(dir, ENTRIES_FILE),
        cachePath: join(dir, PACK_INDEX_FILE),
        version: [manifest.importedAt, entries.length, manifest.sourceHash, stamp].join('|'),
        entryCount: entries.length,
      });
    }
    return sources;
  }

  /** A pack's name (cheaper than pack(): no summary made, for lookups per entry). */
  packName(id: string): string | undefined {
    return this.packs.get(id)?.manifest.name;
  }

  /**
   * The titles of a pack's entries, hidden or not (a hidden pack's are read from its file):
   * what a link naming the pack can reach, for updating links when it is renamed.
   */
  async entryTitles(id: string): Promise<string[]> {
    const pack = this.packs.get(id);
    if (!pack) return [];
    const entries = pack.entries ?? (pack.manifestBroken ? [] : await this.readEntriesQuietly(id));
    return entries.map((entry) => entry.title);
  }

  /** A pack by id. */
  pack(id: string): PackSummary | undefined {
    const pack = this.packs.get(id);
    return pack ? summaryOf(pack.manifest, pack.problem) : undefined;
  }

  /**
   * Stores the entries of a parsed source as a new pack, or as the new version of the pack
   * `target.replace`. Rows the reader could not use, and entries without a term or a
   * definition, are left out and reported. Entries sharing a title are all kept, each with
   * its own id.
   *
   * @throws PackImportError when no entry is left (nothing is written), when `strict` and a row
   *   was left out, or when `replace` names no pack or the built-in one.
   */
  importPack(parsed: ParsedSource, target: ImportTarget): Promise<ImportResult> {
    return this.serial(() => this.write(parsed, target, false));
  }

  /** Renames a pack (its id, and so its entries' ids, stay). */
  rename(id: string, name: string): Promise<PackSummary> {
    const clean = cleanName(name);
    if (clean === '') return Promise.reject(new PackImportError('A pack needs a name.'));
    return this.serial(() => this.updateManifest(id, { name: clean }));
  }

  /** Hides a pack's entries from lists, links and search, or shows them again (read from disk then). */
  setHidden(id: string, hidden: boolean): Promise<PackSummary> {
    return this.serial(async () => {
      await this.updateManifest(id, { hidden });
      if (!hidden && !this.packs.get(id)?.entries) await this.load(id);
      const pack = this.known(id);
      return summaryOf(pack.manifest, pack.problem);
    });
  }

  /**
   * Deletes a pack and its entries (links to them become unresolved).
   * @throws PackImportError for an unknown pack or the built-in one (hide it instead).
   */
  remove(id: string): Promise<void> {
    return this.serial(async () => {
      const pack = this.known(id);
      if (pack.manifest.builtIn) {
        throw new PackImportError(`“${pack.manifest.name}” ships with the app and cannot be removed; hide it instead.`);
      }
      const dir = join(this.options.dir, id);
      const aside = join(this.options.dir, `.${id}.removed-${process.pid}-${Date.now()}`);
      await fs.rename(dir, aside);
      this.packs.delete(id);
      this.changed();
      await fs.rm(aside, { recursive: true, force: true }).catch((error: unknown) => {
        this.log(`Could not delete the removed pack ${id} (it is deleted at the next start)`, error);
      });
    });
  }

  // ---- internals ---------------------------------------------------------------------

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.catch(() => undefined).then(task);
    this.queue = run;
    return run;
  }

  private changed(): void {
    this.sorted = null;
    this.byId = null;
    this.names = null;
    this.namesLoading = null;
    this.generation++;
  }

  private async makeNameKeys(generation: number): Promise<NameKeys | null> {
    const all = this.entries();
    const lists = this.lists;
    const cancelled = () => this.generation !== generation;
    // Where each pack's entries went in the merged list (a pack's order is kept in it).
    const parts = lists.map(({ list }) => ({ list, positions: new Int32Array(list.length), next: 0 }));
    const byPack = new Map(parts.map((part, at) => [lists[at]!.pack.manifest.id, part]));
    for (let at = 0; at < all.length; at++) {
      const part = byPack.get(all[at]!.packId ?? '');
      if (!part || part.list[part.next] !== all[at]) {
        // Not the merge of the packs' lists (never expected): the merged list's own keys.
        return nameKeysInSlices(all.length, (n) => namesOf(all[n]!), cancelled);
      }
      part.positions[part.next++] = at;
    }
    const tables: Array<{ keys: NameKeys; positions: Int32Array }> = [];
    for (let at = 0; at < lists.length; at++) {
      const keys = await this.packNameKeys(lists[at]!.pack, lists[at]!.list, cancelled);
      if (!keys) return null;
      tables.push({ keys, positions: parts[at]!.positions });
    }
    // A pack's positions grow with its own order, so its keys stay sorted once moved.
    if (tables.length === 1)
      return {
        ...tables[0]!.keys,
        count: all.length,
        owners: moveOwners(tables[0]!.keys.owners, tables[0]!.positions),
      };
    return mergeNameKeys(tables, all.length);
  }

  /** One pack's name keys (owners: positions in `list`), read from its folder or made and stored there. */
  private async packNameKeys(
    pack: StoredPack,
    list: GlossaryEntry[],
    cancelled: () => boolean,
  ): Promise<NameKeys | null> {
    const id = pack.manifest.id;
    const path = join(this.options.dir, id, NAME_KEYS_FILE);
    // Stored only for a pack kept in its file's order (owners are positions in the file).
    const stored = list === pack.entries && pack.stamp !== undefined;
    const entriesSize = Number(pack.stamp?.split(':')[0]);
    if (stored) {
      try {
        const [keyStats, entryStats] = await Promise.all([
          fs.stat(path),
          fs.stat(join(this.options.dir, id, ENTRIES_FILE)),
        ]);
        // Made from the entries: older keys are another version's.
        if (keyStats.mtimeMs < entryStats.mtimeMs) throw new Error('its name keys are older than its entries file');
        return parseNameKeys(await fs.readFile(path, 'utf8'), {
          entriesSize,
          count: list.length,
          namesAt: (at) => namesOf(list[at]!),
        });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
          this.log(`The name keys of the reference pack ${id} cannot be used; making them again`, error);
        }
      }
    }
    const keys = await nameKeysInSlices(list.length, (at) => namesOf(list[at]!), cancelled);
    if (keys && stored) {
      // Through the queue, so no import replaces the folder meanwhile; not for a pack changed since.
      void this.serial(async () => {
        if (this.packs.get(id) !== pack || pack.entries !== list) return;
        await writeFileAtomic(path, formatNameKeys(keys, entriesSize));
      }).catch((error: unknown) => this.log(`Could not store the name keys of the reference pack ${id}`, error));
    }
    return keys;
  }

  private known(id: string): StoredPack {
    const pack = this.packs.get(id);
    if (!pack) throw new PackImportError(`There is no reference pack “${id}”.`);
    return pack;
  }

  private async load(id: string): Promise<void> {
    const dir = join(this.options.dir, id);
    let manifest: PackManifest;
    try {
      manifest = parseManifest(await fs.readFile(join(dir, MANIFEST_FILE), 'utf8'));
      if (manifest.id !== id) throw new Error(`its manifest names another pack (“${manifest.id}”)`);
    } catch (error) {
      this.log(`The reference pack in ${dir} cannot be read`, error);
      this.packs.set(id, {
        manifest: placeholderManifest(id, this.now()),
        entries: null,
        problem: problemOf(error),
        manifestBroken: true,
      });
      this.changed();
      return;
    }
    let entries: GlossaryEntry[] | null = null;
    let problem: string | undefined;
    let stamp: string | undefined;
    if (!manifest.hidden) {
      try {
        const path = join(dir, ENTRIES_FILE);
        const stats = await fs.stat(path);
        stamp = `${stats.size}:${Math.round(stats.mtimeMs)}`;
        entries = await this.readEntries(id, manifest, stats);
      } catch (error) {
        stamp = undefined;
        this.log(`The entries of the reference pack ${id} cannot be read`, error);
        problem = problemOf(error);
      }
    }
    this.packs.set(id, { manifest, entries, ...(problem ? { problem } : {}), ...(stamp ? { stamp } : {}) });
    this.changed();
  }

  /**
   * A shown pack's entries: from its catalog when that matches the entries file (see
   * packCatalog.ts), else from the entries file in full, writing the catalog for the next start.
   */
  private async readEntries(id: string, manifest: PackManifest, stats: { size: number; mtimeMs: number }) {
    const dir = join(this.options.dir, id);
    const file = new EntryFile(join(dir, ENTRIES_FILE), join(dir, CATALOG_FILE), id, this.log);
    try {
      const catalogStats = await fs.stat(file.catalogPath);
      // Written after the entries at import: an older catalog is not theirs.
      if (catalogStats.mtimeMs < stats.mtimeMs) throw new Error('its catalog is older than its entries file');
      const catalog = parseCatalog(await fs.readFile(file.catalogPath, 'utf8'), {
        entriesSize: stats.size,
        entryCount: manifest.entryCount,
      });
      file.verifySample(catalog);
      return entriesOf(catalog, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        this.log(`The catalog of the reference pack ${id} cannot be used; making it again`, error);
      }
    }
    const { catalog } = catalogFromEntriesFile(await fs.readFile(file.path), id);
    await writeFileAtomic(file.catalogPath, formatCatalog(catalog)).catch((error: unknown) => {
      this.log(`Could not write the catalog of the reference pack ${id}`, error);
    });
    return entriesOf(catalog, file);
  }

  private async seedBuiltIn(read: NonNullable<PackLibraryOptions['builtIn']>): Promise<void> {
    const stored = this.packs.get(BUILT_IN_PACK_ID);
    let source: { parsed: ParsedSource; hash: string };
    try {
      source = await read();
    } catch (error) {
      if (stored?.entries || stored?.manifest.hidden) {
        this.log('The shipped glossary cannot be read; keeping the copy imported before', error);
        return;
      }
      throw error;
    }
    if (stored && !stored.problem && stored.manifest.sourceHash === source.hash) return;
    // Changed sources, or a damaged copy: import again (ids kept by term, name and hidden kept).
    await this.write(
      source.parsed,
      { sourceHash: source.hash, sourceName: source.parsed.suggestedName, strict: true },
      true,
    );
  }

  private async write(parsed: ParsedSource, target: ImportTarget, builtIn: boolean): Promise<ImportResult> {
    const { drafts, problems } = prepareEntries(parsed);
    if (target.strict && problems.length > 0) {
      throw new PackImportError(
        `${problems.length} ${problems.length === 1 ? 'row was' : 'rows were'} left out of ${target.sourceName}: ${describeProblem(problems[0]!)}`,
        problems,
      );
    }
    if (drafts.length === 0) {
      throw new PackImportError(
        problems.length > 0
          ? `No entry could be read from ${target.sourceName}: ${describeProblem(problems[0]!)}`
          : `${target.sourceName} holds no entries.`,
        problems,
      );
    }

    let id: string;
    let previous: StoredPack | undefined;
    if (builtIn) {
      id = BUILT_IN_PACK_ID;
      previous = this.packs.get(id);
    } else if (target.replace !== undefined) {
      previous = this.known(target.replace);
      if (previous.manifest.builtIn) {
        throw new PackImportError(`“${previous.manifest.name}” ships with the app and is updated with it.`);
      }
      id = target.replace;
    } else {
      id = this.newPackId(target.name ?? parsed.suggestedName);
    }
    // Read in full: ids are matched by definition too, and these hold theirs on disk.
    const oldEntries = previous ? await this.readEntriesQuietly(id) : [];
    const prefix = builtIn ? '' : previous && !previous.manifestBroken ? previous.manifest.idPrefix : id;
    const { entries, kept } = assignEntryIds(drafts, prefix, oldEntries);

    const manifest: PackManifest = {
      id,
      name: previous && !previous.manifestBroken ? previous.manifest.name : defaultName(target, parsed, builtIn),
      source: { name: target.sourceName, format: parsed.format },
      entryCount: entries.length,
      skippedCount: problems.length,
      importedAt: this.now().toISOString(),
      hidden: previous?.manifest.hidden ?? false,
      builtIn,
      idPrefix: prefix,
      sourceHash: target.sourceHash,
    };
    entries.sort(compareEntryTitles);
    const { text, catalog } = await formatEntriesWithProgress(entries, target.onProgress);
    const dir = join(this.options.dir, id);
    // Its names folded and sorted now, while the import is waited for, not at the next start.
    const names = await nameKeysInSlices(entries.length, (at) => namesOf(entries[at]!));
    // The entries first: the catalog and name keys are never older than the entries file (see readEntries).
    await replaceDirectory(
      dir,
      new Map([
        [ENTRIES_FILE, text],
        [CATALOG_FILE, formatCatalog(catalog)],
        ...(names ? [[NAME_KEYS_FILE, formatNameKeys(names, catalog.entriesSize)] as [string, string]] : []),
        [MANIFEST_FILE, formatManifest(manifest)],
      ]),
    );
    const stamp = await stampOf(join(dir, ENTRIES_FILE)).catch(() => undefined);
    // Kept as the catalog describes them, bodies on disk, as after a restart.
    const stored = entriesOf(catalog, new EntryFile(join(dir, ENTRIES_FILE), join(dir, CATALOG_FILE), id, this.log));
    this.packs.set(id, { manifest, entries: manifest.hidden ? null : stored, ...(stamp ? { stamp } : {}) });
    this.changed();
    return {
      pack: summaryOf(manifest),
      keptIds: kept,
      problems: problems.slice(0, 500),
      problemCount: problems.length,
    };
  }

  private async readEntriesQuietly(id: string): Promise<GlossaryEntry[]> {
    try {
      return parseEntries(await fs.readFile(join(this.options.dir, id, ENTRIES_FILE), 'utf8'), id);
    } catch {
      return [];
    }
  }

  private async updateManifest(
    id: string,
    patch: Partial<Pick<PackManifest, 'name' | 'hidden'>>,
  ): Promise<PackSummary> {
    const pack = this.known(id);
    if (pack.manifestBroken) {
      throw new PackImportError(`The pack “${id}” cannot be read (${pack.problem}); re-import or remove it.`);
    }
    const manifest = { ...pack.manifest, ...patch };
    await writeFileAtomic(join(this.options.dir, id, MANIFEST_FILE), formatManifest(manifest));
    pack.manifest = manifest;
    if (manifest.hidden) pack.entries = null;
    this.changed();
    return summaryOf(manifest, pack.problem);
  }

  private newPackId(name: string): string {
    let base = slugify(name).slice(0, MAX_PACK_ID_LENGTH).replace(/-+$/, '');
    if (base === '' || base === BUILT_IN_PACK_ID) base = 'pack';
    let id = base;
    for (let n = 2; this.packs.has(id); n++) id = `${base}-${n}`;
    return id;
  }

  /**
   * An import cut short leaves `.<id>.staging-*` (a pack half written: deleted) or, between
   * the two renames of a re-import, `.<id>.previous-*` without `<id>` (the old pack: put
   * back); a removal cut short leaves `.<id>.removed-*` (deleted).
   */
  private async recoverLeftovers(): Promise<void> {
    for (const dirent of await fs.readdir(this.options.dir, { withFileTypes: true })) {
      const match = /^\.(.+)\.(staging|previous|removed)-[^.]+$/.exec(dirent.name);
      if (!match || !dirent.isDirectory()) continue;
      const path = join(this.options.dir, dirent.name);
      const target = join(this.options.dir, match[1]!);
      try {
        if (match[2] === 'previous' && !(await exists(target))) await fs.rename(path, target);
        else await fs.rm(path, { recursive: true, force: true });
      } catch (error) {
        this.log(`Could not clean up ${path}`, error);
      }
    }
  }
}

function summaryOf(manifest: PackManifest, problem?: string): PackSummary {
  const { idPrefix: _prefix, sourceHash: _hash, ...summary } = manifest;
  return { ...summary, source: { ...summary.source }, ...(problem ? { problem } : {}) };
}

function placeholderManifest(id: string, now: Date): PackManifest {
  return {
    id,
    name: id,
    source: { name: id, format: 'csv' },
    entryCount: 0,
    skippedCount: 0,
    importedAt: now.toISOString(),
    hidden: false,
    builtIn: id === BUILT_IN_PACK_ID,
    idPrefix: id,
    sourceHash: '',
  };
}

function defaultName(target: ImportTarget, parsed: ParsedSource, builtIn: boolean): string {
  if (builtIn) return BUILT_IN_PACK_NAME;
  return cleanName(target.name ?? '') || cleanName(parsed.suggestedName) || 'Reference pack';
}

function cleanName(name: string): string {
  return cleanLine(name).slice(0, MAX_PACK_NAME_LENGTH);
}

function problemOf(error: unknown): string {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'a file of it is missing';
  return error instanceof Error ? error.message : String(error);
}

/** "line 12: no definition" / "Cells.md: no term". */
export function describeProblem(problem: ImportProblem): string {
  const where = [problem.file, problem.line !== undefined ? `line ${problem.line}` : ''].filter(Boolean).join(', ');
  return where ? `${where}: ${problem.reason}` : problem.reason;
}

/** The entries file's size and modification time, as part of a pack's version. */
async function stampOf(path: string): Promise<string> {
  const stats = await fs.stat(path);
  return `${stats.size}:${Math.round(stats.mtimeMs)}`;
}

async function exists(path: string): Promise<boolean> {
  return fs.stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * Renders the entries file and its catalog in slices, so a large pack reports progress and
 * other calls get a turn.
 */
async function formatEntriesWithProgress(
  entries: readonly GlossaryEntry[],
  onProgress?: ImportTarget['onProgress'],
): Promise<{ text: string; catalog: PackCatalog }> {
  const SLICE = 5000;
  const parts: string[] = [];
  const catalog: PackCatalog = { entriesSize: 0, ids: [], titles: [], aliases: [], leads: [], starts: [], ends: [] };
  for (let start = 0; start < entries.length; start += SLICE) {
    const part = formatEntriesWithCatalog(entries.slice(start, start + SLICE));
    parts.push(part.text);
    const offset = catalog.entriesSize;
    catalog.ids.push(...part.catalog.ids);
    catalog.titles.push(...part.catalog.titles);
    catalog.aliases.push(...part.catalog.aliases);
    catalog.leads.push(...part.catalog.leads);
    catalog.starts.push(...part.catalog.starts.map((at) => at + offset));
    catalog.ends.push(...part.catalog.ends.map((at) => at + offset));
    catalog.entriesSize += part.catalog.entriesSize;
    onProgress?.('writing', Math.min(start + SLICE, entries.length), entries.length);
    if (start + SLICE < entries.length) await new Promise((resolve) => setImmediate(resolve));
  }
  return { text: parts.join(''), catalog: finishCatalog(catalog) };
}

/** A document's names as the switcher and the `[[` menu index them: its title, then its aliases. */
export function namesOf(entry: GlossaryEntry): string[] {
  return [entry.title, ...entry.aliases];
}

/** `entries` itself when already in title order (one pass), else a sorted copy. */
function sortedByTitle(entries: GlossaryEntry[]): GlossaryEntry[] {
  for (let at = 1; at < entries.length; at++) {
    if (compareEntryTitles(entries[at - 1]!, entries[at]!) > 0) return [...entries].sort(compareEntryTitles);
  }
  return entries;
}

/** Merges lists each sorted by `compare` into one sorted list (a copy). */
export function mergeSorted<T>(lists: readonly T[][], compare: (a: T, b: T) => number): T[] {
  if (lists.length === 0) return [];
  if (lists.length === 1) return [...lists[0]!];
  const merged: T[] = [];
  const at = lists.map(() => 0);
  for (;;) {
    let best = -1;
    for (let list = 0; list < lists.length; list++) {
      if (at[list]! >= lists[list]!.length) continue;
      if (best < 0 || compare(lists[list]![at[list]!]!, lists[best]![at[best]!]!) < 0) best = list;
    }
    if (best < 0) return merged;
    merged.push(lists[best]![at[best]!++]!);
  }
}
