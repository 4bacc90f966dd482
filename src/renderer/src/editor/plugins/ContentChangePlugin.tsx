import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { HISTORY_MERGE_TAG } from 'lexical';
import { useEffect, useRef } from 'react';

/**
 * Update tag of programmatic document replacements (loading a note, `setMarkdown`). Such
 * updates are not the user's edits, so they never reach `onChange`.
 */
export const LOAD_DOCUMENT_TAG = 'study-notebook:load-document';

/**
 * Update tag of a change made on disk merged into the document as an edit (`applyMarkdown`):
 * not the user's edit either, but unlike a load it keeps the caret and the undo history.
 */
export const APPLY_DOCUMENT_TAG = 'study-notebook:apply-document';

/**
 * Update tag of the slices that append the rest of a long document after its first part
 * (DocumentLoader). Not the user's edits either.
 */
export const LOAD_MORE_TAG = 'study-notebook:load-more';

/**
 * Update tag of the slices of a large paste after its first (LargePastePlugin). They are
 * the user's edit, merged into the paste's undo step (so also tagged history-merge).
 */
export const PASTE_MORE_TAG = 'study-notebook:paste-more';

/**
 * Update tag of the update that inserts the last slice of a large paste (LargePastePlugin):
 * the edit is complete, nothing more of it is coming.
 */
export const PASTE_END_TAG = 'study-notebook:paste-end';

/** What `onChange` says about the change. */
export interface ContentChange {
  /**
   * True for the last part of an edit that arrived in slices (a large paste): it is
   * complete, so it can be saved at once; a pause in typing need not be waited for.
   */
  complete: boolean;
}

/**
 * Calls `onChange` after every content change made by the user, including undo and redo.
 * Not for selection-only updates, not for the initial load or a `LOAD_DOCUMENT_TAG`,
 * `APPLY_DOCUMENT_TAG` or `LOAD_MORE_TAG` update, and not for Lexical's own bookkeeping updates (tagged
 * history-merge: attaching the root, re-running transforms when a plugin registers). O(1)
 * per update: it only looks at the sizes of the dirty sets and the tags, never at the
 * document.
 */
export function ContentChangePlugin({ onChange }: { onChange?: (change: ContentChange) => void }): null {
  const [editor] = useLexicalComposerContext();
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  useEffect(
    () =>
      editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, prevEditorState, tags }) => {
        if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
        if (prevEditorState.isEmpty()) return;
        if (tags.has(HISTORY_MERGE_TAG) && !tags.has(PASTE_MORE_TAG)) return;
        if (tags.has(LOAD_DOCUMENT_TAG) || tags.has(LOAD_MORE_TAG) || tags.has(APPLY_DOCUMENT_TAG)) return;
        onChangeRef.current?.({ complete: tags.has(PASTE_END_TAG) });
      }),
    [editor],
  );
  return null;
}
