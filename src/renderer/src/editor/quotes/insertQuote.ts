import { $createQuoteNode } from '@lexical/rich-text';
import type { WikiLinkParts } from '@shared/links/formatWikiLink';
import {
  $createLineBreakNode,
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isParagraphNode,
  $isRangeSelection,
  $isRootOrShadowRoot,
  type LexicalNode,
} from 'lexical';
import { $createWikiLinkNode } from '../nodes/WikiLinkNode';

/** A passage quoted from a glossary entry, with the link back to it (issue #17). */
export interface QuoteBlock {
  /** The passage as plain text; its paragraphs become lines of the quote. */
  passage: string;
  /** The link back, written on the quote's last line after a dash: `[[Entry#^h-1|Entry]]`. */
  link: WikiLinkParts;
}

/**
 * Inserts `quote` as a quote block after the block holding the caret (before it when the
 * caret is at its very start; in place of it when it is an empty paragraph; at the end of
 * the note without a caret), then puts the caret right after the quote, so writing goes on
 * below it. Saved as
 *
 *     > first line of the passage
 *     > second line
 *     > — [[Entry#^h-1|Entry]]
 *
 * The passage is text, never Markdown: what it holds (`*`, `[[`, `<b>`) is written escaped
 * by the export, as anything typed is. Needs an update context.
 */
export function $insertQuote({ passage, link }: QuoteBlock): void {
  const node = $createQuoteNode();
  const lines = passage
    .split(/\n+/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  for (const line of lines) node.append($createTextNode(line), $createLineBreakNode());
  node.append(
    $createTextNode('— '),
    $createWikiLinkNode({ target: link.target, heading: link.heading ?? null, label: link.label ?? null }),
  );

  const block = $caretBlock();
  if (block !== null && $caretAtStartOf(block)) {
    // At the very start of a block (a drop before its first word), the quote goes above it.
    block.insertBefore(node);
    if ($isElementNode(block)) block.selectStart();
    return;
  }
  if (block === null) $getRoot().append(node);
  else if ($isParagraphNode(block) && block.getTextContentSize() === 0) block.replace(node);
  else block.insertAfter(node);

  const next = node.getNextSibling();
  if ($isParagraphNode(next) && next.getTextContentSize() === 0) next.selectStart();
  else {
    const paragraph = $createParagraphNode();
    node.insertAfter(paragraph);
    paragraph.selectStart();
  }
}

/** True when the selection is a caret before the first character of non-empty `block`. */
function $caretAtStartOf(block: LexicalNode): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed() || block.getTextContentSize() === 0) return false;
  const { focus } = selection;
  if (focus.offset !== 0 || !$isElementNode(block)) return false;
  const node = focus.getNode();
  return node === block || node === block.getFirstDescendant();
}

/** The top-level block holding the selection's focus, or null. */
function $caretBlock(): LexicalNode | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const node = selection.focus.getNode();
  if ($isRootOrShadowRoot(node)) {
    const child = node.getChildAtIndex(selection.focus.offset) ?? node.getLastChild();
    return child && !$isRootOrShadowRoot(child) ? (child.getTopLevelElement() ?? null) : null;
  }
  return node.getTopLevelElement();
}
