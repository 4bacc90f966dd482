import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { HISTORY_MERGE_TAG } from 'lexical';
import { useEffect } from 'react';
import { showTermHighlights, type ShownHighlights } from '../../ui/highlight/showTermHighlights';
import { clearOnEscape, clearTermHighlight, useTermHighlightRequest } from '../../ui/highlight/termHighlightRequest';
import { LOAD_DOCUMENT_TAG, LOAD_MORE_TAG } from './ContentChangePlugin';

/** Quiet time after the last slice of a loading note before the matches are painted. */
const SLICES_SETTLE_MS = 200;

/**
 * Shows the words of an opened search result in the note: every match painted with the CSS
 * Custom Highlight API (nothing is added to Lexical's DOM, so the document and undo history
 * are untouched) and the first one scrolled into view. The highlights go away on the user's
 * next edit, when the document is replaced (changed on disk) or on Escape.
 *
 * Only the main note view hosts an editor, and a request for a note is dropped as soon as
 * another document is opened, so a note request is always for this editor's note.
 */
export function HighlightTermsPlugin(): null {
  const [editor] = useLexicalComposerContext();
  const request = useTermHighlightRequest();
  const active = request?.ref.kind === 'note' ? request : null;

  useEffect(() => {
    if (!active) return;
    let shown: ShownHighlights | null = null;
    let revealed = false;
    const paint = () => {
      const root = editor.getRootElement();
      shown?.dispose();
      shown = root ? showTermHighlights(root, active.terms, { scroll: !revealed }) : null;
      if (shown && shown.count > 0) revealed = true;
    };
    // Called at once with the current root, and again if the editor gets another one.
    const offRoot = editor.registerRootListener(paint);
    let slices: ReturnType<typeof setTimeout> | undefined;
    const offUpdate = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, prevEditorState, tags }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      // A long note arriving in slices: painted once they stop coming, not over the whole note after each.
      if (tags.has(LOAD_MORE_TAG)) {
        clearTimeout(slices);
        slices = setTimeout(paint, SLICES_SETTLE_MS);
        return;
      }
      const loading = prevEditorState.isEmpty() || tags.has(HISTORY_MERGE_TAG);
      // The user typed (or the note was reloaded from disk): the matches are stale.
      if (!loading || tags.has(LOAD_DOCUMENT_TAG)) clearTermHighlight(active);
      // Lexical's own bookkeeping re-rendered some text: paint the fresh DOM again.
      else paint();
    });
    const offEscape = clearOnEscape(active);
    return () => {
      clearTimeout(slices);
      offRoot();
      offUpdate();
      offEscape();
      shown?.dispose();
    };
  }, [editor, active]);

  return null;
}
