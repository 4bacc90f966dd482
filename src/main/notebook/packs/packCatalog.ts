import { closeSync, openSync, readFileSync, readSync, unlinkSync } from 'node:fs';
import { ENTRY_ID_PATTERN, type EntrySection, type GlossaryEntry } from '@shared/domain/glossary';
import { foldName } from '@shared/text/fold';
import { firstWords } from '../glossary/sharedTitleHints';
import { formatEntries, parseEntries } from './packFiles';

/**
 * A pack's catalog, `<state dir>/packs/<id>/catalog.json`: what start-up needs of every entry
 * (id, title, aliases, the first words of its definition) and where its line lies in
 * `entries.ndjson`, so that start-up parses one small JSON file per pack instead of 120,000
 * entries, and an entry's body is read by offset when it is opened.
 *
 * Written with the entries at import time (entries file first, so the catalog is never older
 * than the entries it describes), and made once from the entries file of a pack imported
 * before catalogs existed, or whose catalog is missing or does not match its entries file.
 * It is never trusted: the entries file's size and modification time must match, offsets must
 * lie in the file in order, a sample of lines must hold the ids the catalog says, and every
 * body read checks its id again (a mismatch reads the whole entries file instead and deletes
 * the catalog, so the next start makes it again).
 */
export const CATALOG_FILE = 'catalog.json';
const CATALOG_FORMAT = 1;
/** How many words of a definition tell entries sharing a title apart (see sharedTitleHints). */
export const LEAD_WORDS = 7;
/** Lines checked against the catalog at start-up (plus the first and the last). */
const SAMPLED_LINES = 16;

export interface PackCatalog {
  /** Byte size of the entries file the catalog describes. */
  entriesSize: number;
  ids: string[];
  titles: string[];
  aliases: string[][];
  /**
   * The first words of each definition (see LEAD_WORDS), "…" when cut; null for an entry
   * whose title no other entry of the pack shares (see finishCatalog): its words are read
   * from its body in the rare case another pack shares it.
   */
  leads: Array<string | null>;
  /** Byte range [starts[i], ends[i]) of entry i's line (without its newline). */
  starts: number[];
  ends: number[];
}

/** The entries file's text for `entries` (see formatEntries) and its catalog. */
export function formatEntriesWithCatalog(entries: readonly GlossaryEntry[]): { text: string; catalog: PackCatalog } {
  const catalog: PackCatalog = { entriesSize: 0, ids: [], titles: [], aliases: [], leads: [], starts: [], ends: [] };
  const lines: string[] = [];
  let at = 0;
  for (const entry of entries) {
    const line = formatEntries([entry]);
    lines.push(line);
    addToCatalog(catalog, entry, at, at + Buffer.byteLength(line) - 1);
    at += Buffer.byteLength(line);
  }
  catalog.entriesSize = at;
  return { text: lines.join(''), catalog };
}

/**
 * Drops the first words of entries whose title is their own in the pack (most of a
 * dictionary): only entries sharing a title show them, and this is a third of the catalog.
 */
export function finishCatalog(catalog: PackCatalog): PackCatalog {
  const counts = new Map<string, number>();
  const keys = catalog.titles.map((title) => foldName(title));
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  keys.forEach((key, at) => {
    if (counts.get(key) === 1) catalog.leads[at] = null;
  });
  return catalog;
}

function addToCatalog(catalog: PackCatalog, entry: GlossaryEntry, start: number, end: number): void {
  catalog.ids.push(entry.id);
  catalog.titles.push(entry.title);
  catalog.aliases.push([...entry.aliases]);
  catalog.leads.push(firstWords(entry.definition, LEAD_WORDS));
  catalog.starts.push(start);
  catalog.ends.push(end);
}

/**
 * Reads an entries file's bytes in full (as parseEntries does) and makes its catalog: the
 * way to a catalog for a pack stored without one.
 * @throws Error naming the first damaged line (see parseEntries).
 */
export function catalogFromEntriesFile(
  bytes: Buffer,
  packId: string,
): { entries: GlossaryEntry[]; catalog: PackCatalog } {
  const catalog: PackCatalog = {
    entriesSize: bytes.length,
    ids: [],
    titles: [],
    aliases: [],
    leads: [],
    starts: [],
    ends: [],
  };
  const entries: GlossaryEntry[] = [];
  let start = 0;
  let line = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    line++;
    const text = bytes.toString('utf8', start, end);
    if (text.trim() !== '') {
      let entry: GlossaryEntry | undefined;
      try {
        entry = parseEntries(text, packId)[0];
      } catch (error) {
        // parseEntries counted one line: say which line of the file it was.
        throw new Error((error as Error).message.replace(/line 1$/, `line ${line}`));
      }
      if (entry) {
        entries.push(entry);
        addToCatalog(catalog, entry, start, end);
      }
    }
    start = end + 1;
  }
  return { entries, catalog: finishCatalog(catalog) };
}

export function formatCatalog(catalog: PackCatalog): string {
  return JSON.stringify({ format: CATALOG_FORMAT, ...catalog });
}

/**
 * Reads a catalog and checks it against what is known of the entries file without reading
 * it (its size, the manifest's entry count).
 * @throws Error saying why the catalog cannot be used.
 */
export function parseCatalog(text: string, expected: { entriesSize: number; entryCount: number }): PackCatalog {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error('its catalog is not valid JSON');
  }
  const c = data as Record<string, unknown> | null;
  const fail = (what: string): never => {
    throw new Error(`its catalog ${what}`);
  };
  if (typeof c !== 'object' || c === null || Array.isArray(c)) return fail('has no fields');
  if (c.format !== CATALOG_FORMAT) fail(`has an unknown format (${String(c.format)})`);
  if (c.entriesSize !== expected.entriesSize) fail('describes another version of the entries file');
  const { ids, titles, aliases, leads, starts, ends } = c as Record<string, unknown[]>;
  const count = expected.entryCount;
  for (const list of [ids, titles, aliases, leads, starts, ends]) {
    if (!Array.isArray(list) || list.length !== count) fail('does not list every entry');
  }
  const seen = new Set<string>();
  let previousEnd = -1;
  for (let i = 0; i < count; i++) {
    const id = ids![i];
    if (typeof id !== 'string' || !ENTRY_ID_PATTERN.test(id) || seen.has(id)) fail(`has an invalid id at ${i}`);
    seen.add(id as string);
    if (typeof titles![i] !== 'string' || titles![i] === '') fail(`has no title at ${i}`);
    const names = aliases![i];
    if (!Array.isArray(names) || !names.every((name) => typeof name === 'string')) fail(`has invalid aliases at ${i}`);
    if (typeof leads![i] !== 'string' && leads![i] !== null) fail(`has no definition words at ${i}`);
    const start = starts![i];
    const end = ends![i];
    if (
      !Number.isInteger(start) ||
      !Number.isInteger(end) ||
      (start as number) <= previousEnd ||
      (end as number) <= (start as number) ||
      (end as number) > expected.entriesSize
    ) {
      fail(`has an invalid offset at ${i}`);
    }
    previousEnd = end as number;
  }
  return {
    entriesSize: expected.entriesSize,
    ids: ids as string[],
    titles: titles as string[],
    aliases: aliases as string[][],
    leads: leads as Array<string | null>,
    starts: starts as number[],
    ends: ends as number[],
  };
}

interface EntryBody {
  source: string;
  editorialTitle: boolean;
  definition: string;
  sections: EntrySection[];
  tags?: string[];
}

/** Bodies kept after a read: the open entry, the `[[` menu's and search's rows. */
const BODY_CACHE_SIZE = 256;
/** readBodies reads lines less than this many bytes apart in one read (skipping what lies between). */
const READ_GAP = 16 * 1024;
/** …and at most this many bytes in one read. */
const MAX_RUN = 256 * 1024;
const EMPTY_BODY: EntryBody = { source: '', editorialTitle: false, definition: '', sections: [] };

/**
 * One pack's entries file, read by offset. Every read checks that the line holds the entry
 * asked for; when it does not (the file changed under the catalog), the whole file is read
 * once and used from then on, and the catalog deleted so the next start makes it again.
 */
export class EntryFile {
  private readonly bodies = new Map<string, EntryBody>();
  private whole: Map<string, GlossaryEntry> | null = null;

  constructor(
    readonly path: string,
    readonly catalogPath: string,
    readonly packId: string,
    private readonly log: (message: string, error?: unknown) => void,
  ) {}

  /**
   * Checks a sample of lines (the first, the last and some between) against the catalog.
   * @throws Error when one does not hold the entry the catalog says.
   */
  verifySample(catalog: PackCatalog): void {
    const count = catalog.ids.length;
    if (count === 0) return;
    const fd = openSync(this.path, 'r');
    try {
      for (let n = 0; n <= SAMPLED_LINES + 1; n++) {
        const i = Math.min(count - 1, Math.floor((n * (count - 1)) / (SAMPLED_LINES + 1)));
        const entry = readLine(fd, catalog.starts[i]!, catalog.ends[i]!, this.packId);
        if (entry.id !== catalog.ids[i]) throw new Error(`its catalog does not match its entries file at ${i}`);
      }
    } finally {
      closeSync(fd);
    }
  }

  /** The body of entry `id`, stored at bytes [start, end). Never throws: an unreadable body is empty (and logged). */
  body(id: string, start: number, end: number): EntryBody {
    const cached = this.bodies.get(id);
    if (cached) {
      this.bodies.delete(id);
      this.bodies.set(id, cached);
      return cached;
    }
    let body: EntryBody | undefined;
    if (!this.whole) {
      try {
        const fd = openSync(this.path, 'r');
        try {
          const entry = readLine(fd, start, end, this.packId);
          if (entry.id !== id) throw new Error(`line at byte ${start} holds ${entry.id}, not ${id}`);
          body = bodyOf(entry);
        } finally {
          closeSync(fd);
        }
      } catch (error) {
        this.log(
          `The catalog of the reference pack ${this.packId} does not match its entries; reading them all`,
          error,
        );
        this.readWhole();
      }
    }
    body ??= this.whole?.get(id) ? bodyOf(this.whole.get(id)!) : EMPTY_BODY;
    this.bodies.set(id, body);
    if (this.bodies.size > BODY_CACHE_SIZE) this.bodies.delete(this.bodies.keys().next().value!);
    return body;
  }

  /**
   * Reads the bodies of several entries at once, into the cache body() answers from: the
   * lines are read in file order, neighbours (less than READ_GAP apart) in one read, one
   * open for them all. Search hits and `[[` rows are often neighbours: the file is in title
   * order and such rows share the start of their titles. Never throws; what it cannot read
   * is left to body().
   */
  readBodies(wanted: ReadonlyArray<{ id: string; start: number; end: number }>): void {
    const missing = wanted.filter((want) => !this.bodies.has(want.id)).sort((a, b) => a.start - b.start);
    if (missing.length < 2 || this.whole) return;
    let fd: number;
    try {
      fd = openSync(this.path, 'r');
    } catch {
      return;
    }
    try {
      for (let first = 0; first < missing.length;) {
        let last = first;
        while (
          last + 1 < missing.length &&
          missing[last + 1]!.start - missing[last]!.end < READ_GAP &&
          missing[last + 1]!.end - missing[first]!.start <= MAX_RUN
        )
          last++;
        const from = missing[first]!.start;
        const buffer = Buffer.alloc(missing[last]!.end - from);
        const read = readSync(fd, buffer, 0, buffer.length, from);
        for (let i = first; i <= last; i++) {
          const { id, start, end } = missing[i]!;
          if (end - from > read) break;
          const entries = parseEntries(buffer.toString('utf8', start - from, end - from), this.packId);
          // A line that is not the entry asked for is left to body(), which reports it.
          if (entries.length !== 1 || entries[0]!.id !== id) continue;
          this.bodies.set(id, bodyOf(entries[0]!));
          if (this.bodies.size > BODY_CACHE_SIZE) this.bodies.delete(this.bodies.keys().next().value!);
        }
        first = last + 1;
      }
    } catch {
      // body() reads each one again and reports what fails.
    } finally {
      closeSync(fd);
    }
  }

  private readWhole(): void {
    this.whole = new Map();
    try {
      unlinkSync(this.catalogPath);
    } catch {
      // Already gone; the next start checks it again anyway.
    }
    try {
      for (const entry of parseEntries(readFileSync(this.path, 'utf8'), this.packId)) this.whole.set(entry.id, entry);
    } catch (error) {
      this.log(`The entries of the reference pack ${this.packId} cannot be read`, error);
    }
  }
}

function readLine(fd: number, start: number, end: number, packId: string): GlossaryEntry {
  const buffer = Buffer.alloc(end - start);
  const read = readSync(fd, buffer, 0, buffer.length, start);
  const entries = parseEntries(buffer.toString('utf8', 0, read), packId);
  if (entries.length !== 1) throw new Error(`no entry at byte ${start}`);
  return entries[0]!;
}

function bodyOf(entry: GlossaryEntry): EntryBody {
  return {
    source: entry.source,
    editorialTitle: entry.editorialTitle,
    definition: entry.definition,
    sections: entry.sections,
    ...(entry.tags ? { tags: entry.tags } : {}),
  };
}

/**
 * An entry as start-up knows it: its id, title, aliases and first words from the catalog; the
 * rest (definition, sections, source, tags) is read from the entries file when first asked
 * for. Read-only, like every entry.
 */
export class StoredEntry implements GlossaryEntry {
  // Private fields (not properties): an entry compares, spreads and serializes as its summary.
  readonly #file: EntryFile;
  readonly #start: number;
  readonly #end: number;

  constructor(
    readonly id: string,
    readonly title: string,
    readonly aliases: string[],
    readonly packId: string,
    /** The first words of the definition (see LEAD_WORDS); null: read from the body when asked. */
    readonly lead: string | null,
    file: EntryFile,
    start: number,
    end: number,
  ) {
    this.#file = file;
    this.#start = start;
    this.#end = end;
  }

  private body(): EntryBody {
    return this.#file.body(this.id, this.#start, this.#end);
  }

  /**
   * Reads the bodies of the stored entries among `entries` (others are in memory already)
   * together, a few reads for all (see EntryFile.readBodies): for a page of search hits or
   * `[[` rows, before their texts are asked for one by one.
   */
  static readBodies(entries: Iterable<GlossaryEntry | undefined>): void {
    const byFile = new Map<EntryFile, Array<{ id: string; start: number; end: number }>>();
    for (const entry of entries) {
      if (!(entry instanceof StoredEntry)) continue;
      let wanted = byFile.get(entry.#file);
      if (!wanted) byFile.set(entry.#file, (wanted = []));
      wanted.push({ id: entry.id, start: entry.#start, end: entry.#end });
    }
    for (const [file, wanted] of byFile) file.readBodies(wanted);
  }

  get source(): string {
    return this.body().source;
  }

  get editorialTitle(): boolean {
    return this.body().editorialTitle;
  }

  get definition(): string {
    return this.body().definition;
  }

  get sections(): EntrySection[] {
    return this.body().sections;
  }

  get tags(): string[] | undefined {
    return this.body().tags;
  }

  /** A plain copy with its body (what getEntry sends). */
  toEntry(): GlossaryEntry {
    const body = this.body();
    return structuredClone({
      id: this.id,
      title: this.title,
      aliases: this.aliases,
      source: body.source,
      editorialTitle: body.editorialTitle,
      definition: body.definition,
      sections: body.sections,
      ...(body.tags ? { tags: body.tags } : {}),
      packId: this.packId,
    });
  }
}

/** The entries a catalog lists, their bodies left in `file`. */
export function entriesOf(catalog: PackCatalog, file: EntryFile): StoredEntry[] {
  const out: StoredEntry[] = new Array<StoredEntry>(catalog.ids.length);
  for (let i = 0; i < catalog.ids.length; i++) {
    out[i] = new StoredEntry(
      catalog.ids[i]!,
      catalog.titles[i]!,
      catalog.aliases[i]!,
      file.packId,
      catalog.leads[i] ?? null,
      file,
      catalog.starts[i]!,
      catalog.ends[i]!,
    );
  }
  return out;
}
