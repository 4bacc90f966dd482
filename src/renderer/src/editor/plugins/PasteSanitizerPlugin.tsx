import { $isCodeNode } from '@lexical/code';
import { $isLinkNode } from '@lexical/link';
import { $isListItemNode } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $isTableCellNode, $isTableNode } from '@lexical/table';
import { mergeRegister } from '@lexical/utils';
import {
  $isElementNode,
  $isTextNode,
  COMMAND_PRIORITY_CRITICAL,
  DROP_COMMAND,
  type LexicalEditor,
  type LexicalNode,
  PASTE_COMMAND,
  SELECTION_INSERT_CLIPBOARD_NODES_COMMAND,
  TEXT_TYPE_TO_FORMAT,
  type TextFormatType,
} from 'lexical';
import { useEffect } from 'react';
import { isAllowedLinkUrl } from '@shared/markdown/linkPolicy';
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

// A `<base` start tag: the HTML tokenizer ends a tag name at whitespace, `/` or `>`.
const BASE_START_TAG = /<base(?=[\t\n\f\r />])/gi;

/**
 * Pasted HTML with every `<base>` element turned into an inert `<wbr>` (its attributes kept,
 * meaning nothing there). The editor parses pasted HTML into a detached document, where no
 * script runs and nothing loads, but a `<base href>` would still re-base every relative
 * URL of the paste, and that document inherits the app's CSP, which reports it as a
 * `base-uri` violation: a pasted web page must not be able to do either.
 */
export function withoutBaseElements(html: string): string {
  return html.replace(BASE_START_TAG, '<wbr');
}

/** A copy of `data` whose HTML has no `<base>` element, or null when it had none. */
function withCleanHtml(data: DataTransfer | null): DataTransfer | null {
  const html = data?.getData('text/html') ?? '';
  const cleaned = withoutBaseElements(html);
  if (data == null || cleaned === html) return null;
  const copy = new DataTransfer();
  for (const type of data.types) {
    if (type !== 'Files') copy.setData(type, type === 'text/html' ? cleaned : data.getData(type));
  }
  for (const file of Array.from(data.files)) copy.items.add(file);
  return copy;
}

function registerPasteSanitizer(editor: LexicalEditor): () => void {
  return mergeRegister(
    // Runs before any other paste or drop handler: the HTML is cleaned and the event sent again.
    editor.registerCommand(
      PASTE_COMMAND,
      (event) => {
        const copy = 'clipboardData' in event ? withCleanHtml(event.clipboardData) : null;
        if (copy === null) return false;
        event.preventDefault();
        editor.dispatchCommand(PASTE_COMMAND, new ClipboardEvent('paste', { clipboardData: copy, cancelable: true }));
        return true;
      },
      COMMAND_PRIORITY_CRITICAL,
    ),
    editor.registerCommand(
      DROP_COMMAND,
      (event) => {
        const copy = withCleanHtml(event.dataTransfer);
        if (copy === null) return false;
        event.preventDefault();
        const { clientX, clientY, screenX, screenY } = event;
        editor.dispatchCommand(
          DROP_COMMAND,
          new DragEvent('drop', { dataTransfer: copy, clientX, clientY, screenX, screenY, cancelable: true }),
        );
        return true;
      },
      COMMAND_PRIORITY_CRITICAL,
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
 * Sanitizes everything pasted or dropped as rich content before it is inserted (see
 * {@link $sanitizeClipboardNodes}); plain text needs no sanitizing. Runs first and lets the
 * regular insertion (including table-into-table paste) proceed with the cleaned nodes.
 * Pasted or dropped HTML loses its `<base>` elements before the editor parses it (see
 * {@link withoutBaseElements}).
 */
export function PasteSanitizerPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerPasteSanitizer(editor), [editor]);
  return null;
}
