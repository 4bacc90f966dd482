/**
 * Parses a scanned GFM table into the table model, or refuses (null) a table the editor
 * cannot hold exactly: a row with more cells than the header (GFM would drop them).
 */
import { matchTableDelimiterRow, splitTableRow } from './blockSyntax';
import type { Line } from './lines';
import type { TableBlock, TableRow } from './model';
import { type InlineParseOptions, parseInline } from './parseInline';
import { tableRowSignature } from './blockSignatures';

/** The inline content of a cell: its text trimmed, `\|` read as a pipe even in code spans (GFM). */
export function parseTableCell(text: string, options: InlineParseOptions): TableRow['cells'][number] {
  return parseInline(text.trim().replace(/\\\|/g, '|'), options);
}

export function parseTable(
  lines: readonly Line[],
  from: number,
  to: number,
  options: InlineParseOptions,
): TableBlock | null {
  const align = matchTableDelimiterRow(lines[from + 1]!.text);
  if (align === null) return null;
  const columns = align.length;
  const rows: TableRow[] = [];
  for (let index = from; index < to; index++) {
    if (index === from + 1) continue;
    const source = lines[index]!.text;
    const cells = splitTableRow(source);
    if (cells.length > columns) return null;
    const parsed = cells.map((cell) => parseTableCell(cell, options));
    while (parsed.length < columns) parsed.push([]);
    const row: TableRow = { cells: parsed };
    rows.push({ ...row, origin: { source, signature: tableRowSignature(row, columns, options) } });
  }
  return { type: 'table', align, rows, delimiter: lines[from + 1]!.text };
}
