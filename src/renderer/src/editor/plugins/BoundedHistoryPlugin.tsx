import { createEmptyHistoryState, type HistoryState, registerHistory } from '@lexical/history';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useState } from 'react';

/** Undo steps kept per note. Each step holds an editor state, so the stack must be bounded. */
export const HISTORY_LIMIT = 300;

/** Consecutive edits of one kind (typing, deleting) within this many ms make one undo step. */
const MERGE_DELAY_MS = 1000;

/**
 * Undo/redo (Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z, Ctrl+Y) with a bounded stack: once `limit` steps
 * are stored, the oldest is dropped for each new one, so memory stays flat in long
 * sessions. `historyState` may be shared with the owner (e.g. to inspect it); by default
 * the plugin keeps its own.
 */
export function BoundedHistoryPlugin({
  historyState: external,
  limit = HISTORY_LIMIT,
}: {
  historyState?: HistoryState;
  limit?: number;
}): null {
  const [editor] = useLexicalComposerContext();
  const [own] = useState(createEmptyHistoryState);
  const historyState = external ?? own;
  useEffect(
    // @lexical/history trims the front of `undoStack` itself once `limit` is passed.
    () => registerHistory(editor, historyState, MERGE_DELAY_MS, Date.now, undefined, limit),
    [editor, historyState, limit],
  );
  return null;
}
