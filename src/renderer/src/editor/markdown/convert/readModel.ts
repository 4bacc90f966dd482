/**
 * Reads Lexical nodes back into the dialect's document model (the exporter's first step).
 */
import { $isCodeNode } from '@lexical/code';
import { $isAutoLinkNode, $isLinkNode } from '@lexical/link';
import { $isListItemNode, $isListNode, type ListItemNode, type ListNode } from '@lexical/list';
import { $isHorizontalRuleNode } from '@lexical/react/LexicalHorizontalRuleNode';
import { $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { $isTableCellNode, $isTableNode, $isTableRowNode, type TableNode } from '@lexical/table';
import type {
  BlockNode,
  CalloutBlock,
  InlineNode,
  ListBlock,
  ListEntry,
  ListItemEntry,
  ListItemOrigin,
  TableBlock,
  TableRow,
} from '@shared/markdown/model';
import {
  $getState,
  $isElementNode,
  $isLineBreakNode,
  $isParagraphNode,
  $isTextNode,
  type ElementNode,
  type LexicalNode,
} from 'lexical';
import { $isCalloutNode, $isCalloutTitleNode, type CalloutNode } from '../../callouts/CalloutNode';
import { $isRawBlockNode } from '../../nodes/RawBlockNode';
import { $isImageNode } from '../../nodes/ImageNode';
import { $isWikiLinkNode } from '../../nodes/WikiLinkNode';
import {
  autolinkState,
  codeFenceState,
  escapedLiteralsState,
  lineBreakMarkerState,
  tableFormatState,
  tableRowOriginState,
  unitOriginState,
} from '../fidelity/states';

/**
 * The inline content of `element`. Inline elements other than links (an autolink made
 * while typing…) contribute their content; inline decorators their text. A wiki link is
 * read with its parts as written (inside a link's text the serializer writes it as text).
 */
export function $readInline(element: ElementNode): InlineNode[] {
  const nodes: InlineNode[] = [];
  for (const child of element.getChildren()) {
    if ($isListNode(child)) continue;
    if ($isLineBreakNode(child)) {
      nodes.push({ type: 'break', marker: $getState(child, lineBreakMarkerState) });
    } else if ($isImageNode(child)) {
      const { source, target, label } = child.getParts();
      nodes.push({
        type: 'wikilink',
        target,
        heading: null,
        label,
        escapedPipe: false,
        format: 0,
        markdown: source,
        image: true,
      });
    } else if ($isWikiLinkNode(child)) {
      nodes.push({ type: 'wikilink', ...child.getParts(), format: child.getFormat() });
    } else if ($isTextNode(child)) {
      nodes.push({ type: 'text', text: child.getTextContent(), format: child.getFormat() });
    } else if ($isLinkNode(child) && !$isAutoLinkNode(child)) {
      nodes.push({
        type: 'link',
        url: child.getURL(),
        title: child.getTitle() ?? null,
        autolink: $getState(child, autolinkState),
        children: $readInline(child),
      });
    } else if ($isElementNode(child)) {
      nodes.push(...$readInline(child));
    } else {
      nodes.push({ type: 'text', text: child.getTextContent(), format: 0 });
    }
  }
  return nodes;
}

/** Inline content of a block with the escaped literals recorded for it. */
function $readContent(element: ElementNode): { children: InlineNode[]; escaped?: readonly string[] } {
  const children = $readInline(element);
  const escaped = $getState(element, escapedLiteralsState);
  return escaped.length > 0 ? { children, escaped } : { children };
}

/**
 * The block `node` stands for, or null for a node the dialect does not know. List item
 * origins are read only when they come from the import `doc`.
 */
export function $readBlock(node: LexicalNode, doc: string, onItem?: OnReadItem): BlockNode | null {
  if ($isParagraphNode(node)) return { type: 'paragraph', ...$readContent(node) };
  if ($isHeadingNode(node)) {
    const level = Number(node.getTag().slice(1)) as 1 | 2 | 3 | 4 | 5 | 6;
    return { type: 'heading', level, ...$readContent(node) };
  }
  if ($isQuoteNode(node)) return { type: 'quote', ...$readContent(node) };
  if ($isCodeNode(node)) {
    const fence = $getState(node, codeFenceState);
    return {
      type: 'code',
      language: node.getLanguage() ?? '',
      meta: fence.meta,
      fence: fence.fence,
      text: node.getTextContent(),
    };
  }
  if ($isHorizontalRuleNode(node)) return { type: 'rule' };
  if ($isRawBlockNode(node)) return { type: 'raw', kind: 'markdown', text: node.getText() };
  if ($isListNode(node)) return $readList(node, doc, onItem);
  if ($isTableNode(node)) return $readTable(node);
  if ($isCalloutNode(node)) return $readCallout(node, doc);
  return null;
}

/** A callout: its title's inline content, then every body block the dialect knows. */
function $readCallout(callout: CalloutNode, doc: string): CalloutBlock {
  const [title, ...rest] = callout.getChildren();
  const heading = $isCalloutTitleNode(title) ? $readContent(title) : { children: [] };
  const body: BlockNode[] = [];
  for (const child of $isCalloutTitleNode(title) ? rest : callout.getChildren()) {
    const block = $readBlock(child, doc);
    if (block !== null) body.push(block);
  }
  return {
    type: 'callout',
    calloutType: callout.getCalloutType(),
    fold: callout.getFold(),
    title: heading.children,
    ...(heading.escaped ? { titleEscaped: heading.escaped } : {}),
    body,
  };
}

/** A table: one row per TableRowNode, a cell's paragraphs joined by spaces (a cell is one line). */
function $readTable(table: TableNode): TableBlock {
  const format = $getState(table, tableFormatState);
  const rows: TableRow[] = [];
  for (const row of table.getChildren()) {
    if (!$isTableRowNode(row)) continue;
    const cells = row
      .getChildren()
      .filter($isTableCellNode)
      .map((cell) => {
        const inline: InlineNode[] = [];
        for (const block of cell.getChildren()) {
          if (inline.length > 0) inline.push({ type: 'text', text: ' ', format: 0 });
          if ($isElementNode(block)) inline.push(...$readInline(block));
          else inline.push({ type: 'text', text: block.getTextContent(), format: 0 });
        }
        return inline;
      });
    const origin = $getState(row, tableRowOriginState);
    rows.push(origin ? { cells, origin } : { cells });
  }
  // Alignments by column index, as wide as the rows (columns may have been added or removed).
  const columns = Math.max(1, ...rows.map((row) => row.cells.length));
  const align = Array.from({ length: columns }, (_, index) => format.align[index] ?? null);
  return { type: 'table', align, rows, delimiter: format.delimiter ?? undefined };
}

/** Called for every list item read, with the node it was read from. */
export type OnReadItem = (entry: ListItemEntry, node: ListItemNode) => void;

function $itemOrigin(item: ListItemNode, doc: string): ListItemOrigin | undefined {
  const origin = $getState(item, unitOriginState);
  if (origin === null || origin.doc !== doc || !origin.item) return undefined;
  return { source: origin.source, signature: origin.signature, ...origin.item };
}

function $readList(list: ListNode, doc: string, onItem: OnReadItem | undefined): ListBlock {
  const entries: ListEntry[] = [];
  for (const child of list.getChildren()) {
    if (!$isListItemNode(child)) continue;
    const children = child.getChildren();
    const nested = children.filter($isListNode);
    if (nested.length === children.length && nested.length > 0) {
      for (const sublist of nested) entries.push({ kind: 'nested', list: $readList(sublist, doc, onItem) });
      continue;
    }
    const entry: ListItemEntry = {
      kind: 'item',
      checked: child.getChecked() === true,
      ...$readContent(child),
      origin: $itemOrigin(child, doc),
    };
    onItem?.(entry, child);
    entries.push(entry);
    for (const sublist of nested) entries.push({ kind: 'nested', list: $readList(sublist, doc, onItem) });
  }
  return { type: 'list', listType: list.getListType(), start: list.getStart(), entries };
}
