import { $isListItemNode, ListItemNode } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNearestNodeOfType } from '@lexical/utils';
import {
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_LOW,
  INDENT_CONTENT_COMMAND,
  KEY_TAB_COMMAND,
  OUTDENT_CONTENT_COMMAND,
} from 'lexical';
import { useEffect } from 'react';

/** Deepest nesting Tab creates; deeper lists are rare in notes and hard to read. */
const MAX_LIST_DEPTH = 6;

/**
 * Tab and Shift+Tab nest and un-nest list items. Everywhere else Tab keeps its usual
 * meaning (moving focus out of the editor, cells in tables, indentation in code blocks):
 * indenting paragraphs would have no Markdown form. An item is only nested under a
 * previous item, since a nested list with no parent item is not valid Markdown nesting.
 */
export function ListTabIndentationPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        KEY_TAB_COMMAND,
        (event) => {
          const selection = $getSelection();
          if (!$isRangeSelection(selection)) return false;
          const [first, last] = selection.isBackward()
            ? [selection.focus, selection.anchor]
            : [selection.anchor, selection.focus];
          const firstItem = $getNearestNodeOfType(first.getNode(), ListItemNode);
          const lastItem = $getNearestNodeOfType(last.getNode(), ListItemNode);
          if (firstItem === null || lastItem === null) return false;
          event.preventDefault();
          if (event.shiftKey) return editor.dispatchCommand(OUTDENT_CONTENT_COMMAND, undefined);
          if (!$isListItemNode(firstItem.getPreviousSibling())) return true;
          if (firstItem.getIndent() + 1 >= MAX_LIST_DEPTH) return true;
          return editor.dispatchCommand(INDENT_CONTENT_COMMAND, undefined);
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor],
  );
  return null;
}
