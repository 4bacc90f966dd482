import { $isCodeNode } from '@lexical/code';
import { $isLinkNode } from '@lexical/link';
import { $isListItemNode } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $isTableCellNode, $isTableNode } from '@lexical/table';
import { mergeRegister } from '@lexical/utils';
import {
  $addUpdateTag,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isSelectionCapturedInDecoratorInput,
  $isTextNode,
  COMMAND_PRIORITY_CRITICAL,
  COMMAND_PRIORITY_LOW,
  CONTROLLED_TEXT_INSERTION_COMMAND,
  DROP_COMMAND,
  isDOMNode,
  type LexicalEditor,
  type LexicalNode,
  PASTE_COMMAND,
  PASTE_TAG,
  type PasteCommandType,
  SELECTION_INSERT_CLIPBOARD_NODES_COMMAND,
  TEXT_TYPE_TO_FORMAT,
  type TextFormatType,
} from 'lexical';
import { useEffect } from 'react';
import { isAllowedLinkUrl } from '@shared/markdown/linkPolicy';
import { $insertClipboardHtml, type ClipboardData, clipboardHtmlToImport } from '../clipboardHtml';
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

/** The type Lexical marks a drag from one of its editors with (see $writeDragSourceToDataTransfer). */
const LEXICAL_DRAG_MIME_TYPE = 'application/x-lexical-drag';

/**
 * Reduces clipboard nodes (from pasted or dropped HTML, or another Lexical editor) to what
 * a note can hold. Lexical's HTML import already keeps only registered node types (scripts
 * and styles are skipped; unknown elements, iframes and event handlers never become nodes);
 * the HTML itself was reduced first (clipboardHtml). On top of that this removes inline CSS,
 * alignment, stray indentation, cell colours and widths, formats the dialect cannot write,
 * link targets, and unwraps links whose URL `isAllowedLinkUrl` refuses (keeping their text). Returns the sanitized top-level nodes.
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

/** The clipboard of a paste event, or null for a paste without one (an `insertFromPaste` input). */
function clipboardOf(event: PasteCommandType): DataTransfer | null {
  return 'clipboardData' in event ? event.clipboardData : null;
}

/**
 * Inserts the HTML of `data` at the selection, parsed and sanitized in an inert document
 * (clipboardHtml), when Lexical's own handler would otherwise parse it. Returns false
 * (nothing done) when there is no HTML to import or Lexical takes the paste from its own
 * serialized nodes. Needs an update context.
 */
function $importHtml(editor: LexicalEditor, data: ClipboardData | null, tag?: string): boolean {
  const html = data === null ? null : clipboardHtmlToImport(data, editor);
  const selection = $getSelection();
  if (html === null || selection === null) return false;
  if (tag !== undefined) $addUpdateTag(tag);
  $insertClipboardHtml(editor, html, selection);
  return true;
}

function registerPasteSanitizer(editor: LexicalEditor): () => void {
  return mergeRegister(
    // Below the large paste, plain-text paste and link-on-paste handlers, above Lexical's own
    // (COMMAND_PRIORITY_EDITOR), which would parse the HTML itself.
    editor.registerCommand(
      PASTE_COMMAND,
      (event) => {
        const data = clipboardOf(event);
        if (data === null) return false;
        // As Lexical does: a paste into an input inside a decorator is the input's.
        if (isDOMNode(event.target) && $isSelectionCapturedInDecoratorInput(event.target)) return false;
        // A URL pasted over selected plain text becomes its link: left to LinkPlugin, on
        // exactly its own condition (so it never falls through to Lexical's HTML import).
        const selection = $getSelection();
        if (
          $isRangeSelection(selection) &&
          !selection.isCollapsed() &&
          isAllowedLinkUrl(data.getData('text')) &&
          !selection.getNodes().some((node) => $isElementNode(node) || ($isTextNode(node) && !node.isSimpleText()))
        ) {
          return false;
        }
        // PASTE_TAG: its own undo step, as any paste.
        if (!$importHtml(editor, data, PASTE_TAG)) return false;
        event.preventDefault();
        return true;
      },
      COMMAND_PRIORITY_LOW,
    ),
    // Text dragged from outside any Lexical editor arrives as a beforeinput `insertFromDrop`.
    editor.registerCommand(
      CONTROLLED_TEXT_INSERTION_COMMAND,
      (payload) => typeof payload !== 'string' && $importHtml(editor, payload.dataTransfer),
      COMMAND_PRIORITY_LOW,
    ),
    // A drag from a Lexical editor (marked at dragstart) is dropped by Lexical itself, which
    // reads that editor's serialized nodes. A drop claiming that origin without carrying
    // this editor's own nodes was forged (any page can set those types): it is refused
    // rather than have Lexical parse its HTML.
    editor.registerCommand(
      DROP_COMMAND,
      (event) => {
        const data = event.dataTransfer;
        if (data === null || !data.types.includes(LEXICAL_DRAG_MIME_TYPE)) return false;
        if (clipboardHtmlToImport(data, editor) === null) return false;
        event.preventDefault();
        return true;
      },
      COMMAND_PRIORITY_LOW,
    ),
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
  );
}

/**
 * Everything pasted or dropped as rich content is sanitized twice before it is inserted:
 * its HTML is parsed and reduced in an inert document (clipboardHtml: Lexical's own HTML
 * parsing is never reached), then the editor nodes made from it, or from another Lexical
 * editor's clipboard, are cleaned ({@link $sanitizeClipboardNodes}). Plain text needs no
 * sanitizing. The regular insertion (including table-into-table paste) proceeds with the
 * cleaned nodes.
 */
export function PasteSanitizerPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerPasteSanitizer(editor), [editor]);
  return null;
}
