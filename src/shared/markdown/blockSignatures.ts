/**
 * What decides whether a table row or a list item changed since it was read. The parser
 * records a block's signature with its source (`origin` in the model); the writer computes
 * it again and writes an unchanged row or item exactly as it was read. Both sides use
 * this module, so neither needs the other for it.
 */
import type { InlineNode, ListBlock, ListItemEntry, TableRow } from './model';
import { type InlineSerializeOptions, serializeInline } from './serializeInline';

/** The serializer options a signature depends on (those of `BlockSerializeOptions`). */
export type SignatureOptions = Pick<InlineSerializeOptions, 'strict' | 'isAllowedLinkUrl'>;

/** A table cell's content on one line, every pipe escaped (GFM reads `\|` as a pipe in any cell content). */
export function serializeTableCell(cell: readonly InlineNode[], options: SignatureOptions): string {
  return serializeInline(cell, { ...options, container: 'heading' }).replace(/\|/g, '\\|');
}

/** What decides whether a table row changed: its cells as Markdown and the table's width. */
export function tableRowSignature(row: TableRow, columns: number, options: SignatureOptions = {}): string {
  const cells = row.cells.slice(0, columns).map((cell) => serializeTableCell(cell, options));
  while (cells.length < columns) cells.push('');
  return `${columns}|${cells.join('|')}`;
}

/**
 * What decides whether a list item changed: its content as Markdown, its kind, depth,
 * check state, and (for the first item of a numbered list) the list's start number.
 */
export function listItemSignature(
  entry: ListItemEntry,
  list: ListBlock,
  depth: number,
  first: boolean,
  options: SignatureOptions = {},
): string {
  const start = first && list.listType === 'number' ? String(list.start) : '';
  const checked = list.listType === 'check' && entry.checked ? 'x' : '';
  const content = serializeInline(entry.children, {
    isAllowedLinkUrl: options.isAllowedLinkUrl,
    escaped: entry.escaped,
  });
  return `${list.listType}|${depth}|${checked}|${start}|${content}`;
}
