import type { GlossaryEntry } from '@shared/domain/glossary';
import type { LinkSuggestion } from '@shared/domain/links';
import type { VaultStore } from '../vault/VaultStore';
import type { IndexedNote, LinkIndex } from './LinkIndex';
import { shorten } from '@shared/markdown/notePreview';
import { rankLinkSuggestions, type SuggestionCandidate } from './rankLinkSuggestions';

const DEFAULT_SUGGESTIONS = 20;
const ENTRY_PREVIEW_CHARS = 120;

type Candidate = SuggestionCandidate & { preview: string; note: IndexedNote | null };

/**
 * The `[[` menu's suggestions, from the link index (titles, aliases, previews) and the
 * vault's list of notes: no note is read. Note candidates are kept per indexed note, so a
 * keystroke reuses them until the note changes.
 */
export class LinkSuggestions {
  private readonly noteCandidates = new WeakMap<IndexedNote, Candidate>();

  constructor(
    private readonly deps: {
      /** The current index (the service may swap in a rebuilt one). */
      index: () => LinkIndex;
      store: VaultStore;
      entries: ReadonlyMap<string, GlossaryEntry>;
    },
  ) {}

  /**
   * See NotebookApi.suggestLinkTargets: for an empty query, entries (at most half the list
   * when notes exist) then the most recently modified notes; else the ranked matches.
   */
  suggest(query: string, limit = DEFAULT_SUGGESTIONS): LinkSuggestion[] {
    const index = this.deps.index();
    const entryCandidates: Candidate[] = [...index.allEntries()].map((entry) => ({
      ref: { kind: 'entry', id: entry.id },
      kind: 'entry',
      title: entry.title,
      aliases: entry.aliases,
      preview: entryPreview(this.deps.entries.get(entry.id), ENTRY_PREVIEW_CHARS),
      note: null,
    }));
    let chosen: Array<{ candidate: Candidate; matchedAlias: string | null }>;
    if (query.trim() === '') {
      const recent = this.deps.store
        .listNotes()
        .slice(0, limit)
        .map((summary) => index.get(summary.path))
        .filter((note): note is IndexedNote => note !== undefined)
        .map((note) => this.noteCandidate(note));
      const entryCount = Math.min(entryCandidates.length, Math.max(limit - recent.length, Math.ceil(limit / 2)));
      chosen = [...entryCandidates.slice(0, entryCount), ...recent]
        .slice(0, limit)
        .map((candidate) => ({ candidate, matchedAlias: null }));
    } else {
      const candidates = [...entryCandidates, ...[...index.allNotes()].map((note) => this.noteCandidate(note))];
      chosen = rankLinkSuggestions(query, candidates, limit);
    }
    return chosen.map(({ candidate, matchedAlias }) => ({
      ref: candidate.ref,
      kind: candidate.kind,
      title: candidate.title,
      insert: index.spellingFor(candidate.ref, null),
      matchedAlias,
      preview: candidate.preview,
    }));
  }

  private noteCandidate(note: IndexedNote): Candidate {
    let candidate = this.noteCandidates.get(note);
    if (!candidate) {
      candidate = {
        ref: { kind: 'note', path: note.path },
        kind: 'note',
        title: note.title,
        aliases: note.aliases,
        preview: note.preview,
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
