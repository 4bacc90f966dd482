/**
 * Builds Lexical nodes from the dialect's document model (the importer's last step).
 * The mapping is one to one, so {@link $readBlock} gives the same model back.
 */
import { $createCodeNode } from '@lexical/code';
import { $createLinkNode } from '@lexical/link';
import { $createListItemNode, $createListNode, type ListItemNode } from '@lexical/list';
import { $createHorizontalRuleNode } from '@lexical/react/LexicalHorizontalRuleNode';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import { $createTableCellNode, $createTableNode, $createTableRowNode, TableCellHeaderStates } from '@lexical/table';
import type { BlockNode, InlineNode, ListBlock, ListItemEntry, TableBlock } from '@shared/markdown/model';
import {
  $createLineBreakNode,
  $createParagraphNode,
  $createTextNode,
  $setState,
  type ElementNode,
  type LexicalNode,
} from 'lexical';
import { $createCalloutNode, $createCalloutTitleNode } from '../../callouts/CalloutNode';
import { $createEmbedBlockNode } from '../../embeds/EmbedBlockNode';
import { $createImageNode } from '../../nodes/ImageNode';
import { $createRawBlockNode } from '../../nodes/RawBlockNode';
import { $createWikiLinkNode } from '../../nodes/WikiLinkNode';
import {
  autolinkState,
  codeFenceState,
  escapedLiteralsState,
  lineBreakMarkerState,
  tableFormatState,
  tableRowOriginState,
} from '../fidelity/states';

/** Called for every list item node created, with the entry it came from. */
export type OnListItem = (entry: ListItemEntry, node: ListItemNode) => void;

/** Lexical inline nodes for inline content. */
export function $createInlineNodes(nodes: readonly InlineNode[]): LexicalNode[] {
  return nodes.map((node): LexicalNode => {
    switch (node.type) {
      case 'text':
        return $createTextNode(node.text).setFormat(node.format);
      case 'break': {
        const lineBreak = $createLineBreakNode();
        if (node.marker !== '') $setState(lineBreak, lineBreakMarkerState, node.marker);
        return lineBreak;
      }
      case 'link': {
        const link = $createLinkNode(node.url, { title: node.title });
        if (node.autolink) $setState(link, autolinkState, true);
        return link.append(...$createInlineNodes(node.children));
      }
      case 'wikilink':
        if (node.image && node.markdown)
          return $createImageNode({ source: node.markdown, target: node.target, label: node.label });
        return $createWikiLinkNode(node).setFormat(node.format);
    }
  });
}

function $withInline<T extends ElementNode>(
  element: T,
  nodes: readonly InlineNode[],
  escaped?: readonly string[] | undefined,
): T {
  element.append(...$createInlineNodes(nodes));
  if (escaped && escaped.length > 0) $setState(element, escapedLiteralsState, escaped);
  return element;
}

/** The Lexical node for a block. */
export function $createBlockNode(block: BlockNode, onListItem?: OnListItem): LexicalNode {
  switch (block.type) {
    case 'paragraph':
      return $withInline($createParagraphNode(), block.children, block.escaped);
    case 'heading':
      return $withInline($createHeadingNode(`h${block.level}`), block.children, block.escaped);
    case 'quote':
      return $withInline($createQuoteNode(), block.children, block.escaped);
    case 'code': {
      const code = $createCodeNode(block.language === '' ? undefined : block.language);
      $setState(code, codeFenceState, { fence: block.fence, meta: block.meta });
      if (block.text !== '') {
        block.text.split('\n').forEach((line, index) => {
          if (index > 0) code.append($createLineBreakNode());
          if (line !== '') code.append($createTextNode(line));
        });
      }
      return code;
    }
    case 'rule':
      return $createHorizontalRuleNode();
    case 'raw':
      return block.kind === 'embed' ? $createEmbedBlockNode(block.text) : $createRawBlockNode(block.text, block.kind);
    case 'list':
      return $createList(block, onListItem);
    case 'table':
      return $createTable(block);
    case 'callout': {
      const callout = $createCalloutNode(block.calloutType, block.fold);
      callout.append($withInline($createCalloutTitleNode(), block.title, block.titleEscaped));
      for (const child of block.body) callout.append($createBlockNode(child));
      return callout;
    }
  }
}

function $createTable(block: TableBlock): ElementNode {
  const table = $createTableNode();
  $setState(table, tableFormatState, { align: block.align, delimiter: block.delimiter ?? null });
  block.rows.forEach((row, index) => {
    const rowNode = $createTableRowNode();
    if (row.origin) $setState(rowNode, tableRowOriginState, row.origin);
    for (const cell of row.cells) {
      const cellNode = $createTableCellNode(index === 0 ? TableCellHeaderStates.ROW : TableCellHeaderStates.NO_STATUS);
      cellNode.append($withInline($createParagraphNode(), cell));
      rowNode.append(cellNode);
    }
    table.append(rowNode);
  });
  return table;
}

function $createList(block: ListBlock, onListItem: OnListItem | undefined): ElementNode {
  const list = $createListNode(block.listType, block.start);
  for (const entry of block.entries) {
    if (entry.kind === 'nested') {
      list.append($createListItemNode().append($createList(entry.list, onListItem)));
      continue;
    }
    const item = $createListItemNode(block.listType === 'check' ? entry.checked : undefined);
    $withInline(item, entry.children, entry.escaped);
    onListItem?.(entry, item);
    list.append(item);
  }
  return list;
}
