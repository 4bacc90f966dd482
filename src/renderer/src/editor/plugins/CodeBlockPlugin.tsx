import { $isCodeNode, type CodeNode } from '@lexical/code';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $createTabNode,
  $findMatchingParent,
  $getSelection,
  $isLineBreakNode,
  $isRangeSelection,
  $isTabNode,
  $isTextNode,
  COMMAND_PRIORITY_LOW,
  INSERT_TAB_COMMAND,
  KEY_TAB_COMMAND,
  type LexicalEditor,
  type LexicalNode,
  type PointType,
} from 'lexical';
import { useEffect } from 'react';

/** Spaces Shift+Tab removes from a line indented with spaces. */
const INDENT_WIDTH = 4;

/** Index in `code`'s children of the child holding `point`. */
function $childIndex(code: CodeNode, point: PointType): number {
  const node = point.getNode();
  if (node.is(code)) return Math.max(0, Math.min(point.offset, code.getChildrenSize() - 1));
  const child = $findMatchingParent(node, (candidate) => code.is(candidate.getParent()));
  return child === null ? 0 : child.getIndexWithinParent();
}

/** For each line touched by `[from, to]`: the node it starts with (null for an empty last line). */
function $lineStarts(code: CodeNode, from: number, to: number): Array<LexicalNode | null> {
  const children = code.getChildren();
  let start = from;
  while (start > 0 && !$isLineBreakNode(children[start - 1])) start--;
  const starts: Array<LexicalNode | null> = [children[start] ?? null];
  for (let index = start + 1; index <= to; index++) {
    if ($isLineBreakNode(children[index - 1])) starts.push(children[index] ?? null);
  }
  return starts;
}

function $indentLine(code: CodeNode, first: LexicalNode | null): void {
  const tab = $createTabNode();
  if (first === null) code.append(tab);
  else first.insertBefore(tab);
}

function $outdentLine(first: LexicalNode | null): void {
  if ($isTabNode(first)) {
    first.remove();
  } else if ($isTextNode(first)) {
    const text = first.getTextContent();
    const width = text.startsWith('\t') ? 1 : (/^ */.exec(text)?.[0].length ?? 0);
    const removed = Math.min(width, INDENT_WIDTH);
    if (removed > 0) first.spliceText(0, removed, '', true);
  }
}

function handleTab(editor: LexicalEditor, event: KeyboardEvent): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return false;
  const code = $findMatchingParent(selection.anchor.getNode(), $isCodeNode);
  if (code === null || !code.is($findMatchingParent(selection.focus.getNode(), $isCodeNode))) return false;
  event.preventDefault();
  if (!event.shiftKey && selection.isCollapsed()) return editor.dispatchCommand(INSERT_TAB_COMMAND, undefined);
  const [first, last] = selection.isBackward()
    ? [selection.focus, selection.anchor]
    : [selection.anchor, selection.focus];
  const lines = $lineStarts(code, $childIndex(code, first), $childIndex(code, last));
  for (const line of lines) {
    if (event.shiftKey) $outdentLine(line);
    else $indentLine(code, line);
  }
  return true;
}

/**
 * Tab in a code block indents like a code editor: it inserts a tab at the caret, or
 * indents every selected line; Shift+Tab outdents the current or selected lines (a tab or
 * up to four spaces). Outside code blocks Tab is left alone. The block's language label
 * comes from the theme (`data-language`) and is edited in the toolbar.
 */
export function CodeBlockPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () => editor.registerCommand(KEY_TAB_COMMAND, (event) => handleTab(editor, event), COMMAND_PRIORITY_LOW),
    [editor],
  );
  return null;
}
