import { $createCodeNode, $isCodeNode } from '@lexical/code';
import {
  $isListNode,
  INSERT_CHECK_LIST_COMMAND,
  INSERT_ORDERED_LIST_COMMAND,
  INSERT_UNORDERED_LIST_COMMAND,
  ListNode,
  REMOVE_LIST_COMMAND,
} from '@lexical/list';
import { $createHeadingNode, $createQuoteNode, $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { $getNearestNodeOfType } from '@lexical/utils';
import {
  $createParagraphNode,
  $findMatchingParent,
  $getSelection,
  $isParagraphNode,
  $isRangeSelection,
  $isRootOrShadowRoot,
  type BaseSelection,
  type ElementNode,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';

/** The kinds of block the block-type control shows. `other` is any block it cannot set. */
export type BlockType =
  'paragraph' | 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6' | 'bullet' | 'number' | 'check' | 'quote' | 'code' | 'other';

/** Block types offered in the toolbar, in order, with their visible names. */
export const BLOCK_TYPE_LABELS = {
  paragraph: 'Paragraph',
  h1: 'Heading 1',
  h2: 'Heading 2',
  h3: 'Heading 3',
  bullet: 'Bulleted list',
  number: 'Numbered list',
  check: 'Check list',
  quote: 'Quote',
  code: 'Code block',
} as const satisfies Partial<Record<BlockType, string>>;

export type SettableBlockType = keyof typeof BLOCK_TYPE_LABELS;

/** Names of the block types the toolbar only displays (set by pasted or loaded content). */
export const OTHER_BLOCK_LABELS: Record<Exclude<BlockType, SettableBlockType>, string> = {
  h4: 'Heading 4',
  h5: 'Heading 5',
  h6: 'Heading 6',
  other: 'Other block',
};

/** The top-level block holding `node`: a child of the root or of a table cell. */
function $blockOf(node: LexicalNode): ElementNode | null {
  return $findMatchingParent(node, (candidate): candidate is ElementNode => {
    const parent = candidate.getParent();
    return parent !== null && $isRootOrShadowRoot(parent);
  }) as ElementNode | null;
}

/**
 * The block type at the selection's anchor (O(depth), never O(document)). Lists report the
 * nearest list's type, so a bullet nested in a numbered list shows as bulleted.
 */
export function $getBlockType(selection: BaseSelection | null): BlockType {
  if (!$isRangeSelection(selection)) return 'paragraph';
  const anchor = selection.anchor.getNode();
  if ($isRootOrShadowRoot(anchor)) return 'paragraph';
  const list = $getNearestNodeOfType(anchor, ListNode);
  if (list !== null) return list.getListType();
  const block = $blockOf(anchor);
  if (block === null || $isParagraphNode(block)) return 'paragraph';
  if ($isHeadingNode(block)) return block.getTag();
  if ($isQuoteNode(block)) return 'quote';
  if ($isCodeNode(block)) return 'code';
  if ($isListNode(block)) return block.getListType();
  return 'other';
}

/**
 * Turns the selected blocks into `target`. Choosing the current list type again removes
 * the list when `toggle` is set (keyboard shortcuts), and is a no-op otherwise (the
 * block-type menu). Runs its own update; call it outside one.
 */
export function formatBlock(
  editor: LexicalEditor,
  target: SettableBlockType,
  current: BlockType,
  toggle = false,
): void {
  if (target === 'bullet' || target === 'number' || target === 'check') {
    if (current === target) {
      if (toggle) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
      return;
    }
    const command = {
      bullet: INSERT_UNORDERED_LIST_COMMAND,
      number: INSERT_ORDERED_LIST_COMMAND,
      check: INSERT_CHECK_LIST_COMMAND,
    }[target];
    editor.dispatchCommand(command, undefined);
    return;
  }
  editor.update(() => {
    const selection = $getSelection();
    if (selection === null) return;
    switch (target) {
      case 'paragraph':
        $setBlocksType(selection, () => $createParagraphNode());
        return;
      case 'quote':
        $setBlocksType(selection, () => $createQuoteNode());
        return;
      case 'code':
        if (current === 'code') return;
        if ($isRangeSelection(selection) && !selection.isCollapsed()) {
          // A multi-block selection becomes one code block holding its plain text.
          const text = selection.getTextContent();
          const code = $createCodeNode();
          selection.insertNodes([code]);
          const inside = $getSelection();
          if ($isRangeSelection(inside)) inside.insertRawText(text);
        } else {
          $setBlocksType(selection, () => $createCodeNode());
        }
        return;
      default:
        $setBlocksType(selection, () => $createHeadingNode(target));
    }
  });
}
