import { $getRoot, $isElementNode, type LexicalNode } from 'lexical';
import { $isBlockIdNode } from './BlockIdNode';

/**
 * Puts the caret at the end of the block carrying ` ^id` (ids compare case-insensitively,
 * as Obsidian's do), before its id, and returns the block to scroll to; null when no block
 * has it. Needs an update context.
 */
export function $selectBlockId(id: string): { key: string } | null {
  const wanted = id.trim().toLowerCase();
  const visit = (node: LexicalNode): LexicalNode | null => {
    if ($isBlockIdNode(node)) return node.getId().toLowerCase() === wanted ? node : null;
    if (!$isElementNode(node)) return null;
    for (const child of node.getChildren()) {
      const found = visit(child);
      if (found) return found;
    }
    return null;
  };
  const found = visit($getRoot());
  const block = found?.getParent();
  if (!found || !block) return null;
  const previous = found.getPreviousSibling();
  if (previous) previous.selectEnd();
  else block.selectStart();
  return { key: block.getKey() };
}
