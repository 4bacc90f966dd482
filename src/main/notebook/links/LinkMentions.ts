import pLimit from 'p-limit';
import { NotebookError } from '@shared/api/errors';
import { sameDoc, type DocRef } from '@shared/domain/docRef';
import type { BacklinkList, MentionGroup } from '@shared/domain/links';
import type { Note } from '@shared/domain/note';
import { blockAt, type NoteModel } from '@shared/markdown/noteModel';
import { distinctWords } from '@shared/text/words';
import type { VaultStore } from '../vault/VaultStore';
import { findMentions, mentionExclusions, mentionTerms } from './findMentions';
import { compareNotes, type IndexedNote, type LinkIndex } from './LinkIndex';
import { linkKeyOf } from './linkKey';
import { mentionContexts } from './mentionContexts';
import { linkMentionsInText } from './rewriteLinks';
import { filterMayHaveAll } from './wordFilter';

const READ_CONCURRENCY = 16;

/**
 * Unlinked mentions: where a document's title or aliases appear in other notes as plain
 * text, and turning chosen ones into links. Candidates come from the index's word filters,
 * so only notes that may hold every word of a name are read.
 */
export class LinkMentions {
  constructor(
    private readonly deps: {
      /** The current index (the service may swap in a rebuilt one). */
      index: () => LinkIndex;
      store: VaultStore;
      /** A note as the index reads it: null when gone, undefined when unreadable now. */
      readForIndex: (path: string) => Promise<Note | null | undefined>;
      /** Re-indexes a note read newer than its index record. */
      reindex: (note: Note) => void;
      /** A note's model, from the shared cache. */
      modelOf: (note: Note) => NoteModel;
    },
  ) {}

  /** The mentions of `ref` (known to exist) under these names, grouped by note. */
  async unlinkedMentions(ref: DocRef, names: readonly string[]): Promise<BacklinkList> {
    const terms = mentionTerms(names);
    if (terms.length === 0) return { groups: [], count: 0 };
    const termWords = terms.map((term) => [...distinctWords(term)]);
    const index = this.deps.index();
    const candidates = [...index.allNotes()].filter(
      (note) =>
        !(ref.kind === 'note' && note.path === ref.path) &&
        termWords.some((words) => filterMayHaveAll(note.words, words)),
    );
    const groups = await pLimit(READ_CONCURRENCY).map(candidates, (candidate) =>
      this.mentionsIn(candidate, ref, terms),
    );
    const kept = groups.filter((group): group is MentionGroup => group !== null).sort(compareNotes);
    return { groups: kept, count: kept.reduce((sum, group) => sum + group.mentions.length, 0) };
  }

  private async mentionsIn(
    candidate: IndexedNote,
    ref: DocRef,
    terms: ReturnType<typeof mentionTerms>,
  ): Promise<MentionGroup | null> {
    const note = await this.deps.readForIndex(candidate.path);
    if (!note || note.readOnly) return null;
    const index = this.deps.index();
    if (note.version !== candidate.version && index.get(note.path) === candidate) this.deps.reindex(note);
    const model = this.deps.modelOf(note);
    const linkedUnits = new Set(
      model.links
        .filter((link) => {
          const found = index.resolveKey(linkKeyOf(link.target, note.path), note.path);
          return found !== null && sameDoc(found.ref, ref);
        })
        .map((link) => blockAt(model, link.start)),
    );
    const exclusions = mentionExclusions(model);
    const spans = findMentions(model, terms, exclusions, (unit) => linkedUnits.has(unit));
    if (spans.length === 0) return null;
    return { path: note.path, title: note.title, mentions: mentionContexts(model, spans) };
  }

  /**
   * Links the chosen mentions in one note, atomically, retrying when the note changed
   * between the read and the write. @throws read-only, conflict (the note kept changing).
   */
  async linkMentions(
    path: string,
    ref: DocRef,
    mentions: ReadonlyArray<{ start: number; end: number; source: string }>,
  ): Promise<{ linked: number; previousContent: string; version: string }> {
    for (let attempt = 0; ; attempt++) {
      const note = await this.deps.store.readNote(path);
      if (note.readOnly)
        throw new NotebookError('read-only', `"${note.title}" cannot be edited: ${note.readOnly.reason}`);
      const target = this.deps.index().spellingFor(ref, path);
      const { text, linked } = linkMentionsInText(this.deps.modelOf(note), mentions, target);
      if (linked === 0) return { linked: 0, previousContent: note.content, version: note.version };
      try {
        const saved = await this.deps.store.saveNote(
          { path, content: text, baseVersion: note.version },
          { reloadEditors: true, onConflict: 'fail' },
        );
        if (saved.status !== 'saved') throw new NotebookError('conflict', `"${note.title}" changed meanwhile.`);
        return { linked, previousContent: note.content, version: saved.version };
      } catch (error) {
        if (error instanceof NotebookError && error.code === 'conflict' && attempt < 2) continue;
        throw error;
      }
    }
  }
}
