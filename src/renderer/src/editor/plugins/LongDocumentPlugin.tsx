import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $getRoot,
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_LOW,
  type EditorState,
  KEY_DOWN_COMMAND,
  RootNode,
} from 'lexical';
import { useLayoutEffect, useRef } from 'react';
import { watchFarBlocks } from './farBlocks';
import { IS_APPLE, matchesShortcut, type Shortcut } from '../../ui/shortcuts';

/** Top-level blocks from which a document counts as long (a 20,000-word note has about 600). */
export const LONG_DOCUMENT_BLOCKS = 150;

/** The attribute set on the editing surface of a long document. */
export const LONG_DOCUMENT_ATTRIBUTE = 'data-long-document';

/** Keys that move the caret to the end (start) of the document; with Shift they extend the selection. */
const TO_END: Shortcut = IS_APPLE ? ['Mod', 'ArrowDown'] : ['Mod', 'End'];
const TO_START: Shortcut = IS_APPLE ? ['Mod', 'ArrowUp'] : ['Mod', 'Home'];

/**
 * Moves the caret to the end or start of the document (Shift: moves the selection's focus
 * there). The browser does this from the layout, which it skips for the blocks out of
 * view: Ctrl+End there stops at the start of the last block. Returns false for any other key.
 */
function $moveToEdge(event: KeyboardEvent): boolean {
  const toEnd = matchesShortcut(event, TO_END) || matchesShortcut(event, ['Shift', ...TO_END]);
  if (!toEnd && !matchesShortcut(event, TO_START) && !matchesShortcut(event, ['Shift', ...TO_START])) return false;
  const previous = $getSelection();
  // A copy: selecting moves the points of the current selection.
  const anchor = event.shiftKey && $isRangeSelection(previous) ? { ...previous.anchor } : null;
  const root = $getRoot();
  const moved = toEnd ? root.selectEnd() : root.selectStart();
  if (anchor) moved.anchor.set(anchor.key, anchor.offset, anchor.type);
  event.preventDefault();
  return true;
}

/**
 * Marks the editing surface of a long document (`data-long-document`), so the theme lets
 * the browser skip the style, layout and paint of the blocks out of view
 * (`content-visibility: auto`, see editor.css). Without it, every keystroke in a long note
 * costs time proportional to the whole note in Chromium itself: on each selection change
 * it walks all the text before the caret (the surrounding text it hands to input
 * methods), and each frame it revisits every painted block. O(1): it reads the number of
 * top-level blocks, when they change. Blocks far from the view are also left out of the
 * browser's per-frame check of which blocks are in view (watchFarBlocks, farBlocks.ts).
 *
 * In a long document, moving to the end or start of the document (Ctrl+End / Ctrl+Home,
 * ⌘↓ / ⌘↑, with or without Shift) is done in the editor's model, since the browser would
 * place the caret from the layout of blocks it skipped.
 */
export function LongDocumentPlugin({
  threshold = LONG_DOCUMENT_BLOCKS,
  loading = false,
}: {
  threshold?: number;
  /**
   * True while a note is loaded in slices (DocumentLoader): it is marked long from its
   * first slice, so its blocks are skipped as they arrive rather than all laid out and
   * styled again when the count reaches `threshold`.
   */
  loading?: boolean;
}): null {
  const [editor] = useLexicalComposerContext();
  const loadingRef = useRef(loading);
  const recheck = useRef<() => void>(() => undefined);
  // A layout effect: the mark must be on before anything measures the document (plugins
  // registering transforms read the DOM selection), or the browser lays out all of it once.
  useLayoutEffect(() => {
    let long = false;
    let stopFar: (() => void) | null = null;
    const apply = (root: HTMLElement | null) => {
      root?.toggleAttribute(LONG_DOCUMENT_ATTRIBUTE, long);
      stopFar?.();
      stopFar = long && root ? watchFarBlocks(editor, root) : null;
    };
    const check = (state: EditorState) => {
      const next = loadingRef.current || state.read(() => $getRoot().getChildrenSize()) >= threshold;
      if (next === long) return;
      long = next;
      apply(editor.getRootElement());
    };
    check(editor.getEditorState());
    recheck.current = () => check(editor.getEditorState());
    return mergeRegister(
      editor.registerRootListener((root, previous) => {
        previous?.removeAttribute(LONG_DOCUMENT_ATTRIBUTE);
        apply(root);
      }),
      editor.registerCommand(KEY_DOWN_COMMAND, (event) => long && $moveToEdge(event), COMMAND_PRIORITY_LOW),
      // A root transform runs inside the update that adds or removes top-level blocks,
      // before the new blocks are rendered and the selection is placed (which makes the
      // browser lay out the document): a large paste is marked before it is laid out.
      editor.registerNodeTransform(RootNode, (root) => {
        const next = loadingRef.current || root.getChildrenSize() >= threshold;
        if (next === long) return;
        long = next;
        apply(editor.getRootElement());
      }),
      () => {
        long = false;
        apply(editor.getRootElement());
      },
    );
  }, [editor, threshold]);
  useLayoutEffect(() => {
    loadingRef.current = loading;
    recheck.current();
  }, [loading]);
  return null;
}
