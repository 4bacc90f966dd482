import type { NotebookClient } from '@shared/api/createClient';
import { isNotebookError } from '@shared/api/errors';
import type { Note, NoteSummary } from '@shared/domain/note';
import { useEffect, useEffectEvent } from 'react';
import type { QuoteBlock } from '../../editor/quotes/insertQuote';
import { onQuoteRequest, type QuoteRequest } from './quoteRequest';
import { currentQuoteTarget, quoteWhenOpened } from './quoteTarget';

export interface QuoteRequestDeps {
  api: NotebookClient;
  /** The notes listed in the sidebar (to find the note quotes of an entry go to). */
  notes: readonly NoteSummary[];
  /** Opens a note in the main view with the entry beside it. */
  openNoteBeside(path: string, entryId: string): void;
  upsertNote(note: NoteSummary): void;
  notify(message: string): void;
}

/** The title of the note that takes an entry's quotes when no note is open. */
export function quotesNoteTitle(entryTitle: string): string {
  return `Notes on ${entryTitle}`;
}

/**
 * Carries out "Quote in note" (issue #17): the highlight's passage goes, as a quote block
 * ending with a link back to that passage (`[[Entry#^h-id|Entry]]`), to the caret of the
 * open note; with no note open, to the end of the note "Notes on <entry>" (created when
 * missing), which opens with the entry beside it.
 */
export function useQuoteRequests(deps: QuoteRequestDeps): void {
  const quote = useEffectEvent(async ({ entryId, highlightId }: QuoteRequest) => {
    const { api } = deps;
    try {
      const [{ highlights }, entry] = await Promise.all([
        api.getEntryHighlights({ entryId }),
        api.getEntry({ id: entryId }),
      ]);
      const highlight = highlights.find((candidate) => candidate.id === highlightId);
      if (!highlight) throw new Error('that highlight no longer exists.');
      const target = currentQuoteTarget();
      const linkText = await api.getLinkText({
        ref: { kind: 'entry', id: entryId },
        ...(target ? { from: target.path } : {}),
      });
      const block: QuoteBlock = {
        passage: highlight.selectors.quote.exact,
        link: { target: linkText, heading: `^${highlight.id}`, label: entry.title },
      };
      if (target && target.insert(block)) return;
      const note = await notesNoteFor(api, entry.title, deps.notes);
      deps.upsertNote(note);
      quoteWhenOpened(note.path, block);
      deps.openNoteBeside(note.path, entryId);
    } catch (error) {
      deps.notify(`Could not quote the passage: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  useEffect(() => onQuoteRequest((request) => void quote(request)), []);
}

/** The note "Notes on <title>" at the vault's top level: the one there, else a new one. */
async function notesNoteFor(
  api: NotebookClient,
  entryTitle: string,
  notes: readonly NoteSummary[],
): Promise<NoteSummary> {
  const title = quotesNoteTitle(entryTitle);
  const existing = () =>
    notes.find((note) => !note.path.includes('/') && note.title.toLowerCase() === title.toLowerCase());
  const found = existing();
  if (found) return found;
  try {
    const created: Note = await api.createNote({ title });
    return created;
  } catch (error) {
    const listed =
      isNotebookError(error) && error.code === 'already-exists'
        ? (await api.listNotes()).find(
            (note) => !note.path.includes('/') && note.title.toLowerCase() === title.toLowerCase(),
          )
        : undefined;
    if (listed) return listed;
    throw error;
  }
}
