import { sameDoc, type DocRef } from '@shared/domain/docRef';
import type { EntrySummary } from '@shared/domain/glossary';
import type { OutgoingLink, ResolvedTarget, UnresolvedLink } from '@shared/domain/links';
import { folderOfPath, titleOfPath } from '@shared/domain/notePath';
import { normalizeHeading, normalizeName } from '@shared/links/normalizeLinkTarget';
import { fold } from '@shared/text/fold';
import type { IndexedLink, NoteAnalysis } from './linkRecord';
import { linkKeyOf } from './linkKey';
import { compareEntryTitles, inTitleOrder } from '../glossary/compareEntryTitles';

/** What the index knows of a note besides its text: from the vault's summary. */
export interface NoteMeta {
  path: string;
  aliases: readonly string[];
  /** The version of the text that was analyzed. */
  version: string;
  /** Last modification (ISO 8601), for the `[[` menu's default list. */
  modified: string;
}

/** A note in the index: its names, its links and the small things kept of its text. */
export interface IndexedNote extends NoteAnalysis {
  path: string;
  title: string;
  version: string;
  modified: string;
  aliases: readonly string[];
  pathKey: string;
  titleKey: string;
  folderKey: string;
  aliasKeys: readonly string[];
  /** See titleSortKey. */
  sortKey: string;
}

/** How a link key found its target; a lower tier wins (see LinkIndex.resolveKey). */
export const Tier = {
  ExactPath: 1,
  FileName: 2,
  EntryTitle: 3,
  NoteAlias: 4,
  EntryAlias: 5,
  EntryId: 6,
  SameNote: 7,
} as const;
export type Tier = (typeof Tier)[keyof typeof Tier];

export interface Resolution {
  ref: DocRef;
  tier: Tier;
}

/** The explicit spelling of a glossary entry in a link: `[[glossary:<id>]]` (no note path can contain ':'). */
export const ENTRY_ID_PREFIX = 'glossary:';

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Targets of embeds and links that name files other than notes; they are not listed as unresolved. */
const ATTACHMENT =
  /\.(?:png|jpe?g|gif|svg|webp|bmp|avif|tiff?|pdf|mp3|wav|ogg|m4a|flac|webm|mp4|mov|mkv|canvas|excalidraw|base)$/;

/**
 * Finds the attachment a link target names from a note (see AttachmentIndex), returning
 * its vault path, or null when the vault has none.
 */
export type AttachmentLookup = (target: string, from: string) => string | null;

/**
 * The link index of one vault: every note's links (by position and lookup key), the names
 * notes and glossary entries answer to, and the reverse map from link keys to the notes
 * using them. It holds no note text. Resolution is computed when asked, from the current
 * names, so adding, renaming or removing a note changes what links resolve to at once
 * and incremental updates need no bookkeeping beyond the note itself.
 *
 * All answers are deterministic (sorted), so an index updated step by step answers
 * exactly like one built from scratch from the same notes.
 */
export class LinkIndex {
  private readonly notes = new Map<string, IndexedNote>();
  private readonly byPath = new Map<string, Set<string>>();
  private readonly byTitle = new Map<string, Set<string>>();
  private readonly byAlias = new Map<string, Set<string>>();
  private readonly entries = new Map<string, EntrySummary>();
  /** Normalized title or alias → the entry, or the entries in title order when several share it (see idsIn). */
  private readonly entryByTitle = new Map<string, IdList>();
  private readonly entryByAlias = new Map<string, IdList>();
  /**
   * Each pack's name, and its normalized form → the packs so named: `[[Pack name/Title]]` is
   * looked up through these and the titles (see entriesByPackTitle), not through a table of
   * every `pack name/title` (120,000 of them, made at every start).
   */
  private readonly packNames = new Map<string, string>();
  private readonly packsByKey = new Map<string, string[]>();
  /** Link key → the notes using it → how many times. */
  private readonly byKey = new Map<string, Map<string, number>>();
  /** Bumped on every change; answers memoized under an older generation are stale. */
  private generation = 0;
  private readonly linksToMemo = new Map<
    string,
    { generation: number; result: Array<{ note: IndexedNote; links: IndexedLink[] }> }
  >();

  /**
   * Replaces the glossary entries links may point to. With `packNameOf`, an entry is also
   * reached as `[[Pack name/Title]]` (how a link names one of several entries sharing a title).
   */
  setEntries(entries: readonly EntrySummary[], packNameOf?: (packId: string) => string | undefined): void {
    this.generation++;
    this.entries.clear();
    this.entryByTitle.clear();
    this.entryByAlias.clear();
    this.packNames.clear();
    this.packsByKey.clear();
    // The glossary's order (as listed). The library hands entries over in that order and says
    // so (see markTitleOrdered); other lists are checked in one pass, sorted when not in order.
    const sorted = inTitleOrder(entries) ? entries : [...entries].sort(compareEntryTitles);
    for (const entry of sorted) {
      // Kept as given, not copied: entries are read-only, and a copy of 120,000 was 15 MB.
      this.entries.set(entry.id, entry);
      addId(this.entryByTitle, normalizeName(entry.title), entry.id);
      // One lookup per pack, not per entry (120,000 entries, a handful of packs).
      if (entry.packId && !this.packNames.has(entry.packId)) {
        const packName = packNameOf?.(entry.packId);
        if (packName) {
          this.packNames.set(entry.packId, packName);
          pushTo(this.packsByKey, normalizeName(packName), entry.packId);
        }
      }
      const aliases = entry.aliases;
      for (let at = 0; at < aliases.length; at++) {
        const alias = normalizeName(aliases[at]!);
        if (alias === '') continue;
        let repeated = false;
        for (let before = 0; before < at && !repeated; before++) repeated = normalizeName(aliases[before]!) === alias;
        if (!repeated) addId(this.entryByAlias, alias, entry.id);
      }
    }
  }

  /** Adds a note or replaces what the index knows of it. */
  put(meta: NoteMeta, analysis: NoteAnalysis): void {
    this.remove(meta.path);
    this.generation++;
    const title = titleOfPath(meta.path);
    const aliasKeys = [...new Set(meta.aliases.map(normalizeName))].filter((key) => key !== '');
    const note: IndexedNote = {
      ...analysis,
      path: meta.path,
      title,
      version: meta.version,
      modified: meta.modified,
      aliases: [...meta.aliases],
      pathKey: normalizeName(meta.path.replace(/\.md$/i, '')),
      titleKey: normalizeName(title),
      folderKey: normalizeName(folderOfPath(meta.path)),
      aliasKeys,
      sortKey: titleSortKey(title),
    };
    this.notes.set(note.path, note);
    addTo(this.byPath, note.pathKey, note.path);
    addTo(this.byTitle, note.titleKey, note.path);
    for (const alias of aliasKeys) addTo(this.byAlias, alias, note.path);
    for (const link of note.links) {
      if (link.key === '') continue;
      let sources = this.byKey.get(link.key);
      if (!sources) this.byKey.set(link.key, (sources = new Map()));
      sources.set(note.path, (sources.get(note.path) ?? 0) + 1);
    }
  }

  /** Forgets a note; false when the index did not know it. */
  remove(path: string): boolean {
    const note = this.notes.get(path);
    if (!note) return false;
    this.generation++;
    this.notes.delete(path);
    removeFrom(this.byPath, note.pathKey, path);
    removeFrom(this.byTitle, note.titleKey, path);
    for (const alias of note.aliasKeys) removeFrom(this.byAlias, alias, path);
    for (const link of note.links) {
      const sources = this.byKey.get(link.key);
      if (!sources) continue;
      sources.delete(path);
      if (sources.size === 0) this.byKey.delete(link.key);
    }
    return true;
  }

  get(path: string): IndexedNote | undefined {
    return this.notes.get(path);
  }

  allNotes(): IterableIterator<IndexedNote> {
    return this.notes.values();
  }

  get size(): number {
    return this.notes.size;
  }

  entry(id: string): EntrySummary | undefined {
    return this.entries.get(id);
  }

  allEntries(): IterableIterator<EntrySummary> {
    return this.entries.values();
  }

  /** How many entries links may point to. */
  get entryCount(): number {
    return this.entries.size;
  }

  /** How many notes share a title (case-insensitively). */
  notesTitled(titleKey: string): number {
    return this.byTitle.get(titleKey)?.size ?? 0;
  }

  /** Does the document exist (a known note or entry)? */
  has(ref: DocRef): boolean {
    return ref.kind === 'note' ? this.notes.has(ref.path) : this.entries.has(ref.id);
  }

  /**
   * Resolves a link target as written (the part before `#` and `|`) from the note at
   * `from` (null: from nowhere in particular, e.g. the vault root). See resolveKey.
   */
  resolve(target: string, from: string | null): DocRef | null {
    return this.resolveKey(linkKeyOf(target, from ?? ''), from)?.ref ?? null;
  }

  /**
   * Resolves a link key (see linkKeyOf) written in the note at `from`. The rules follow
   * Obsidian's, extended to aliases and the glossary (documented in docs/links.md):
   *
   * - Everything compares case-insensitively, after Unicode NFC, with `\` read as `/`,
   *   runs of spaces as one space and a trailing `.md` ignored.
   * - `''` (a `[[#Heading]]` link) is the linking note itself.
   * - `glossary:<id>` is the glossary entry with that id (the spelling the app writes
   *   when a note's name hides an entry's title).
   * - A key from `/…`, `./…` or `../…` is an exact vault path and only that note answers.
   * - Otherwise the first tier with a match wins:
   *   1. a note whose vault path (without `.md`) is the key (`[[Note]]` is the root's
   *      `Note.md`, `[[Biology/Cells]]` is `Biology/Cells.md`);
   *   2. notes whose file name is the key, or, for a key with `/`, whose path ends with
   *      `/key` (`[[Cells/Mitosis]]` finds `Course/Cells/Mitosis.md`);
   *   3. a glossary entry whose title is the key (among several: the first as the glossary
   *      lists them, by title then id), or, for `Pack name/Title`, that pack's entry;
   *   4. notes with the key among their front matter `aliases`;
   *   5. a glossary entry with the key among its aliases.
   *   Notes beat entries of the same name (an Obsidian vault keeps resolving as in
   *   Obsidian; a student's own note on a concept is what they mean), and titles beat
   *   aliases (aliases only resolve links Obsidian would leave unresolved).
   * - Among several notes in one tier: a note in the linking note's own folder (an
   *   ancestor folder counts for nothing), then the shortest path (in characters, as
   *   Obsidian does), then the alphabetically first path. Among entries: by title.
   *
   * @returns the target and the tier that found it, or null when nothing answers.
   */
  resolveKey(key: string, from: string | null): Resolution | null {
    if (key === '') return from !== null && this.notes.has(from) ? { ref: noteRef(from), tier: Tier.SameNote } : null;
    if (key.startsWith(ENTRY_ID_PREFIX)) {
      const id = key.slice(ENTRY_ID_PREFIX.length).trim();
      return this.entries.has(id) ? { ref: { kind: 'entry', id }, tier: Tier.EntryId } : null;
    }
    if (key.startsWith('/')) {
      const exact = this.byPath.get(key.slice(1));
      return exact ? { ref: noteRef(this.pickNote(exact, null)), tier: Tier.ExactPath } : null;
    }
    const fromFolder = from === null ? null : (this.notes.get(from)?.folderKey ?? normalizeName(folderOfPath(from)));
    const found = this.candidates(key);
    if (!found) return null;
    if (found.tier === Tier.EntryTitle || found.tier === Tier.EntryAlias) {
      return { ref: { kind: 'entry', id: found.ids[0]! }, tier: found.tier };
    }
    return {
      ref: noteRef(this.pickNote(found.ids, found.tier === Tier.ExactPath ? null : fromFolder)),
      tier: found.tier,
    };
  }

  /** Every candidate of the winning tier for a (non-relative) key: note paths or entry ids. */
  private candidates(key: string): { tier: Tier; ids: string[] } | null {
    const exact = this.byPath.get(key);
    if (exact) return { tier: Tier.ExactPath, ids: [...exact] };
    const slash = key.lastIndexOf('/');
    const named = this.byTitle.get(slash < 0 ? key : key.slice(slash + 1));
    if (named) {
      const ids =
        slash < 0 ? [...named] : [...named].filter((path) => this.notes.get(path)!.pathKey.endsWith(`/${key}`));
      if (ids.length > 0) return { tier: Tier.FileName, ids };
    }
    const entryTitle = idsIn(this.entryByTitle, key) ?? (slash < 0 ? undefined : this.entriesByPackTitle(key));
    if (entryTitle) return { tier: Tier.EntryTitle, ids: entryTitle };
    const alias = this.byAlias.get(key);
    if (alias) return { tier: Tier.NoteAlias, ids: [...alias] };
    const entryAlias = idsIn(this.entryByAlias, key);
    if (entryAlias) return { tier: Tier.EntryAlias, ids: entryAlias };
    return null;
  }

  /**
   * The link keys some note uses that start with `prefix` (a normalized `pack name/`), each
   * with the notes using it: what renaming a pack looks through (a pass over the vault's
   * distinct keys, not over the pack's entries).
   */
  keysStartingWith(prefix: string): Array<{ key: string; paths: string[] }> {
    const found: Array<{ key: string; paths: string[] }> = [];
    for (const [key, users] of this.byKey) {
      if (key.startsWith(prefix) && users.size > 0) found.push({ key, paths: [...users.keys()] });
    }
    return found;
  }

  /** The entries a `pack name/title` key names, in title order; undefined when none. */
  private entriesByPackTitle(key: string): string[] | undefined {
    let found: string[] | undefined;
    for (const [packKey, packIds] of this.packsByKey) {
      if (!key.startsWith(`${packKey}/`)) continue;
      for (const id of idsIn(this.entryByTitle, key.slice(packKey.length + 1)) ?? []) {
        const packId = this.entries.get(id)?.packId;
        if (packId && packIds.includes(packId)) (found ??= []).push(id);
      }
    }
    return found;
  }

  private pickNote(paths: Iterable<string>, fromFolder: string | null): string {
    let best: string | null = null;
    for (const path of paths) {
      if (best === null || this.ranksBefore(path, best, fromFolder)) best = path;
    }
    return best!;
  }

  private ranksBefore(a: string, b: string, fromFolder: string | null): boolean {
    if (fromFolder !== null) {
      const aHere = this.notes.get(a)!.folderKey === fromFolder;
      const bHere = this.notes.get(b)!.folderKey === fromFolder;
      if (aHere !== bHere) return aHere;
    }
    if (a.length !== b.length) return a.length < b.length;
    const byName = compareText(a.toLowerCase(), b.toLowerCase());
    return byName !== 0 ? byName < 0 : compareText(a, b) < 0;
  }

  /** The title and kind of a document, for results; null when it does not exist. */
  describe(ref: DocRef): ResolvedTarget | null {
    if (ref.kind === 'note') {
      const note = this.notes.get(ref.path);
      return note ? { ref: noteRef(note.path), kind: 'note', title: note.title } : null;
    }
    const entry = this.entries.get(ref.id);
    return entry ? { ref: { kind: 'entry', id: entry.id }, kind: 'entry', title: entry.title } : null;
  }

  /** Every link key that may resolve to the document. */
  keysFor(ref: DocRef): string[] {
    if (ref.kind === 'entry') {
      const entry = this.entries.get(ref.id);
      if (!entry) return [];
      return unique([normalizeName(entry.title), ...entry.aliases.map(normalizeName), ENTRY_ID_PREFIX + entry.id]);
    }
    const note = this.notes.get(ref.path);
    if (!note) return [];
    const keys = [note.titleKey, note.pathKey, `/${note.pathKey}`, ...note.aliasKeys];
    const parts = note.pathKey.split('/');
    for (let count = 2; count < parts.length; count++) keys.push(parts.slice(-count).join('/'));
    return unique(keys);
  }

  /**
   * The notes linking to a document (not the note itself), each with its links there, by
   * title then path. Without `viaAlias`, links that reach it only through an alias are left
   * out (they survive a rename). The answer is shared until the index changes: do not modify it.
   */
  linksTo(
    ref: DocRef,
    options: { viaAlias?: boolean } = {},
  ): ReadonlyArray<{ note: IndexedNote; links: IndexedLink[] }> {
    const viaAlias = options.viaAlias ?? true;
    const memoKey = `${viaAlias ? 'a' : '-'}${ref.kind === 'note' ? `n:${ref.path}` : `e:${ref.id}`}`;
    const memo = this.linksToMemo.get(memoKey);
    if (memo?.generation === this.generation) return memo.result;
    const bySource = this.sourcesOf(ref, viaAlias);
    const result = [...bySource].map(([path, keys]) => {
      const note = this.notes.get(path)!;
      return { note, links: note.links.filter((link) => keys.has(link.key)) };
    });
    result.sort((a, b) => compareNotes(a.note, b.note));
    // A few answers are kept: the backlinks panels open at once and their refreshes.
    if (this.linksToMemo.size >= 16) this.linksToMemo.clear();
    this.linksToMemo.set(memoKey, { generation: this.generation, result });
    return result;
  }

  /** Notes linking to the document → the keys of their links that reach it. */
  private sourcesOf(ref: DocRef, viaAlias: boolean): Map<string, Set<string>> {
    const bySource = new Map<string, Set<string>>();
    const memo = new Map<string, Resolution | null>();
    for (const key of this.keysFor(ref)) {
      const sources = this.byKey.get(key);
      if (!sources) continue;
      for (const source of sources.keys()) {
        if (ref.kind === 'note' && source === ref.path) continue;
        const found = this.resolveMemo(memo, key, source);
        if (!found || !sameDoc(found.ref, ref) || (!viaAlias && found.tier === Tier.NoteAlias)) continue;
        let keys = bySource.get(source);
        if (!keys) bySource.set(source, (keys = new Set()));
        keys.add(key);
      }
    }
    return bySource;
  }

  /** Resolution depends on the source only through its folder: memoize per folder and key. */
  private resolveMemo(memo: Map<string, Resolution | null>, key: string, source: string): Resolution | null {
    const folder = this.notes.get(source)?.folderKey ?? '';
    const memoKey = `${folder}\u0000${key}`;
    let found = memo.get(memoKey);
    if (found === undefined) {
      found = this.resolveKey(key, source);
      memo.set(memoKey, found);
    }
    return found;
  }

  /** The links going out of a note, grouped by target and heading, in order of first use; null for an unknown note. */
  outgoing(path: string, attachments?: AttachmentLookup): OutgoingLink[] | null {
    const note = this.notes.get(path);
    if (!note) return null;
    const groups = new Map<string, OutgoingLink>();
    for (const link of note.links) {
      const heading = link.heading === null || link.heading.trim() === '' ? null : link.heading.trim();
      const group = `${link.key}\u0000${heading === null ? '' : normalizeHeading(heading)}`;
      const known = groups.get(group);
      if (known) {
        known.count++;
        continue;
      }
      const found = this.resolveKey(link.key, path);
      const attachment = !found && attachments && ATTACHMENT.test(link.key) ? attachments(link.target, path) : null;
      groups.set(group, {
        target: link.target.trim(),
        heading,
        resolved: found ? this.describe(found.ref) : null,
        ...(attachment ? { attachment } : {}),
        count: 1,
      });
    }
    return [...groups.values()];
  }

  /**
   * Every link target that resolves to nothing, spelled as the first note using it writes
   * it (notes by path, links by position), sorted by that spelling, each with its notes by
   * title. Links to attachments count when `attachments` finds no file for them (without
   * it, they are left out).
   */
  unresolved(attachments?: AttachmentLookup): UnresolvedLink[] {
    const memo = new Map<string, Resolution | null>();
    const result: Array<UnresolvedLink & { key: string }> = [];
    for (const [key, sources] of this.byKey) {
      const isAttachment = ATTACHMENT.test(key);
      if (isAttachment && !attachments) continue;
      const users: Array<{ note: IndexedNote; count: number }> = [];
      for (const [source, count] of sources) {
        if (this.resolveMemo(memo, key, source)) continue;
        const note = this.notes.get(source)!;
        if (isAttachment && attachments!(note.links.find((link) => link.key === key)!.target, source) !== null)
          continue;
        users.push({ note, count });
      }
      if (users.length === 0) continue;
      const first = users.reduce((a, b) => (compareText(a.note.path, b.note.path) <= 0 ? a : b)).note;
      const spelling = first.links.find((link) => link.key === key)!.target.trim();
      users.sort((a, b) => compareNotes(a.note, b.note));
      result.push({
        key,
        target: spelling,
        sources: users.map(({ note, count }) => ({ path: note.path, title: note.title, count })),
      });
    }
    result.sort(
      (a, b) => collator.compare(a.target, b.target) || compareText(a.target, b.target) || compareText(a.key, b.key),
    );
    return result.map(({ target, sources }) => ({ target, sources }));
  }

  /** For every glossary entry some note links to, how many distinct notes do (entries no note links to are left out). */
  entryLinkCounts(): Record<string, number> {
    // Only entries some link key could name are counted (a few, however large the packs):
    // walking 120,000 entries on every entry opened took seconds and sent 4 MB of zeros.
    const candidates = new Set<string>();
    for (const key of this.byKey.keys()) {
      for (const id of idsIn(this.entryByTitle, key) ?? []) candidates.add(id);
      for (const id of idsIn(this.entryByAlias, key) ?? []) candidates.add(id);
      const id = key.startsWith(ENTRY_ID_PREFIX) ? key.slice(ENTRY_ID_PREFIX.length).trim() : '';
      if (id !== '' && this.entries.has(id)) candidates.add(id);
    }
    const counts: Record<string, number> = {};
    for (const id of [...candidates].sort(compareText)) {
      const count = this.sourcesOf({ kind: 'entry', id }, true).size;
      if (count > 0) counts[id] = count;
    }
    return counts;
  }

  /**
   * Ways to write a link to the document, shortest first: a note's title, then its path
   * from ever more folders up to the full path (without `.md`); an entry's title, then
   * `glossary:<id>`.
   */
  spellingsOf(ref: DocRef): string[] {
    if (ref.kind === 'entry') {
      const entry = this.entries.get(ref.id);
      if (!entry) return [];
      // The pack form only tells entries sharing a title apart; an entry hidden by a note
      // keeps the `glossary:<id>` form (see docs/links.md).
      const packName = entry.packId ? this.packNames.get(entry.packId) : undefined;
      const shared = Array.isArray(this.entryByTitle.get(normalizeName(entry.title)));
      return [entry.title, ...(packName && shared ? [`${packName}/${entry.title}`] : []), ENTRY_ID_PREFIX + entry.id];
    }
    const parts = ref.path.replace(/\.md$/i, '').split('/');
    return parts.map((_, index) => parts.slice(parts.length - 1 - index).join('/'));
  }

  /**
   * The shortest spelling of a link to the document that resolves to it: from the note at
   * `from`, or, with `from` null, from anywhere (its tier has no other candidate). Falls
   * back to the longest spelling.
   */
  spellingFor(ref: DocRef, from: string | null): string {
    const spellings = this.spellingsOf(ref);
    for (const spelling of spellings) {
      const key = linkKeyOf(spelling, from ?? '');
      if (from !== null) {
        const found = this.resolveKey(key, from);
        if (found && sameDoc(found.ref, ref)) return spelling;
        continue;
      }
      if (key.startsWith(ENTRY_ID_PREFIX)) return spelling;
      const found = this.candidates(key);
      const id = ref.kind === 'note' ? ref.path : ref.id;
      const entryTier = found?.tier === Tier.EntryTitle || found?.tier === Tier.EntryAlias;
      if (found && found.ids.length === 1 && found.ids[0] === id && entryTier === (ref.kind === 'entry'))
        return spelling;
    }
    return spellings.at(-1) ?? '';
  }
}

function noteRef(path: string): DocRef {
  return { kind: 'note', path };
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  const values = map.get(key);
  if (values) values.add(value);
  else map.set(key, new Set([value]));
}

/**
 * One id, or several in the order added: most names belong to one entry, and an array per
 * name was 120,000 arrays made at every start with a dictionary-sized pack.
 */
type IdList = string | string[];

function addId(map: Map<string, IdList>, key: string, id: string): void {
  const ids = map.get(key);
  if (ids === undefined) map.set(key, id);
  else if (typeof ids === 'string') map.set(key, [ids, id]);
  else ids.push(id);
}

/** The ids under `key` as a list (a fresh one for a single id); undefined when none. */
function idsIn(map: Map<string, IdList>, key: string): string[] | undefined {
  const ids = map.get(key);
  return typeof ids === 'string' ? [ids] : ids;
}

function pushTo(map: Map<string, string[]>, key: string, value: string): void {
  const values = map.get(key);
  if (values) values.push(value);
  else map.set(key, [value]);
}

function removeFrom(map: Map<string, Set<string>>, key: string, value: string): void {
  const values = map.get(key);
  if (!values) return;
  values.delete(value);
  if (values.size === 0) map.delete(key);
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter((value) => value !== ''))];
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A key that orders titles the way a reader expects and compares fast: case and
 * diacritics ignored, numbers by value ("Note 2" before "Note 10").
 */
export function titleSortKey(title: string): string {
  return fold(title).replace(/\d+/g, (digits) => digits.replace(/^0+(?=\d)/, '').padStart(16, '0'));
}

/** Notes by title (see titleSortKey), then path. */
export function compareNotes(
  a: { title: string; path: string; sortKey?: string },
  b: { title: string; path: string; sortKey?: string },
): number {
  return (
    compareText(a.sortKey ?? titleSortKey(a.title), b.sortKey ?? titleSortKey(b.title)) || compareText(a.path, b.path)
  );
}
