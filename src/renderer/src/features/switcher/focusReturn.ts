/** Where the focus and the text selection were, to put them back after a panel or picker. */
export interface FocusPoint {
  element: Element | null;
  /** The selection at that time, restored when the element is editable (the editor's caret). */
  selection: Range | null;
}

/** Remembers the focused element and the text selection. */
export function captureFocus(): FocusPoint {
  const selection = window.getSelection();
  return {
    element: document.activeElement,
    selection: selection && selection.rangeCount > 0 ? selection.getRangeAt(0).cloneRange() : null,
  };
}

/**
 * Focuses the remembered element again, and for editable text puts the caret or selection
 * back too (focusing a contenteditable alone would move the caret to its start). Returns
 * false when the element is gone (the document it was in has been closed).
 */
export function restoreFocus(point: FocusPoint): boolean {
  const { element, selection } = point;
  if (!(element instanceof HTMLElement) || !element.isConnected || element === document.body) return false;
  element.focus({ preventScroll: true });
  if (selection && element.isContentEditable && element.contains(selection.startContainer)) {
    const current = window.getSelection();
    current?.removeAllRanges();
    current?.addRange(selection);
  }
  return true;
}
