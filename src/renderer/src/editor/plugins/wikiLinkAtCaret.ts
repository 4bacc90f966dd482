import { $getNearestNodeFromDOMNode, $getSelection, $isElementNode, $isRangeSelection, $isTextNode } from 'lexical';
import { $isWikiLinkNode, type WikiLinkNode } from '../nodes/WikiLinkNode';

/**
 * The wiki link the caret is on or touches: the link just before a collapsed caret first
 * (the one just typed or moved past), else the one just after it. Null for a selection
 * of text or no link nearby. Needs a read or update context.
 */
export function $wikiLinkAtCaret(): WikiLinkNode | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return null;
  const { anchor } = selection;
  const node = anchor.getNode();
  if ($isWikiLinkNode(node)) return node;
  if ($isTextNode(node)) {
    const before = anchor.offset === 0 ? node.getPreviousSibling() : null;
    const after = anchor.offset === node.getTextContentSize() ? node.getNextSibling() : null;
    if ($isWikiLinkNode(before)) return before;
    if ($isWikiLinkNode(after)) return after;
    return null;
  }
  if ($isElementNode(node)) {
    const before = anchor.offset > 0 ? node.getChildAtIndex(anchor.offset - 1) : null;
    const after = node.getChildAtIndex(anchor.offset);
    if ($isWikiLinkNode(before)) return before;
    if ($isWikiLinkNode(after)) return after;
  }
  return null;
}

/** The wiki link node a DOM node belongs to, or null. Needs a read context. */
export function $wikiLinkFromDOM(target: Node): WikiLinkNode | null {
  const node = $getNearestNodeFromDOMNode(target);
  return $isWikiLinkNode(node) ? node : null;
}

/** The wiki link element at or around a DOM event target inside `root`, or null. */
export function wikiLinkElementAt(target: EventTarget | null, root: HTMLElement): HTMLElement | null {
  if (!(target instanceof Element)) return null;
  const element = target.closest<HTMLElement>('[data-wiki-target]');
  return element !== null && root.contains(element) ? element : null;
}
