import type { NotebookApi } from '@shared/api/NotebookApi';
import type { DocRef } from '@shared/domain/docRef';
import type { MentionContext, MentionGroup } from '@shared/domain/links';
import { requestNoteRecheck } from '../links/noteRecheck';
import { flushAllNotes } from '../notes/openSessions';

/** Mentions turned into links in one note, with what undoing needs. */
export interface LinkedChange {
  path: string;
  title: string;
  linked: number;
  /** The note's text before (restored by undo). */
  previousContent: string;
  /** The note's version right after linking (undo refuses if it changed since). */
  version: string;
}

/**
 * Turns unlinked mentions in one note into links to `ref` (the backend keeps the written
 * text as the label where it differs from the title). Open notes are saved first, so the
 * backend links the text the user sees; the open editor of the note reloads on its own (the
 * backend marks the rewrite as a change made outside the editor).
 */
export async function linkMentions(
  api: Pick<NotebookApi, 'linkMentions'>,
  ref: DocRef,
  group: Pick<MentionGroup, 'path' | 'title'>,
  mentions: readonly MentionContext[],
): Promise<LinkedChange> {
  await flushAllNotes();
  const result = await api.linkMentions({
    path: group.path,
    ref,
    mentions: mentions.map(({ start, end, source }) => ({ start, end, source })),
  });
  return { path: group.path, title: group.title, ...result };
}

export type UndoOutcome = 'undone' | 'changed-since';

/**
 * Puts the note back as it was before `change`, unless it changed since (then nothing is
 * written: undoing would lose that edit). The open editor of the note is asked to reload.
 */
export async function undoLinkedChange(
  api: Pick<NotebookApi, 'readNote' | 'saveNote'>,
  change: LinkedChange,
): Promise<UndoOutcome> {
  await flushAllNotes();
  const now = await api.readNote({ path: change.path });
  if (now.version !== change.version) return 'changed-since';
  const result = await api.saveNote({
    path: change.path,
    content: change.previousContent,
    baseVersion: change.version,
  });
  requestNoteRecheck(change.path);
  return result.status === 'saved' ? 'undone' : 'changed-since';
}
