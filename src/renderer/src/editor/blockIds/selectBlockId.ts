import { $createNodeSelection, $getRoot, $isElementNode, $setSelection, type LexicalNode } from 'lexical';
import { $isRawBlockNode } from '../nodes/RawBlockNode';
import { $isBlockIdNode } from './BlockIdNode';

/** The id a lone block id line names (`^list-1` under a list), lower-cased, or null for another node. */
function $lineBlockId(node: LexicalNode): string | null {
  return $isRawBlockNode(node) && node.getKind() === 'blockId' ? node.getText().trim().slice(1).toLowerCase() : null;
}

/**
 * Puts the caret at the end of the block carrying ` ^id` (ids compare case-insensitively,
 * as Obsidian's do), before its id, and returns the block to scroll to; null when no block
 * has it. An id alone on the line after a list, table or quote names that block: the caret
 * goes to its end. Needs an update context.
 */
export function $selectBlockId(id: string): { key: string } | null {
  const wanted = id.trim().toLowerCase();
  const visit = (node: LexicalNode): LexicalNode | null => {
    if ($isBlockIdNode(node)) return node.getId().toLowerCase() === wanted ? node : null;
    if ($lineBlockId(node) !== null) return $lineBlockId(node) === wanted ? node : null;
    if (!$isElementNode(node)) return null;
    for (const child of node.getChildren()) {
      const found = visit(child);
      if (found) return found;
    }
    return null;
  };
  const found = visit($getRoot());
  if (!found) return null;
  if ($lineBlockId(found) !== null) {
    const named = found.getPreviousSibling();
    if ($isElementNode(named)) {
      named.selectEnd();
      return { key: named.getKey() };
    }
    const selection = $createNodeSelection();
    selection.add(found.getKey());
    $setSelection(selection);
    return { key: (named ?? found).getKey() };
  }
  const block = found.getParent();
  if (!block) return null;
  const previous = found.getPreviousSibling();
  if (previous) previous.selectEnd();
  else block.selectStart();
  return { key: block.getKey() };
}
