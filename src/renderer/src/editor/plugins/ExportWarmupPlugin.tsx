import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { PASTE_TAG } from 'lexical';
import { useEffect } from 'react';
import { $warmExportCache } from '../markdown/exportMarkdown';
import { sliceBudget } from '../markdown/warmExport';
import { APPLY_DOCUMENT_TAG, LOAD_DOCUMENT_TAG, LOAD_MORE_TAG, PASTE_MORE_TAG } from './ContentChangePlugin';

/** Idle time left in a slice below which the warm-up hands the main thread back. */
const MIN_SLICE_MS = 2;

/**
 * Prepares the next save while the browser is idle: after a note is loaded, replaced or
 * merged with a change on disk (or a slice of a long one arrives), and after a paste, the blocks' Markdown is computed in
 * slices of idle time (`$warmExportCache`), so the first autosave only serializes what the
 * user changed instead of a long note at once while they type. A slice uses the idle
 * period until input is waiting (a browser with nothing to do grants up to 50 ms, and a
 * key pressed meanwhile must not wait for the slice to end; see sliceBudget). Changes
 * nothing in the document; does nothing where `requestIdleCallback` is missing (test DOMs).
 */
export function ExportWarmupPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    if (typeof requestIdleCallback !== 'function') return;
    let handle: number | undefined;
    let next = 0;
    const step = (deadline: IdleDeadline) => {
      handle = undefined;
      // Not while a long note is still loading (the editor is read-only then): it starts again after.
      if (!editor.isEditable()) return;
      const inSlice = sliceBudget();
      const goOn = () => deadline.timeRemaining() > MIN_SLICE_MS && inSlice();
      next = editor.getEditorState().read(() => $warmExportCache(next, goOn), { editor });
      if (next >= 0) handle = requestIdleCallback(step);
    };
    const start = () => {
      next = 0;
      handle ??= requestIdleCallback(step);
    };
    start();
    const offEditable = editor.registerEditableListener((editable) => {
      if (editable) start();
    });
    const offUpdate = editor.registerUpdateListener(({ tags }) => {
      const tagged = [LOAD_DOCUMENT_TAG, APPLY_DOCUMENT_TAG, LOAD_MORE_TAG, PASTE_TAG, PASTE_MORE_TAG];
      if (tagged.some((tag) => tags.has(tag))) start();
    });
    return () => {
      offEditable();
      offUpdate();
      if (handle !== undefined) cancelIdleCallback(handle);
    };
  }, [editor]);
  return null;
}
