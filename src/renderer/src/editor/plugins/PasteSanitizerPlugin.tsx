import { $isCodeNode } from '@lexical/code';
import { $isLinkNode } from '@lexical/link';
import { $isListItemNode } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $isTableCellNode, $isTableNode } from '@lexical/table';
import {
  $isElementNode,
  $isTextNode,
  COMMAND_PRIORITY_CRITICAL,
  type LexicalNode,
  SELECTION_INSERT_CLIPBOARD_NODES_COMMAND,
  TEXT_TYPE_TO_FORMAT,
  type TextFormatType,
} from 'lexical';
import { useEffect } from 'react';
import { isAllowedLinkUrl } from './LinkGuardPlugin';
import { isDialectTextFormat } from './TextFormatGuardPlugin';

/** Bits of the text formats a note cannot hold (underline, sub/superscript, case…). */
const FOREIGN_FORMAT_BITS = (Object.entries(TEXT_TYPE_TO_FORMAT) as Array<[TextFormatType, number]>)
  .filter(([format]) => !isDialectTextFormat(format))
  .reduce((bits, [, bit]) => bits | bit, 0);

function $sanitizeNode(node: LexicalNode): void {
  if ($isTextNode(node)) {
    const format = node.getFormat();
    if (format & FOREIGN_FORMAT_BITS) node.setFormat(format & ~FOREIGN_FORMAT_BITS);
    if (node.getStyle() !== '') node.setStyle('');
    return;
  }
  if (!$isElementNode(node)) return;
  // Alignment, indentation of plain blocks and inline CSS have no Markdown form: they would
  // show in the editor and silently vanish on save.
  if (node.getFormatType() !== '') node.setFormat('');
  if (node.getStyle() !== '') node.setStyle('');
  if (node.getTextStyle() !== '') node.setTextStyle('');
  if (node.getIndent() !== 0 && !$isListItemNode(node)) node.setIndent(0);
  if ($isLinkNode(node)) {
    if (node.getTarget() !== null) node.setTarget(null);
  } else if ($isTableCellNode(node)) {
    if (node.getBackgroundColor() !== null) node.setBackgroundColor(null);
    if (node.getWidth() !== undefined) node.setWidth(undefined);
  } else if ($isTableNode(node)) {
    if (node.getColWidths() !== undefined) node.setColWidths(undefined);
  } else if ($isCodeNode(node)) {
    if (node.getTheme()) node.setTheme(null);
  }
  for (const child of node.getChildren()) $sanitizeNode(child);
}

/**
 * Reduces clipboard nodes (from pasted or dropped HTML, or another Lexical editor) to what
 * a note can hold. Lexical's HTML import already keeps only registered node types (scripts
 * and styles are skipped; unknown elements, iframes and event handlers never become nodes);
 * on top of that this removes inline CSS, alignment, stray indentation, cell colours and
 * widths, formats the dialect cannot write, link targets, and unwraps links whose URL
 * `isAllowedLinkUrl` refuses (keeping their text). Returns the sanitized top-level nodes.
 * Needs an update context.
 */
export function $sanitizeClipboardNodes(nodes: readonly LexicalNode[]): LexicalNode[] {
  const out: LexicalNode[] = [];
  for (const node of nodes) {
    $sanitizeNode(node);
    if ($isLinkNode(node) && !isAllowedLinkUrl(node.getURL())) {
      out.push(...node.getChildren());
    } else {
      out.push(node);
    }
  }
  // Nested disallowed links: unwrap in place, now that every node has been visited.
  for (const node of out) $unwrapNestedLinks(node);
  return out;
}

function $unwrapNestedLinks(node: LexicalNode): void {
  if (!$isElementNode(node)) return;
  for (const child of node.getChildren()) {
    if ($isLinkNode(child) && !isAllowedLinkUrl(child.getURL())) {
      const grandchildren = child.getChildren();
      for (const grandchild of grandchildren) child.insertBefore(grandchild);
      child.remove();
      for (const grandchild of grandchildren) $unwrapNestedLinks(grandchild);
    } else {
      $unwrapNestedLinks(child);
    }
  }
}

/**
 * Sanitizes everything pasted or dropped as rich content before it is inserted (see
 * {@link $sanitizeClipboardNodes}); plain text needs no sanitizing. Runs first and lets the
 * regular insertion (including table-into-table paste) proceed with the cleaned nodes.
 */
export function PasteSanitizerPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        SELECTION_INSERT_CLIPBOARD_NODES_COMMAND,
        (payload) => {
          // The caller inserts `payload.nodes` (the same array) when no listener handles the
          // command, so it is rewritten in place.
          const sanitized = $sanitizeClipboardNodes(payload.nodes);
          payload.nodes.splice(0, payload.nodes.length, ...sanitized);
          return false;
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
    [editor],
  );
  return null;
}
