/**
 * Block ids in the editor: text ending a paragraph, list item or heading as ` ^abc-123`
 * (the rule the note model reads, `BLOCK_ID_AT_END`) becomes a BlockIdNode, hidden by its
 * style; the block holding the caret is marked (`data-caret-block`) so its id shows faintly
 * there, to be read or edited. Text that no longer ends its block as an id is text again.
 */
import { $isCodeNode } from '@lexical/code';
import { $isLinkNode } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { BLOCK_ID_AT_END } from '@shared/markdown/analyzeNote';
import {
  $createTextNode,
  $getSelection,
  $getState,
  $isElementNode,
  $isRangeSelection,
  type ElementNode,
  type LexicalEditor,
  type LexicalNode,
  TextNode,
} from 'lexical';
import { useEffect } from 'react';
import { escapedLiteralsState } from '../markdown/fidelity/states';
import { $createBlockIdNode, $isBlockIdNode, BlockIdNode } from './BlockIdNode';

/** Where a block id starts in `text` (its `^`), when the text ends with one; -1 otherwise. */
export function blockIdStart(text: string): number {
  const match = BLOCK_ID_AT_END.exec(text);
  return match ? match.index + match[0].indexOf('^') : -1;
}

/** True when `node` ends its block (in Lexical a list item's nested list is in the next item). */
function $endsBlock(node: LexicalNode): boolean {
  const parent = node.getParent();
  if (parent === null || $isCodeNode(parent) || $isLinkNode(parent) || parent.isInline()) return false;
  return node.getNextSibling() === null;
}

function $escapedOf(node: LexicalNode): readonly string[] {
  const parent = node.getParent();
  return $isElementNode(parent) ? $getState(parent, escapedLiteralsState) : [];
}

/** Registers the block-id transforms on `editor`; returns their cleanup. */
export function registerBlockIds(editor: LexicalEditor): () => void {
  return mergeRegister(
    editor.registerNodeTransform(TextNode, (node) => {
      if (node.getType() !== 'text' || !node.isSimpleText() || node.hasFormat('code')) return;
      const text = node.getTextContent();
      if (!text.includes('^') || !$endsBlock(node)) return;
      const start = blockIdStart(text);
      if (start < 0 || $escapedOf(node).includes(text.slice(start).trim())) return;
      const parts = node.splitText(start);
      const target = start === 0 ? parts[0]! : parts[1]!;
      target.replace($createBlockIdNode(target.getTextContent()).setFormat(target.getFormat()));
    }),
    editor.registerNodeTransform(BlockIdNode, (node) => {
      const text = node.getTextContent();
      if (blockIdStart(text) === 0 && $endsBlock(node)) {
        const previous = node.getPreviousSibling();
        // An id needs a space or the line's start before it (`a^b` is no id).
        const before = previous?.getTextContent().slice(-1) ?? '';
        if (before === '' || /[ \t\n]/.test(before)) return;
      }
      node.replace($createTextNode(text).setFormat(node.getFormat()));
    }),
  );
}

/** The block holding the caret when it has a block id, or null. */
function $caretBlock(): ElementNode | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  for (let node: LexicalNode | null = selection.anchor.getNode(); node !== null; node = node.getParent()) {
    if ($isElementNode(node) && !node.isInline()) return node.getChildren().some($isBlockIdNode) ? node : null;
  }
  return null;
}

export function BlockIdPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    if (!editor.hasNodes([BlockIdNode])) return;
    let marked: HTMLElement | null = null;
    const mark = (element: HTMLElement | null) => {
      if (marked === element) return;
      marked?.removeAttribute('data-caret-block');
      marked = element;
      marked?.setAttribute('data-caret-block', '');
    };
    return mergeRegister(
      registerBlockIds(editor),
      editor.registerUpdateListener(({ editorState }) => {
        const key = editorState.read(() => $caretBlock()?.getKey() ?? null);
        mark(key === null ? null : editor.getElementByKey(key));
      }),
      () => mark(null),
    );
  }, [editor]);
  return null;
}
