import type { EntrySummary, GlossaryEntry } from '@shared/domain/glossary';
import type { LinkSuggestion } from '@shared/domain/links';
import type { VaultStore } from '../vault/VaultStore';
import type { IndexedNote, LinkIndex } from './LinkIndex';
import { shorten } from '@shared/markdown/notePreview';
import { prepareQuery } from '@shared/titles/matchTitle';
import { rankLinkSuggestions, type SuggestionCandidate } from './rankLinkSuggestions';
import { NamePrefixIndex } from '../titles/NamePrefixIndex';
import { baseKeysFor, type EntryNameKeys, type NameKeys } from '../titles/NameKeys';

const DEFAULT_SUGGESTIONS = 20;
const ENTRY_PREVIEW_CHARS = 120;
/**
 * Up to this many entries every one is ranked (every tier complete); above (a dictionary-sized
 * pack), entries come from a sorted name index: every exact, prefix and word-prefix match,
 * and for the looser tiers at most LOOSE_CAP entries near the query in name order.
 */
export const SUGGEST_FULL_SCAN_LIMIT = 20_000;
const LOOSE_CAP = 250;

type Candidate = SuggestionCandidate & { note: IndexedNote | null };

/**
 * The `[[` menu's suggestions, from the link index (titles, aliases, previews) and the
 * vault's list of notes: no note is read. Candidates are kept per indexed note and per
 * entry, so a keystroke reuses them (and the names prepared for matching, which the ranker
 * keeps per candidate) until the note or the entry changes; an entry's preview is made
 * only for the rows returned, not for every entry of a 120,000-entry pack.
 */
export class LinkSuggestions {
  private readonly noteCandidates = new WeakMap<IndexedNote, Candidate>();
  private readonly entryCandidates = new WeakMap<EntrySummary, Candidate>();
  /** The entries' name index, per link index (a rebuilt index has its own entries). */
  private names: { index: LinkIndex; names: NamePrefixIndex<EntrySummary> } | null = null;
  private warming: LinkIndex | null = null;

  constructor(
    private readonly deps: {
      /** The current index (the service may swap in a rebuilt one). */
      index: () => LinkIndex;
      store: VaultStore;
      entries: ReadonlyMap<string, GlossaryEntry>;
      /** The glossary's name keys made once (see SwitcherIndex's option of that name). */
      entryNames?: EntryNameKeys;
      /** For tests: see SUGGEST_FULL_SCAN_LIMIT and LOOSE_CAP. */
      fullScanLimit?: number;
      looseCap?: number;
    },
  ) {
    // Built in slices in the background, so the first `[[` does not wait for it.
    const timer = setTimeout(() => void this.warm(), 300);
    timer.unref?.();
  }

  private get fullScanLimit(): number {
    return this.deps.fullScanLimit ?? SUGGEST_FULL_SCAN_LIMIT;
  }

  private async warm(): Promise<void> {
    const index = this.deps.index();
    if (index.entryCount <= this.fullScanLimit || this.names?.index === index || this.warming === index) return;
    this.warming = index;
    const keys = (await this.deps.entryNames?.load()) ?? null;
    const items = [...index.allEntries()];
    const names = await NamePrefixIndex.buildInSlices(
      items,
      entryNames,
      () => this.warming !== index || this.names?.index === index,
      undefined,
      this.baseKeys(items, keys),
    );
    if (names && this.warming === index) this.names = { index, names };
    if (this.warming === index) this.warming = null;
  }

  private namesOf(index: LinkIndex): NamePrefixIndex<EntrySummary> {
    if (this.names?.index !== index) {
      this.warming = null;
      const items = [...index.allEntries()];
      this.names = {
        index,
        names: NamePrefixIndex.build(items, entryNames, this.baseKeys(items, this.deps.entryNames?.ready())),
      };
    }
    return this.names.names;
  }

  private baseKeys(items: readonly EntrySummary[], keys: NameKeys | null | undefined): NameKeys | undefined {
    return baseKeysFor(this.deps.entryNames, keys, items, (entry) => entry);
  }

  /**
   * See NotebookApi.suggestLinkTargets: for an empty query, entries (at most half the list
   * when notes exist) then the most recently modified notes; else the ranked matches.
   */
  suggest(query: string, limit = DEFAULT_SUGGESTIONS): LinkSuggestion[] {
    const index = this.deps.index();
    const entryCandidates = () => mapIterable(index.allEntries(), (entry) => this.entryCandidate(entry));
    let chosen: Array<{ candidate: Candidate; matchedAlias: string | null }>;
    if (query.trim() === '') {
      const recent = this.deps.store
        .listNotes()
        .slice(0, limit)
        .map((summary) => index.get(summary.path))
        .filter((note): note is IndexedNote => note !== undefined)
        .map((note) => this.noteCandidate(note));
      const entryCount = Math.max(limit - recent.length, Math.ceil(limit / 2));
      chosen = [...take(entryCandidates(), entryCount), ...recent]
        .slice(0, limit)
        .map((candidate) => ({ candidate, matchedAlias: null }));
    } else if (index.entryCount <= this.fullScanLimit) {
      const notes = mapIterable(index.allNotes(), (note) => this.noteCandidate(note));
      chosen = rankLinkSuggestions(query, concat(entryCandidates(), notes), limit);
    } else {
      chosen = this.suggestFromNames(index, query, limit);
    }
    return chosen.map(({ candidate, matchedAlias }) => ({
      ref: candidate.ref,
      kind: candidate.kind,
      title: candidate.title,
      insert: index.spellingFor(candidate.ref, null),
      matchedAlias,
      preview: candidate.note
        ? candidate.note.preview
        : entryPreview(
            candidate.ref.kind === 'entry' ? this.deps.entries.get(candidate.ref.id) : undefined,
            ENTRY_PREVIEW_CHARS,
          ),
    }));
  }

  /** The ranked matches with entries from the name index (see SUGGEST_FULL_SCAN_LIMIT). */
  private suggestFromNames(index: LinkIndex, query: string, limit: number) {
    const q = prepareQuery(query);
    if (q === null) return [];
    const names = this.namesOf(index);
    const entries: Candidate[] = [];
    names.begin();
    names.direct(q, (entry) => entries.push(this.entryCandidate(entry)), limit);
    const notes = () => mapIterable(index.allNotes(), (note) => this.noteCandidate(note));
    const chosen = rankLinkSuggestions(query, concat(entries, notes()), limit);
    if (chosen.length >= limit) return chosen;
    // Room left: the looser tiers (inside a word, letters in order) over a bounded stretch.
    names.scan(q.folded, this.deps.looseCap ?? LOOSE_CAP, (entry) => entries.push(this.entryCandidate(entry)));
    return rankLinkSuggestions(query, concat(entries, notes()), limit);
  }

  private entryCandidate(entry: EntrySummary): Candidate {
    let candidate = this.entryCandidates.get(entry);
    if (!candidate) {
      candidate = {
        ref: { kind: 'entry', id: entry.id },
        kind: 'entry',
        title: entry.title,
        aliases: entry.aliases,
        note: null,
      };
      this.entryCandidates.set(entry, candidate);
    }
    return candidate;
  }

  private noteCandidate(note: IndexedNote): Candidate {
    let candidate = this.noteCandidates.get(note);
    if (!candidate) {
      candidate = {
        ref: { kind: 'note', path: note.path },
        kind: 'note',
        title: note.title,
        aliases: note.aliases,
        note,
      };
      this.noteCandidates.set(note, candidate);
    }
    return candidate;
  }
}

/** The first paragraph of an entry's definition, on one line, at most `maxChars` long. */
export function entryPreview(entry: GlossaryEntry | undefined, maxChars: number): string {
  const definition = entry?.definition ?? '';
  const first = definition.split(/\n\s*\n/)[0] ?? '';
  return shorten(first.replace(/\s+/g, ' ').trim(), maxChars);
}

const entryNames = (entry: EntrySummary): string[] => [entry.title, ...entry.aliases];

function* mapIterable<T, U>(items: Iterable<T>, map: (item: T) => U): Generator<U> {
  for (const item of items) yield map(item);
}

function* concat<T>(...lists: Array<Iterable<T>>): Generator<T> {
  for (const list of lists) yield* list;
}

function take<T>(items: Iterable<T>, count: number): T[] {
  const out: T[] = [];
  if (count <= 0) return out;
  for (const item of items) {
    out.push(item);
    if (out.length >= count) break;
  }
  return out;
}
