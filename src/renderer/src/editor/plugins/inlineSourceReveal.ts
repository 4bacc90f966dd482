/**
 * Inline nodes that stand for a piece of Markdown source and show something else (a typeset
 * formula, embed frames) give their source back as text when the caret reaches them, as
 * Obsidian's live preview does. What is shared: replacing the node by its source text with
 * the caret in it, and the arrow keys that step into a node beside the caret.
 */
import {
  $createTextNode,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isTextNode,
  COMMAND_PRIORITY_LOW,
  KEY_ARROW_LEFT_COMMAND,
  KEY_ARROW_RIGHT_COMMAND,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { mergeRegister } from '@lexical/utils';

/** A node that keeps the Markdown it stands for. */
export interface SourceNode extends LexicalNode {
  getSource(): string;
}

/** Replaces `node` by its source text, the caret at `offset` in it (clamped). */
export function $revealSource(node: SourceNode, offset: number): void {
  const source = node.getSource();
  const text = $createTextNode(source);
  node.replace(text);
  const at = Math.max(0, Math.min(source.length, offset));
  text.select(at, at);
}

/** The node right after (or before) a collapsed caret, or null. */
function $besideCaret(forward: boolean): LexicalNode | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return null;
  const anchor = selection.anchor;
  const node = anchor.getNode();
  if (anchor.type === 'text' && $isTextNode(node)) {
    if (forward) return anchor.offset === node.getTextContentSize() ? node.getNextSibling() : null;
    return anchor.offset === 0 ? node.getPreviousSibling() : null;
  }
  if ($isElementNode(node)) return node.getChildAtIndex(forward ? anchor.offset : anchor.offset - 1);
  return null;
}

/**
 * Arrow Right into a node of the kind `is` accepts reveals its source with the caret at
 * `enteredFromLeft(node)`, Arrow Left at `enteredFromRight(node)`; Shift+arrow selects as usual.
 */
export function registerArrowReveal<T extends SourceNode>(
  editor: LexicalEditor,
  is: (node: LexicalNode | null) => node is T,
  enteredFromLeft: (node: T) => number,
  enteredFromRight: (node: T) => number,
): () => void {
  const arrow = (forward: boolean) => (event: KeyboardEvent) => {
    const node = $besideCaret(forward);
    if (!is(node) || event.shiftKey) return false;
    event.preventDefault();
    $revealSource(node, forward ? enteredFromLeft(node) : enteredFromRight(node));
    return true;
  };
  return mergeRegister(
    editor.registerCommand(KEY_ARROW_RIGHT_COMMAND, arrow(true), COMMAND_PRIORITY_LOW),
    editor.registerCommand(KEY_ARROW_LEFT_COMMAND, arrow(false), COMMAND_PRIORITY_LOW),
  );
}
