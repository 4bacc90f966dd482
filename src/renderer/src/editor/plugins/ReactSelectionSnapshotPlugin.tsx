import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLayoutEffect } from 'react';

/**
 * What the editing surface's `contentEditable` property reports while it is editable.
 * Not "true", the one value React looks for; still an editable value (not "false" or
 * "inherit") for anything else that reads it.
 */
export const REPORTED_CONTENT_EDITABLE = 'plaintext-only';

const nativeContentEditable = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'contentEditable');

/**
 * Keeps React from walking the whole note on each of its commits.
 *
 * Before every commit, anywhere in the app, React DOM records the selection of the focused
 * element when that element can hold one (`contentEditable === "true"`), to put it back if
 * the commit moved focus. For a contenteditable it does so by walking every DOM node under
 * it and adding up text lengths: while the user types in a long note, each commit (the save
 * status, the notes list, the link panels after a save) costs time proportional to the
 * whole note, and keys pressed meanwhile wait. Lexical keeps and restores its own
 * selection, so React's copy is never needed.
 *
 * The editing surface's own `contentEditable` property therefore reports
 * REPORTED_CONTENT_EDITABLE instead of "true". The attribute, `isContentEditable` and the
 * browser's editing behaviour are untouched, and setting the property still works.
 */
export function ReactSelectionSnapshotPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useLayoutEffect(() => {
    if (!nativeContentEditable?.get || !nativeContentEditable.set) return;
    const { get, set } = nativeContentEditable;
    const hide = (element: HTMLElement) =>
      Object.defineProperty(element, 'contentEditable', {
        configurable: true,
        enumerable: nativeContentEditable.enumerable,
        get(this: HTMLElement) {
          const value = get.call(this) as string;
          return value === 'true' ? REPORTED_CONTENT_EDITABLE : value;
        },
        set(this: HTMLElement, value: string) {
          set.call(this, value);
        },
      });
    const restore = (element: HTMLElement) => {
      delete (element as { contentEditable?: string }).contentEditable;
    };
    let current: HTMLElement | null = null;
    const off = editor.registerRootListener((root, previous) => {
      if (previous) restore(previous);
      if (root) hide(root);
      current = root;
    });
    return () => {
      off();
      if (current) restore(current);
    };
  }, [editor]);
  return null;
}
